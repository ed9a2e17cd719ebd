"""Two builds give the same book: byte-identical CSV tables and identical chapter outputs.

The second build runs with another PYTHONHASHSEED than ``make`` uses, so that nothing may depend
on the order of a set or a dict of strings by accident.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import nbformat
import pytest

from pressframe.base.paths import repo_root
from pressframe.publish.build import book_notebooks, execute_notebook
from pressframe.publish.tables import table_schema


def _export(out, seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-m", "pressframe", "export", str(out)], check=True, env=env, capture_output=True)
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


def test_two_exports_are_byte_identical(tmp_path):
    first, second = _export(tmp_path / "a", "1"), _export(tmp_path / "b", "2")
    assert first.keys() == second.keys() == {f"{name}.csv" for name in table_schema()}
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.site
def test_the_site_serves_the_same_tables_as_a_fresh_export(tmp_path):
    fresh = _export(tmp_path / "fresh", "3")
    site = repo_root() / "_build" / "html" / "data"
    assert [name for name, data in fresh.items() if (site / name).read_bytes() != data] == []


def _outputs(path) -> list[str]:
    notebook = nbformat.read(path, as_version=4)
    return [json.dumps(cell.get("outputs", []), sort_keys=True) for cell in notebook.cells if cell.cell_type == "code"]


def test_a_fresh_execution_gives_every_chapter_exactly_its_stored_outputs(tmp_path, monkeypatch):
    """All outputs, images included, byte for byte (nbval, by contrast, compares text and skips images)."""
    monkeypatch.setenv("PYTHONHASHSEED", "7")          # inherited by the kernels
    book = repo_root() / "book"
    copy = tmp_path / "book"
    shutil.copytree(book, copy, ignore=shutil.ignore_patterns("_build", ".ipynb_checkpoints"))
    differing = []
    for path in book_notebooks(book):
        fresh = copy / path.relative_to(book)
        execute_notebook(fresh)
        stored, rerun = _outputs(path), _outputs(fresh)
        changed = [i for i, (a, b) in enumerate(zip(stored, rerun)) if a != b]
        if changed or len(stored) != len(rerun):
            differing.append(f"{path.relative_to(book)}: code cells {changed}")
    assert differing == []
