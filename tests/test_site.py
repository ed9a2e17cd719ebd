"""The built site as files (``make book``): a strict check of every internal link, and the PDF
edition and data files in place."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import site_pages

from pressframe.publish.edition import PDF_NAME
from pressframe.publish.tables import table_schema

pytestmark = pytest.mark.site


@lru_cache(maxsize=None)
def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@lru_cache(maxsize=None)
def _ids(path: Path) -> frozenset[str]:
    page = _parse(path)
    return frozenset([t["id"] for t in page.find_all(id=True)] + [t["name"] for t in page.find_all("a", attrs={"name": True})])


def internal_links(site: Path, page: Path):
    """(attribute value, resolved path, fragment) for every link from ``page`` that stays inside the site."""
    soup = _parse(page)
    for tag, attribute in (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src")):
        for node in soup.find_all(tag, attrs={attribute: True}):
            value = node[attribute]
            parts = urlsplit(value)
            if parts.scheme or value.startswith("//") or value.startswith("javascript:"):
                continue
            if parts.path:
                relative = posixpath.normpath(posixpath.join(posixpath.dirname(page.relative_to(site).as_posix()), unquote(parts.path)))
                target = site / relative
            else:
                target = page
            if target.is_dir():
                target = target / "index.html"
            yield value, target, unquote(parts.fragment)


def test_every_internal_link_resolves_to_a_file_and_an_element(site):
    broken = []
    for page in site_pages(site):
        for value, target, fragment in internal_links(site, page):
            where = f"{page.relative_to(site)}: {value}"
            if not target.resolve().is_relative_to(site.resolve()):
                broken.append(f"{where} leaves the site")
            elif not target.exists():
                broken.append(f"{where} -> no file {target.relative_to(site)}")
            elif fragment and target.suffix == ".html" and fragment not in _ids(target):
                broken.append(f"{where} -> no element #{fragment} in {target.relative_to(site)}")
    assert broken == []


def test_the_link_check_catches_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text('<a href="a.html#x">a</a><a href="a.html#y">b</a><img src="missing.png">', encoding="utf-8")
    (tmp_path / "a.html").write_text('<p id="x">x</p>', encoding="utf-8")
    found = [(v, t.name, f) for v, t, f in internal_links(tmp_path, tmp_path / "index.html")]
    assert found == [("a.html#x", "a.html", "x"), ("a.html#y", "a.html", "y"), ("missing.png", "missing.png", "")]
    assert "y" not in _ids(tmp_path / "a.html") and not (tmp_path / "missing.png").exists()


def test_every_page_links_the_pdf_edition_and_the_pdf_is_in_the_site(site):
    pdf = site / PDF_NAME
    assert pdf.read_bytes()[:5] == b"%PDF-"
    pages = [p for p in site_pages(site) if _parse(p).select_one("article.bd-article")]
    assert len(pages) >= 12
    for page in pages:
        links = _parse(page).select("a.pf-pdf-link")
        assert len(links) == 1, page
        assert "Download the PDF edition" in links[0].get_text()
        target = (page.parent / links[0]["href"]).resolve()
        assert target == pdf.resolve(), page
    landing = _parse(site / "book" / "intro.html")
    assert any(a.get_text() == "Download the PDF edition" and (site / "book" / a["href"]).resolve() == pdf.resolve()
               for a in landing.select("p.pf-pdf-cta a"))


def test_every_exported_table_is_in_the_site(site):
    for name in table_schema():
        path = site / "data" / f"{name}.csv"
        assert path.exists() and path.stat().st_size > 0, path


def test_launch_buttons_open_the_page_s_own_notebook(site):
    root = site.parent.parent
    checked = 0
    for page in site_pages(site):
        for link in _parse(page).select("a[href^='https://mybinder.org'], a[href^='https://colab.research.google.com']"):
            notebook = re.split(r"urlpath=(?:lab/)?tree/", link["href"])[-1] if "mybinder" in link["href"] else link["href"].split("/blob/main/")[-1]
            assert (root / notebook).exists(), link["href"]
            assert Path(notebook).with_suffix(".html") == page.relative_to(site), (page, link["href"])
            checked += 1
    assert checked >= 2 * 12


def test_binder_installs_the_locked_environment_and_the_library():
    root = Path(__file__).resolve().parents[1]
    assert "-r ../requirements.lock" in (root / "binder" / "requirements.txt").read_text(encoding="utf-8")
    post = root / "binder" / "postBuild"
    assert post.stat().st_mode & 0o111 and "pip install --no-deps --no-build-isolation -e ." in post.read_text(encoding="utf-8")
