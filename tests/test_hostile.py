"""Hostile text stays text: an article carrying HTML, script and MyST markup, built into the book
and opened in chromium, shows every character and runs or renders none of it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_book, serve

from pressframe.base.paths import repo_root
from pressframe.compare.analysis import analyse
from pressframe.corpus.load import load_corpus
from pressframe.publish.build import execute_notebook, sync_article_chapters
from pressframe.publish.tables import removed_table

pytestmark = [pytest.mark.browser]

# Each payload sets window.__pwned if it ever runs; the MyST ones would become markup if parsed.
HOSTILE_TEXT = """Zum Inhalt springen

Putin bei Kim <script>window.__pwned = "title"</script> in Pjöngjang

Der russische Präsident Wladimir Putin reiste nach Pjöngjang. <img src=x onerror="window.__pwned = 'img'"> Kim Jong-un empfing ihn am Flughafen.

```{raw} html
<script>window.__pwned = "raw"</script>
```

:::{danger}
Gefahr für die Region, sagen Experten.
:::

{glue:text}`n_articles` Texte und **fett** und [ein Link](javascript:window.__pwned='link') und $x^2$ und <b>fett</b>.

«Wir sind Freunde <i>für immer</i>», sagte Putin. Experten sehen darin ein Zeichen der Schwäche.

Teilen <script>window.__pwned = "removed"</script>
"""
HOSTILE_ROW = ('005,005_hostile.txt,Testblatt,German,2024 Pyongyang state visit,2024-06-19,inferred,,[a test outlet],,'
               'Der russische Präsident Wladimir Putin reiste nach Pjöngjang.,,\n')
KEPT = ['<img src=x onerror="window.__pwned = \'img\'">', "{glue:text}`n_articles` Texte und **fett**",
        "[ein Link](javascript:window.__pwned='link')", "<b>fett</b>", "<i>für immer</i>"]
REMOVED = ['<script>window.__pwned = "raw"</script>', ":::{danger}", "```{raw} html", 'Teilen <script>window.__pwned = "removed"</script>']


def _add_hostile_article(seeds: Path) -> None:
    (seeds / "005_hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    with (seeds / "articles.csv").open("a", encoding="utf-8") as handle:
        handle.write(HOSTILE_ROW)


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory):
    """A copy of the book with the hostile text as article 005, its chapter and the corpus chapter executed, built."""
    book = copy_book(tmp_path_factory.mktemp("hostile"))
    _add_hostile_article(book / "seeds")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRESSFRAME_CORPUS", str(book / "seeds"))
        sync_article_chapters(book / "book", book / "seeds")
        for chapter in ("articles/005.ipynb", "corpus.ipynb"):
            execute_notebook(book / "book" / chapter)
        done = subprocess.run([str(Path(sys.executable).parent / "jupyter-book"), "build", str(book), "--warningiserror",
                               "--quiet"], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        yield book



def test_hostile_lines_dropped_by_cleaning_are_listed_verbatim(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(repo_root() / "seeds", seeds)
    _add_hostile_article(seeds)
    removed = removed_table(analyse(load_corpus(seeds)))
    texts = set(removed[removed.article_id == "005"].text)
    for line in REMOVED:
        assert line in texts, line


def test_hostile_text_is_shown_not_run_or_rendered(hostile_book, browser):
    server, url = serve(hostile_book / "_build" / "html")
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(url + "book/articles/005.html", wait_until="networkidle")
        assert page.evaluate("window.__pwned") is None
        article = page.locator("article.bd-article")
        text = article.inner_text()
        for payload in KEPT:
            assert payload in text, payload
        assert '<script>window.__pwned = "title"</script>' in text  # the headline, as a heading and in the text
        # none of it became an element: no injected script or image, admonition, emphasis, link or formula
        assert page.locator("script", has_text="__pwned").count() == 0
        assert page.locator("img[src='x'], .admonition, .danger, .math, mjx-container, a[href^='javascript']").count() == 0
        assert article.locator("b, i, strong, em", has_text="fett").count() == 0
        assert article.locator("b, i, strong, em", has_text="für immer").count() == 0

        page.goto(url + "book/corpus.html", wait_until="networkidle")
        assert page.evaluate("window.__pwned") is None
        audit = page.locator("article.bd-article").inner_text()
        for line in REMOVED:
            assert line in audit, line
        assert dialogs == []
    finally:
        context.close()
        server.shutdown()
