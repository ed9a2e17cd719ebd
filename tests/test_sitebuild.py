"""pressframe.publish.sitebuild: Sphinx runs only when something the site is made from changed."""

from __future__ import annotations

import subprocess

import pytest

from pressframe import sitebuild
from pressframe.base.paths import repo_root
from pressframe.publish.sitebuild import build_site, is_current, site_digest


@pytest.fixture
def book(tmp_path):
    (tmp_path / "_config.yml").write_text("title: T\n", encoding="utf-8")
    (tmp_path / "_toc.yml").write_text("root: book/intro\n", encoding="utf-8")
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "intro.md").write_text("# Intro\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def sphinx(monkeypatch):
    """Stands in for Jupyter Book: records each build and writes the output page."""
    runs = []

    def run(command, cwd, check):
        runs.append(command)
        builder = command[command.index("--builder") + 1]
        (cwd / "_build" / builder).mkdir(parents=True, exist_ok=True)
        (cwd / "_build" / builder / "index.html").write_text("<html></html>", encoding="utf-8")
    monkeypatch.setattr(sitebuild.subprocess, "run", run)
    return runs


def test_a_second_build_with_nothing_changed_does_not_run_sphinx(book, sphinx):
    assert build_site(book, "html") is True
    assert build_site(book, "html") is False
    assert len(sphinx) == 1 and "--warningiserror" in sphinx[0]


@pytest.mark.parametrize("change", ["book/intro.md", "_config.yml", "_static/pressframe.css", "book/articles/000.ipynb"])
def test_a_changed_or_new_input_runs_sphinx_again(book, sphinx, change):
    build_site(book, "html")
    path = book / change
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("changed\n", encoding="utf-8")
    assert build_site(book, "html") is True and len(sphinx) == 2


def test_build_output_checkpoints_and_the_other_builder_do_not_count(book, sphinx):
    build_site(book, "html")
    (book / "book" / ".ipynb_checkpoints").mkdir()
    (book / "book" / ".ipynb_checkpoints" / "intro-checkpoint.md").write_text("x", encoding="utf-8")
    build_site(book, "singlehtml")
    assert is_current(book, "html") and build_site(book, "html") is False
    assert site_digest(book, "html") != site_digest(book, "singlehtml")


def test_missing_output_is_built_even_with_a_current_digest(book, sphinx):
    build_site(book, "html")
    (book / "_build" / "html" / "index.html").unlink()
    assert build_site(book, "html") is True


def test_a_failed_build_leaves_no_digest_so_the_next_build_runs(book, monkeypatch):
    def fail(command, cwd, check):
        raise subprocess.CalledProcessError(1, command)
    monkeypatch.setattr(sitebuild.subprocess, "run", fail)
    with pytest.raises(subprocess.CalledProcessError):
        build_site(book, "html")
    assert not sitebuild.stamp_path(book, "html").exists() and not is_current(book, "html")


def test_an_unknown_builder_is_refused(book):
    with pytest.raises(ValueError, match="unknown builder 'latex'"):
        build_site(book, "latex")


@pytest.mark.site
@pytest.mark.parametrize("builder", ["html", "singlehtml"])
def test_after_make_book_a_rebuild_would_skip_sphinx(builder):
    """Nothing the build itself writes may count as an input, or every `make book` would run Sphinx again."""
    assert is_current(repo_root(), builder), f"_build/{builder} is not current after make book"
