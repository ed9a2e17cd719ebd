"""The built site in a real browser: Debian's chromium, driven by Playwright over localhost.

Every page must load without a console error or a failed request, show every image, and link
the PDF edition; the table of contents and the next/previous links must walk the book in order;
the search page must find a German word; every sentence link must land on its sentence.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urldefrag, urljoin

import pytest
from conftest import site_pages

pytestmark = [pytest.mark.site, pytest.mark.browser]

READING_ORDER = ["book/intro.html", "book/corpus.html", "book/articles/000.html", "book/articles/001.html",
                 "book/articles/002.html", "book/articles/003.html", "book/articles/004.html", "book/timeline.html",
                 "book/framing.html", "book/conclusions.html", "book/appendix/methods.html", "book/appendix/data.html",
                 "book/appendix/reproduce.html", "book/appendix/glossary.html"]


@pytest.fixture(scope="module")
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # The site must not need the network: anything not on localhost is refused, and shows up below.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site_url) else route.abort())
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda m: tab.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))
    tab.on("requestfailed", lambda r: tab.problems.append(f"request failed: {r.url}"))
    tab.on("response", lambda r: tab.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    yield tab
    context.close()


def _open(page, url):
    page.problems.clear()
    # networkidle: deferred scripts have run and a redirecting page (index.html) has arrived
    page.goto(url, wait_until="networkidle")
    return list(page.problems)


def test_every_page_loads_cleanly_with_its_images(page, site, site_url):
    report = {}
    for path in site_pages(site):
        rel = path.relative_to(site).as_posix()
        problems = _open(page, site_url + rel)
        missing = page.evaluate("Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
        problems += [f"image not loaded: {src}" for src in missing]
        if problems:
            report[rel] = problems
    assert report == {}


def test_next_links_walk_the_book_in_reading_order_and_previous_links_walk_back(page, site_url):
    _open(page, site_url + READING_ORDER[0])
    visited = [READING_ORDER[0]]
    while page.locator("a.right-next").count():
        page.locator("a.right-next").first.click()
        page.wait_for_load_state("load")
        visited.append(page.url[len(site_url):])
    assert visited[: len(READING_ORDER)] == READING_ORDER
    page.locator("a.left-prev").first.click()
    page.wait_for_load_state("load")
    assert page.url[len(site_url):] == visited[-2]


def test_the_table_of_contents_opens_each_chapter(page, site_url):
    _open(page, site_url + "book/intro.html")
    links = page.locator("nav.bd-docs-nav a.reference")
    targets = [urldefrag(urljoin(page.url, links.nth(i).get_attribute("href")))[0] for i in range(links.count())]
    assert [t[len(site_url):] for t in targets] == READING_ORDER[1:] or [t[len(site_url):] for t in targets] == READING_ORDER
    page.locator("nav.bd-docs-nav a.reference", has_text="A joint timeline").click()
    page.wait_for_load_state("load")
    assert page.url == site_url + "book/timeline.html"
    assert page.locator("article h1").first.inner_text().startswith("A joint timeline")


def test_search_finds_a_german_word(page, site_url):
    _open(page, site_url + "search.html?q=Pj%C3%B6ngjang")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=15000)
    found = [results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count())]
    assert any("articles/" in href for href in found), found


def test_every_sentence_link_lands_on_its_sentence(page, site, site_url):
    by_target = defaultdict(set)
    for path in site_pages(site):
        rel = path.relative_to(site).as_posix()
        _open(page, site_url + rel)
        for href in page.eval_on_selector_all("a.pf-sid", "links => links.map(a => a.href)"):
            target, fragment = urldefrag(href)
            by_target[target].add(fragment)
    assert sum(len(f) for f in by_target.values()) > 100
    missing = {}
    for target, fragments in sorted(by_target.items()):
        _open(page, target)
        absent = page.evaluate("ids => ids.filter(id => !document.getElementById(id))", sorted(fragments))
        if absent:
            missing[target] = absent
    assert missing == {}
    # and a click scrolls the sentence into view and highlights it
    _open(page, site_url + "book/timeline.html")
    link = page.locator("a.pf-sid").first
    fragment = urldefrag(link.get_attribute("href"))[1]
    link.click()
    page.wait_for_load_state("load")
    sentence = page.locator(f"[id='{fragment}']")
    assert sentence.is_visible() and sentence.evaluate("e => e.matches(':target')")


def test_the_pdf_link_returns_the_pdf(page, site_url):
    _open(page, site_url + "book/framing.html")
    href = page.locator("a.pf-pdf-link").get_attribute("href")
    response = page.request.get(urljoin(page.url, href))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"
