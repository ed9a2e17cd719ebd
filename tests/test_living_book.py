"""A living book: its prose follows its data. The whole book is built over the seed texts and every real
development text (with their own country groups), and a guard is shown firing on a corpus that makes its
sentence false."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import copy_book

from pressframe import realworld
from pressframe.base.prose import number
from pressframe.corpus.groups import groups_for
from pressframe.corpus.load import load_corpus

PYTHON = Path(sys.executable)


def _run(book: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"PRESSFRAME_CORPUS": str(book / "seeds"), "PATH": f"{PYTHON.parent}:/usr/bin:/bin",
           "PYTHONHASHSEED": "0", "HOME": str(book)}
    return subprocess.run([str(PYTHON), "-m", "pressframe", *args], capture_output=True, text=True, env=env, cwd=book)


def _page_text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    main = soup.find("main") or soup
    for tag in main.find_all(["script", "style"]):
        tag.decompose()
    return " ".join(main.get_text(" ").split())


@pytest.fixture(scope="module")
def grown_book(tmp_path_factory):
    """The book built over the seeds plus every real development text, every chapter executed afresh."""
    if not realworld.available():
        pytest.skip(f"the real-article texts are not on this machine ({realworld.realworld_dir()} has no index.tsv); "
                    "they are kept outside the project")
    book = copy_book(tmp_path_factory.mktemp("grown"))
    realworld.add_to_corpus(book / "seeds")
    for step in (("validate", str(book / "seeds")), ("chapters", str(book / "book"), "--corpus", str(book / "seeds")),
                 ("execute", str(book / "book"), "--force")):
        done = _run(book, *step)
        assert done.returncode == 0, f"{step[0]} failed:\n{done.stderr[-3000:]}"
    built = subprocess.run([str(PYTHON.parent / "jupyter-book"), "build", str(book), "--warningiserror", "--quiet"],
                           capture_output=True, text=True, env={"PRESSFRAME_CORPUS": str(book / "seeds"),
                                                                "PATH": f"{PYTHON.parent}:/usr/bin:/bin",
                                                                "HOME": str(book)})
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    return book


def test_every_chapter_of_the_grown_book_renders(grown_book):
    articles = load_corpus(grown_book / "seeds")
    site = grown_book / "_build" / "html" / "book"
    for article in articles:
        assert (site / "articles" / f"{article.article_id}.html").is_file(), article.article_id
    for chapter in ("intro", "corpus", "timeline", "framing", "conclusions", "appendix/methods", "appendix/data"):
        assert (site / f"{chapter}.html").is_file(), chapter


def test_no_page_of_the_grown_book_states_a_stale_count(grown_book):
    """No page calls the corpus five texts, and every "N <group>" names the group's computed size."""
    articles = load_corpus(grown_book / "seeds")
    sizes = pd.Series([a.country_group for a in articles]).value_counts().to_dict()
    labels = [g.label for g in groups_for(sizes)]
    group_count = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten) (" + "|".join(map(re.escape, labels))
                             + r")(?![\w-])(?! group)")
    words = {number(n): n for n in range(13)}
    for page in sorted((grown_book / "_build" / "html").rglob("*.html")):
        if {"_static", "_sources", "_images"} & set(page.parts):
            continue
        text = _page_text(page)
        assert not re.search(r"\bfive (?:texts|articles)\b", text, re.IGNORECASE), page
        for match in group_count.finditer(text):
            count = match.group(1)
            value = int(count) if count.isdigit() else words[count]
            assert value == sizes[match.group(2)], f"{page.name}: '{match.group(0)}' but the group holds {sizes[match.group(2)]}"
    corpus = _page_text(grown_book / "_build" / "html" / "book" / "corpus.html")
    assert f"holds {len(articles)} German-language news texts" in corpus


def test_the_new_country_groups_get_colours_of_their_own(grown_book):
    labels = {a.country_group for a in load_corpus(grown_book / "seeds")}
    colours = {g.colour for g in groups_for(labels)}
    assert len(colours) == len(labels)


GUARDED = ("conclusions", "Few labels judge, but the ones that do are strong ... Most of the judgement is in what the sentences say")


def test_a_guard_stops_the_build_when_its_sentence_no_longer_holds(tmp_path):
    """A text that names the two leaders only by evaluative labels makes 'Most of the judgement is in what the
    sentences say' false: executing the conclusions fails with that chapter and sentence, and writes nothing."""
    book = copy_book(tmp_path)
    (book / "seeds" / "005_labels.txt").write_text(
        "Der Diktator und der Kreml-Herrscher\n\nDer Diktator empfing den Kreml-Herrscher am Flughafen. "
        "Der Machthaber lachte, und der Kreml-Herrscher lachte mit. Der Diktator sprach lange.\n", encoding="utf-8")
    with (book / "seeds" / "articles.csv").open("a", encoding="utf-8") as handle:
        handle.write("005,005_labels.txt,Testblatt,German,2024 Pyongyang state visit,2024-06-19,inferred,,,,,,\n")
    for path in (book / "book").rglob("*.ipynb"):
        if path.name != "conclusions.ipynb" and "templates" not in path.parts:
            path.unlink()
    before = (book / "book" / "conclusions.ipynb").read_bytes()
    done = _run(book, "execute", str(book / "book"), "--force")
    assert done.returncode == 2, done.stderr[-2000:]
    chapter, sentence = GUARDED
    assert f"error: {chapter}: the sentence “{sentence}” no longer holds" in done.stderr
    assert "Traceback" not in done.stderr
    assert (book / "book" / "conclusions.ipynb").read_bytes() == before


def test_a_text_without_glosses_says_so_and_shows_what_was_found_in_english(grown_book):
    page = _page_text(grown_book / "_build" / "html" / "book" / "articles" / "100.html")
    assert "This text has no English glosses yet" in page
    assert "not translated; found:" in page
    seed = _page_text(grown_book / "_build" / "html" / "book" / "articles" / "000.html")
    assert "no English glosses" not in seed and "not translated" not in seed
    intro = _page_text(grown_book / "_build" / "html" / "book" / "intro.html")
    assert "every German sentence of texts 000, 001, 002, 003 and 004 comes with an English gloss" in intro
