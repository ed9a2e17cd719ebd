"""Tests for pressframe.corpus.load and the ``python -m pressframe validate`` / ``export`` commands.

Each test copies the real seeds into a temporary corpus folder, breaks one thing, and checks that
the problem is reported with its file, line and field: as a Problem from validate_corpus, as a
CorpusError from load_corpus, and as one "error: " line on standard error with exit status 2.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pressframe.cli import main
from pressframe.corpus.load import CorpusError, Problem, load_corpus, split_lines, validate_corpus

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED_SEEDS = Path("/work/shared/seeds")
FILES = {
    "000": "000_ec7ae2247926911e.txt",
    "001": "001_bd381afa37355e67.txt",
    "002": "002_71b4c86417c61d5f.txt",
    "003": "003_e401c0b6fb0dcb01.txt",
    "004": "004_c113ebff31e06745.txt",
}
CSV_LINE = {"000": 2, "001": 3, "002": 4, "003": 5, "004": 6}   # header is line 1, one row per line


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of seeds/ (every text and articles.csv) in a temporary folder named ``corpus``."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in [*SEEDS.glob("*.txt"), SEEDS / "articles.csv"]:
        shutil.copyfile(path, folder / path.name)
    return folder


def read_table(folder: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(folder / "articles.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames), list(reader)


def write_table(folder: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    (folder / "articles.csv").write_text(out.getvalue(), encoding="utf-8", newline="")


def edit_row(folder: Path, article_id: str, **changes: str) -> None:
    header, rows = read_table(folder)
    (row,) = [r for r in rows if r["article_id"] == article_id]
    row.update(changes)
    write_table(folder, header, rows)


def run_cli(capsys, argv: list[str]) -> tuple[int, list[str], str]:
    """Exit status, the stderr lines that report problems, and stdout; checks the report's form."""
    code = main(argv)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    lines = captured.err.splitlines()
    if code == 0:
        assert captured.err == ""
        return code, [], captured.out
    assert code == 2
    *errors, summary = lines
    assert errors and all(line.startswith("error: ") for line in errors)
    assert summary == f"{len(errors)} problem(s) found; nothing was written."
    assert captured.out == ""
    return code, errors, captured.out


def only_problem(folder: Path) -> Problem:
    problems = validate_corpus(folder)
    assert len(problems) == 1, problems
    with pytest.raises(CorpusError) as raised:
        load_corpus(folder)
    assert raised.value.problems == problems
    return problems[0]


# --- the real seeds -----------------------------------------------------------------------------

def test_copied_corpus_is_valid(corpus: Path) -> None:
    assert validate_corpus(corpus) == []
    header, rows = read_table(corpus)
    write_table(corpus, header, rows)             # the CSV helpers alone break nothing
    assert validate_corpus(corpus) == []


def test_seeds_validate(capsys) -> None:
    code, errors, out = run_cli(capsys, ["validate", str(SEEDS)])
    assert code == 0
    assert out == f"corpus OK: 5 articles in {SEEDS} (French-derived, German, Swiss)\n"


def test_validate_defaults_to_the_repository_seeds(capsys, monkeypatch) -> None:
    monkeypatch.delenv("PRESSFRAME_CORPUS", raising=False)
    monkeypatch.delenv("PRESSFRAME_ROOT", raising=False)
    code, _, out = run_cli(capsys, ["validate"])
    assert code == 0
    assert out.startswith(f"corpus OK: 5 articles in {SEEDS} ")


def test_seeds_load() -> None:
    articles = load_corpus(SEEDS)
    assert [a.article_id for a in articles] == ["000", "001", "002", "003", "004"]
    assert [a.file for a in articles] == list(FILES.values())
    assert [a.country_group for a in articles] == ["Swiss", "German", "German", "French-derived", "Swiss"]
    _, rows = read_table(SEEDS)                    # the rest of the metadata is as the CSV says
    assert [a.country_group for a in articles] == [r["country_group"] for r in rows]
    assert [a.outlet for a in articles] == [r["outlet"] for r in rows]
    assert [a.published for a in articles] == [date.fromisoformat(r["published"]) for r in rows]
    assert [a.event for a in articles] == [r["event"] for r in rows]
    for article in articles:
        assert article.text == (SEEDS / article.file).read_bytes().decode("utf-8")


def test_seeds_are_unchanged() -> None:
    if not SHARED_SEEDS.is_dir():
        pytest.skip(f"{SHARED_SEEDS} (the seeds as delivered) is not on this machine")
    delivered = sorted(p.name for p in SHARED_SEEDS.iterdir())
    assert delivered == sorted(FILES.values())
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == delivered
    for name in delivered:
        assert (SEEDS / name).read_bytes() == (SHARED_SEEDS / name).read_bytes(), name


def test_python_dash_m_exits_2_without_traceback(corpus: Path) -> None:
    (corpus / FILES["002"]).unlink()
    run = subprocess.run([sys.executable, "-m", "pressframe", "validate", str(corpus)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.splitlines()[0] == (
        f"error: corpus/articles.csv, line 4: field 'file': text file '{FILES['002']}' does not exist in corpus/")


# --- one broken thing per test ------------------------------------------------------------------

def test_row_whose_text_is_missing(corpus: Path, capsys) -> None:
    (corpus / FILES["001"]).unlink()
    problem = only_problem(corpus)
    assert (problem.path, problem.line, problem.field) == ("corpus/articles.csv", 3, "file")
    code, errors, _ = run_cli(capsys, ["validate", str(corpus)])
    assert errors == [f"error: corpus/articles.csv, line 3: field 'file': "
                      f"text file '{FILES['001']}' does not exist in corpus/"]


def test_text_without_row(corpus: Path, capsys) -> None:
    (corpus / "005_extra.txt").write_text("Ein Text ohne Metadaten.\n", encoding="utf-8")
    problem = only_problem(corpus)
    assert (problem.path, problem.line, problem.field) == ("corpus/005_extra.txt", None, None)
    code, errors, _ = run_cli(capsys, ["validate", str(corpus)])
    assert errors == ["error: corpus/005_extra.txt: text has no row in articles.csv"]


def test_duplicate_row(corpus: Path, capsys) -> None:
    header, rows = read_table(corpus)
    write_table(corpus, header, rows + [rows[2]])          # 002 again, on line 7
    problems = validate_corpus(corpus)
    assert [(p.line, p.field) for p in problems] == [(7, "article_id"), (7, "file")]
    code, errors, _ = run_cli(capsys, ["validate", str(corpus)])
    assert errors == [
        "error: corpus/articles.csv, line 7: field 'article_id': duplicate article_id '002' (first on line 4)",
        f"error: corpus/articles.csv, line 7: field 'file': duplicate file '{FILES['002']}' (first on line 4)",
    ]


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n \n"], ids=["empty", "white-space-only"])
def test_empty_text(corpus: Path, capsys, content: bytes) -> None:
    (corpus / FILES["003"]).write_bytes(content)
    problem = only_problem(corpus)
    assert (problem.path, problem.line, problem.field) == (f"corpus/{FILES['003']}", None, None)
    code, errors, _ = run_cli(capsys, ["validate", str(corpus)])
    assert errors == [f"error: corpus/{FILES['003']}: text is empty or whitespace only"]


@pytest.mark.parametrize(("bad", "reason"), [(b"\xff", "invalid start byte"), (b"\xc3", "invalid continuation byte")],
                         ids=["0xff", "truncated-sequence"])
def test_invalid_utf8_names_the_byte_offset(corpus: Path, capsys, bad: bytes, reason: str) -> None:
    path = corpus / FILES["004"]
    raw = path.read_bytes()
    offset = raw.index("Begrüssungszeremonie".encode()) + 3        # between "Beg" and "rüssung", ASCII follows
    path.write_bytes(raw[:offset] + bad + raw[offset:])
    problem = only_problem(corpus)
    assert problem.path == f"corpus/{FILES['004']}"
    assert f"byte offset {offset} " in problem.message
    code, errors, _ = run_cli(capsys, ["validate", str(corpus)])
    assert errors == [f"error: corpus/{FILES['004']}: not valid UTF-8 at byte offset {offset} "
                      f"(byte 0x{bad.hex()}: {reason})"]
    assert "\ufffd" not in "".join(errors) + str(validate_corpus(corpus)) + problem.message


def test_a_row_may_introduce_a_country_group(corpus: Path, capsys) -> None:
    """Groups are data: a group the groups file does not list is valid, and the book gives it a place."""
    edit_row(corpus, "001", country_group="Liechtenstein")
    assert validate_corpus(corpus) == []
    code, _, out = run_cli(capsys, ["validate", str(corpus)])
    assert code == 0 and "Liechtenstein" in out


def test_an_empty_country_group_is_still_an_error(corpus: Path) -> None:
    edit_row(corpus, "001", country_group="")
    problem = only_problem(corpus)
    assert (problem.line, problem.field) == (3, "country_group")


def renumber(folder: Path, old: str, new: str) -> None:
    """Give article ``old`` the id ``new``, in its row and in its file name."""
    header, rows = read_table(folder)
    (row,) = [r for r in rows if r["article_id"] == old]
    row["article_id"], row["file"] = new, new + FILES[old].removeprefix(old)
    write_table(folder, header, rows)
    (folder / FILES[old]).rename(folder / row["file"])


@pytest.mark.parametrize("value", ["01", "1a3", "x001"])
def test_article_id_needs_three_or_more_digits(corpus: Path, capsys, value: str) -> None:
    renumber(corpus, "004", value)
    problem = only_problem(corpus)
    assert (problem.line, problem.field) == (6, "article_id")
    assert problem.message == f"'{value}' is not an id of three or more digits"


def test_article_id_of_four_digits_loads(corpus: Path) -> None:
    renumber(corpus, "004", "1004")
    assert [a.article_id for a in load_corpus(corpus)] == ["000", "001", "002", "003", "1004"]


@pytest.mark.parametrize("value", ["2024-13-01", "19.06.2024", "2024-02-30"])
def test_invalid_date(corpus: Path, capsys, value: str) -> None:
    edit_row(corpus, "004", published=value)
    problem = only_problem(corpus)
    assert (problem.line, problem.field) == (6, "published")
    code, errors, _ = run_cli(capsys, ["validate", str(corpus)])
    assert errors == [f"error: corpus/articles.csv, line 6: field 'published': "
                      f"'{value}' is not a valid ISO date (YYYY-MM-DD)"]


def test_a_publication_date_in_the_future_is_an_error_naming_row_and_field(corpus: Path, capsys) -> None:
    edit_row(corpus, "004", published="2031-06-19")
    problem = only_problem(corpus)
    assert (problem.line, problem.field) == (6, "published")
    code, errors, _ = run_cli(capsys, ["validate", str(corpus)])
    assert code == 2 and errors[0].startswith("error: corpus/articles.csv, line 6: field 'published': '2031-06-19' lies "
                                              "in the future")


def test_empty_required_field(corpus: Path, capsys) -> None:
    edit_row(corpus, "000", outlet="  ")
    problem = only_problem(corpus)
    assert (problem.line, problem.field) == (2, "outlet")
    code, errors, _ = run_cli(capsys, ["validate", str(corpus)])
    assert errors == ["error: corpus/articles.csv, line 2: field 'outlet': required field is empty"]


def test_missing_column(corpus: Path, capsys) -> None:
    header, rows = read_table(corpus)
    write_table(corpus, [name for name in header if name != "outlet"], rows)
    problem = only_problem(corpus)
    assert (problem.path, problem.line, problem.field) == ("corpus/articles.csv", 1, "outlet")
    code, errors, _ = run_cli(capsys, ["validate", str(corpus)])
    assert errors == ["error: corpus/articles.csv, line 1: field 'outlet': required column is missing from the header"]


def test_evidence_not_in_text(corpus: Path, capsys) -> None:
    edit_row(corpus, "004", evidence_outlet="erklärt gegenüber Blick")
    problem = only_problem(corpus)
    assert (problem.line, problem.field) == (6, "evidence_outlet")
    code, errors, _ = run_cli(capsys, ["validate", str(corpus)])
    assert errors == [f"error: corpus/articles.csv, line 6: field 'evidence_outlet': "
                      f"evidence quotation not found in {FILES['004']}: 'erklärt gegenüber Blick'"]


def test_one_of_several_evidence_quotations_not_in_text(corpus: Path) -> None:
    edit_row(corpus, "002", evidence_published="Es ist spätestens am Mittwoch eine pompöse | am Donnerstag")
    problem = only_problem(corpus)
    assert (problem.line, problem.field) == (4, "evidence_published")
    assert problem.message.endswith(": 'am Donnerstag'")


# --- what is accepted ---------------------------------------------------------------------------

@pytest.mark.parametrize(("bom", "line_end"), [(True, b"\n"), (False, b"\r\n"), (True, b"\r\n"), (False, b"\r")],
                         ids=["bom", "crlf", "bom-crlf", "cr"])
def test_bom_and_line_ends_are_normalised(corpus: Path, bom: bool, line_end: bytes) -> None:
    path = corpus / FILES["000"]
    original = path.read_bytes()
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + original.replace(b"\n", line_end))
    articles = {a.article_id: a for a in load_corpus(corpus)}
    article = articles["000"]
    assert "\ufeff" not in article.text and "\r" not in article.text
    assert article.text == original.decode("utf-8")
    assert article.lines == split_lines(original.decode("utf-8"))
    assert article.lines[0] == "Zum Inhalt springen"
    assert article.lines[38] == "Tagesschau, 13.9.2023, 12:45 Uhr"


# --- export -------------------------------------------------------------------------------------

def test_export_with_bad_corpus_writes_nothing(corpus: Path, tmp_path: Path, capsys) -> None:
    edit_row(corpus, "003", published="2024-02-30")
    target = tmp_path / "out"
    target.mkdir()
    (target / "articles.csv").write_text("older export\n", encoding="utf-8")
    code, errors, _ = run_cli(capsys, ["export", str(target), "--corpus", str(corpus)])
    assert code == 2
    assert errors == ["error: corpus/articles.csv, line 5: field 'published': "
                      "'2024-02-30' is not a valid ISO date (YYYY-MM-DD)"]
    assert [p.name for p in target.iterdir()] == ["articles.csv"]
    assert (target / "articles.csv").read_text(encoding="utf-8") == "older export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]     # no staging folder left


def test_export_with_bad_corpus_creates_no_target(corpus: Path, tmp_path: Path, capsys) -> None:
    (corpus / FILES["000"]).unlink()
    target = tmp_path / "new" / "out"
    code, errors, _ = run_cli(capsys, ["export", str(target), "--corpus", str(corpus)])
    assert code == 2 and len(errors) == 1
    assert not (tmp_path / "new").exists()


def test_blank_line_between_rows_keeps_line_numbers(corpus):
    """csv skips blank lines; the line named in a message must still be the row's physical line."""
    path = corpus / "articles.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = lines[:2] + ["\n"] + lines[2:]
    broken[3] = broken[3].replace(",inferred,", ",guessed,", 1)
    path.write_text("".join(broken), encoding="utf-8")
    problems = validate_corpus(corpus)
    assert [(p.line, p.field) for p in problems] == [(4, "published_status")]
