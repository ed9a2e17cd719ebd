"""pressframe.publish.build: a notebook counts as stale when its code, the corpus or the library changes."""

from __future__ import annotations

import shutil

import nbformat

from pressframe import build
from pressframe.base.paths import repo_root


def notebook(source: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), nbformat.v4.new_code_cell(source)]
    return nb


def test_digest_depends_on_code_not_prose():
    a, b = notebook("x = 1"), notebook("x = 1")
    b.cells[0].source = "# Another title"
    assert build.inputs_digest(a) == build.inputs_digest(b)
    assert build.inputs_digest(a) != build.inputs_digest(notebook("x = 2"))


def test_digest_depends_on_the_corpus(tmp_path, monkeypatch, seeds_dir):
    corpus = tmp_path / "seeds"
    corpus.mkdir()
    for path in seeds_dir.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    monkeypatch.setenv("PRESSFRAME_CORPUS", str(corpus))
    before = build.inputs_digest(notebook("x = 1"))
    text = next(corpus.glob("*.txt"))
    text.write_bytes(text.read_bytes() + b"\nNeuer Absatz.\n")
    assert build.inputs_digest(notebook("x = 1")) != before


def test_committed_chapters_are_current():
    """Every committed chapter was executed with the present code, corpus and library (run `make book`)."""
    stale = [p.name for p in build.book_notebooks(repo_root() / "book") if build.is_stale(p)]
    assert stale == []


def test_templates_and_checkpoints_are_not_chapters(tmp_path):
    for rel in ("a.ipynb", "templates/t.ipynb", "x/.ipynb_checkpoints/a.ipynb", "_build/b.ipynb"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook("1"), path)
    assert [p.relative_to(tmp_path).as_posix() for p in build.book_notebooks(tmp_path)] == ["a.ipynb"]


def test_digest_follows_the_files_a_chapter_declares(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    (root / "seeds").mkdir(parents=True)
    (root / "pyproject.toml").write_text("", encoding="utf-8")
    (root / "extra.lock").write_text("a==1\n", encoding="utf-8")
    monkeypatch.setenv("PRESSFRAME_ROOT", str(root))
    monkeypatch.setenv("PRESSFRAME_CORPUS", str(root / "seeds"))
    declared = notebook("x = 1")
    declared.metadata["pressframe"] = {"depends_on": ["*.lock"]}
    before, plain = build.inputs_digest(declared), build.inputs_digest(notebook("x = 1"))
    (root / "extra.lock").write_text("a==2\n", encoding="utf-8")
    assert build.inputs_digest(declared) != before
    assert build.inputs_digest(notebook("x = 1")) == plain


def test_changing_one_text_makes_only_its_chapter_and_the_cross_outlet_chapters_stale(tmp_path, monkeypatch, seeds_dir):
    corpus = tmp_path / "seeds"
    shutil.copytree(seeds_dir, corpus)
    monkeypatch.setenv("PRESSFRAME_CORPUS", str(corpus))
    book = repo_root() / "book"
    assert [p for p in build.book_notebooks(book) if build.is_stale(p)] == []
    text = sorted(corpus.glob("004_*.txt"))[0]
    text.write_bytes(text.read_bytes() + "\nEin neuer Absatz.\n".encode("utf-8"))
    stale = {p.relative_to(book).as_posix() for p in build.book_notebooks(book) if build.is_stale(p)}
    articles = {p.relative_to(book).as_posix() for p in (book / "articles").glob("*.ipynb")}
    assert stale & articles == {"articles/004.ipynb"}
    assert stale - articles == {p.relative_to(book).as_posix() for p in build.book_notebooks(book)} - articles
