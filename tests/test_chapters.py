"""Article chapters come from the corpus: a sixth text with its row gives a sixth chapter, end to end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import copy_book

from pressframe.base.paths import repo_root
from pressframe.corpus.load import load_corpus
from pressframe.publish.build import execute_notebook, markdown_escape, sync_article_chapters

SIXTH_TEXT = """Ein Titel über das Bündnis der Autokraten

Ein kurzer Vorspann über den Besuch von Putin bei Kim.

Der russische Präsident Wladimir Putin reiste nach Pjöngjang. «Wir sind Freunde für immer», sagte Putin. Kim Jong-un empfing ihn am Flughafen.

Die Folgen für die Region sind unklar. Experten sehen darin ein Zeichen der Schwäche.
"""
SIXTH_ROW = ('005,005_test.txt,Testblatt,German,2024 Pyongyang state visit,2024-06-19,inferred,,'
             '[a test outlet],,Der russische Präsident Wladimir Putin reiste nach Pjöngjang.,,\n')


def test_chapters_match_the_corpus():
    """Exactly one committed chapter per article of the book's corpus."""
    names = sorted(p.stem for p in (repo_root() / "book" / "articles").glob("*.ipynb"))
    assert names == [a.article_id for a in load_corpus()]


def test_heading_is_literal_markdown():
    hostile = "**bold** <script>alert(1)</script> [link](x) {glue}`x` # no heading"
    escaped = markdown_escape(hostile)
    assert "<script>" not in escaped and "**" not in escaped and "{glue}`" not in escaped
    assert escaped.replace("\\", "") == hostile


@pytest.fixture()
def book_copy(tmp_path, monkeypatch):
    copy_book(tmp_path)
    (tmp_path / "seeds" / "005_test.txt").write_text(SIXTH_TEXT, encoding="utf-8")
    with (tmp_path / "seeds" / "articles.csv").open("a", encoding="utf-8") as handle:
        handle.write(SIXTH_ROW)
    monkeypatch.setenv("PRESSFRAME_CORPUS", str(tmp_path / "seeds"))
    return tmp_path


def test_sixth_article_gets_a_chapter_and_a_page(book_copy):
    toc_before = (book_copy / "_toc.yml").read_text(encoding="utf-8")
    written, removed = sync_article_chapters(book_copy / "book", book_copy / "seeds")
    assert [p.name for p in written] == ["005.ipynb"] and removed == []
    chapter = book_copy / "book" / "articles" / "005.ipynb"
    execute_notebook(chapter)
    outputs = "".join(str(o) for c in nbformat.read(chapter, as_version=4).cells for o in c.get("outputs", []))
    assert "Testblatt" in outputs and "untranslated" in outputs and 's-005-' in outputs
    for name in ("corpus", "timeline", "framing", "conclusions"):      # the cross-outlet chapters take it in too
        execute_notebook(book_copy / "book" / f"{name}.ipynb")
    framing = "".join(str(o) for c in nbformat.read(book_copy / "book" / "framing.ipynb", as_version=4).cells
                      for o in c.get("outputs", []))
    assert "005 attributed to Testblatt" in framing        # its evidence is a note: the text does not name it
    build = subprocess.run([str(Path(sys.executable).parent / "jupyter-book"), "build", str(book_copy), "--warningiserror",
                            "--quiet"], capture_output=True, text=True)
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    assert (book_copy / "_build" / "html" / "book" / "articles" / "005.html").exists()
    assert (book_copy / "_toc.yml").read_text(encoding="utf-8") == toc_before


def test_removed_article_loses_its_chapter(book_copy):
    sync_article_chapters(book_copy / "book", book_copy / "seeds")
    (book_copy / "seeds" / "005_test.txt").unlink()
    lines = (book_copy / "seeds" / "articles.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (book_copy / "seeds" / "articles.csv").write_text("".join(lines[:-1]), encoding="utf-8")
    written, removed = sync_article_chapters(book_copy / "book", book_copy / "seeds")
    assert written == [] and [p.name for p in removed] == ["005.ipynb"]


def test_unchanged_chapters_are_left_alone(book_copy):
    sync_article_chapters(book_copy / "book", book_copy / "seeds")
    before = (book_copy / "book" / "articles" / "000.ipynb").read_bytes()
    written, _ = sync_article_chapters(book_copy / "book", book_copy / "seeds")
    assert written == []
    assert (book_copy / "book" / "articles" / "000.ipynb").read_bytes() == before


def test_empty_tables_become_a_note():
    import pandas as pd

    from pressframe.extract.quotes import QUOTE_COLUMNS
    from pressframe.publish.display import quotes_table

    html = quotes_table(pd.DataFrame(columns=list(QUOTE_COLUMNS))).data
    assert "<table" not in html and "None in this text." in html


def test_every_glossary_term_is_linked_from_a_chapter():
    """The glossary says chapters link a term where they first use it: each entry has at least one link."""
    import re

    book = repo_root() / "book"
    entries = (book / "appendix" / "glossary.md").read_text(encoding="utf-8").split("```{glossary}")[1].split("```")[0]
    terms = {line.strip().lower() for line in entries.splitlines() if line.strip() and not line.startswith(" ")}
    sources = [(p.read_text(encoding="utf-8") if p.suffix == ".md" else
                "\n".join(c.source for c in nbformat.read(p, as_version=4).cells if c.cell_type == "markdown"))
               for p in sorted(book.rglob("*")) if p.suffix in (".md", ".ipynb") and p.name != "glossary.md"]
    sources += [p.read_text(encoding="utf-8") for p in sorted((repo_root() / "src" / "pressframe").rglob("*.py"))]
    linked = {(m.group(2) or m.group(1)).strip().lower()
              for text in sources for m in re.finditer(r"\{term\}`([^`<]+?)(?:\s*<([^>]+)>)?`", text)}
    assert len(terms) > 30 and terms - linked == set()
