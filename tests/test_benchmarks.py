"""Tests for pressframe.publish.benchmarks: reading the benchmark's results and the facts a page states."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from pressframe.publish.benchmarks import (
    RESULT_COLUMNS,
    ResultsError,
    build_table,
    load_results,
    one_article_rebuild,
    scaling_display,
    scaling_table,
    stage_table,
    summary_facts,
)

ROWS = """\
benchmark,kind,size,articles,runs,median_s,min_s,max_s,tokens,tokens_per_s,peak_mib,exponent,ratio,note
core,core,10,50,5,2.0,1.9,2.2,40000,20000.0,130.5,,,
core:quotes,stage,10,50,5,0.5,0.4,0.6,40000,,,,0.25,123 rows
core:tokens,stage,10,50,5,0.8,0.7,0.9,40000,,,,0.4,40000 rows
floor,baseline,10,50,5,0.02,0.02,0.03,38000,1900000.0,60.0,,0.01,regex
spacy,baseline,10,50,5,0.5,0.5,0.6,41000,82000.0,200.0,,0.25,spacy
core,core,100,500,5,21.0,20.0,23.0,400000,19047.6,250.0,1.0212,,
floor,baseline,100,500,5,0.2,0.2,0.2,380000,1900000.0,70.0,,0.0095,regex
spacy,baseline,100,500,5,5.0,5.0,5.1,410000,82000.0,300.0,,0.2381,spacy
build:pdf,build,,,,,,,,,,,,skipped: no 'pdf' target
build:test,build,,,1,95.5,95.5,95.5,,,,,,the test command
"""


@pytest.fixture
def results_csv(tmp_path: Path) -> Path:
    path = tmp_path / "results.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


def test_numbers_are_numbers_and_empty_cells_nan(results_csv: Path) -> None:
    table = load_results(results_csv)
    assert list(table.columns) == list(RESULT_COLUMNS)
    core = table[table.kind == "core"]
    assert core["size"].tolist() == [10.0, 100.0] and core.median_s.tolist() == [2.0, 21.0]
    assert math.isnan(core.exponent.iloc[0]) and core.exponent.iloc[1] == pytest.approx(1.0212)


def test_scaling_table_puts_the_baselines_beside_the_core(results_csv: Path) -> None:
    table = scaling_table(load_results(results_csv))
    assert table["size"].tolist() == [10.0, 100.0]
    assert table.floor_ratio.tolist() == [0.01, 0.0095]
    assert table.spacy_ratio.tolist() == [0.25, 0.2381]


def test_stages_slowest_first(results_csv: Path) -> None:
    stages = stage_table(load_results(results_csv), 10)
    assert stages.stage.tolist() == ["tokens", "quotes"] and stages.share.tolist() == [0.4, 0.25]


def test_summary_facts_of_the_largest_size(results_csv: Path) -> None:
    facts = summary_facts(load_results(results_csv))
    assert (facts["largest_size"], facts["largest_articles"], facts["largest_seconds"]) == (100, 500, 21.0)
    assert facts["last_exponent"] == pytest.approx(1.0212) and facts["spacy_ratio"] == pytest.approx(0.2381)
    assert facts["meets_time"] and facts["meets_memory"] and facts["meets_exponent"]
    assert facts["build_seconds"] == {"test": 95.5}


def test_a_missed_target_is_reported(results_csv: Path) -> None:
    table = load_results(results_csv)
    table.loc[(table.kind == "core") & (table["size"] == 100), ["median_s", "exponent"]] = [75.0, 1.5]
    facts = summary_facts(table)
    assert not facts["meets_time"] and not facts["meets_exponent"] and facts["meets_memory"]


def test_missing_column_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_text("benchmark,kind\ncore,core\n", encoding="utf-8")
    with pytest.raises(ResultsError, match="results.csv: missing column"):
        load_results(path)


def test_missing_file_says_how_to_make_it(tmp_path: Path) -> None:
    with pytest.raises(ResultsError, match="make bench"):
        load_results(tmp_path / "results.csv")


def test_committed_results_cover_every_size() -> None:
    table = scaling_table(load_results())
    assert table["size"].tolist() == [1, 10, 100, 1000]
    assert (table.tokens_per_s > 0).all() and (table.peak_mib > 0).all()


def test_build_table_judges_each_step_against_its_target(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_text(ROWS.replace("build:test,build,,,1,95.5,95.5,95.5", "build:test,build,,,1,312.0,312.0,312.0")
                    + "build:html_nochange,build,,,3,7.5,7.0,9.0,,,,,,rebuild\n"
                    + 'build:html_one_article,build,,,3,30,29,31,,,,,,"rebuild (004_x.txt); re-executed: '
                      'book/articles/004.ipynb, book/timeline.ipynb"\n', encoding="utf-8")
    results = load_results(path)
    table = build_table(results)
    assert table.step.tolist() == ["rebuild, nothing changed", "PDF edition", "rebuild after one text changed",
                                   "the test command"]
    assert table.met.tolist() == ["yes", "", "", "no"]      # the PDF row was skipped: no verdict
    assert table.runs.tolist() == [3, 0, 3, 1]
    assert one_article_rebuild(results) == ["book/articles/004.ipynb", "book/timeline.ipynb"]


def test_scaling_display_formats_for_reading(results_csv: Path) -> None:
    shown = scaling_display(load_results(results_csv))
    assert shown.iloc[1].tolist() == ["100", "500", "400,000", "21.00 (20.00–23.00)", "19,048", "250", "1.02", "0.009",
                                      "0.238"]
    assert shown.iloc[0]["exponent"] == ""
