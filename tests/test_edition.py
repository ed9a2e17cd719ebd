"""The PDF edition's rewriting of the single-page build (pressframe.publish.edition), on a small constructed page."""

from __future__ import annotations

import base64
import os

import pytest
from bs4 import BeautifulSoup

from pressframe.publish.edition import EditionError, Metadata, book_metadata, chapters, print_document, write_pdf

TOC = """\
format: jb-book
root: book/intro
parts:
  - caption: The texts
    chapters:
      - file: book/corpus
  - caption: The articles
    chapters:
      - glob: book/articles/*
  - caption: Appendices
    chapters:
      - file: book/appendix/data
"""

# What Sphinx's singlehtml builder writes: the root document's section, with the other documents
# inlined into its toctree wrapper after <span id="document-..."> markers, each with its own ids.
PAGE = """\
<html><body><article class="bd-article"><section id="allies">
<h1>Allies in isolation<a class="headerlink" href="#allies">#</a></h1>
<p>See <a class="reference internal" href="#document-book/corpus">the corpus</a>.</p>
<p class="pf-screen-only"><a href="../allies-in-isolation.pdf">Download the PDF edition</a></p>
<div class="toctree-wrapper compound">
<span id="document-book/corpus"></span><section id="the-corpus">
<h2>The corpus<a class="headerlink" href="#the-corpus">#</a></h2>
<section id="limits"><h3>Limits</h3><p>Sentence <a class="pf-sid" href="articles/000.html#s-000-2">000-2</a>,
data <a href="../data/articles.csv">articles.csv</a>, cited <a class="reference internal" href="book/intro.html#id7">[SRF23]</a>.</p>
<figure id="fig-sizes"><img alt="bars" src="_images/x.png"/><figcaption><p><span class="caption-number">Figure 1 </span>Sizes.</p></figcaption></figure>
</section></section>
<span id="document-book/articles/000"></span><section id="srf">
<h2>000 · SRF: „Die Allianz“ der Geächteten</h2>
<section id="limits"><h3>Limits</h3><p><span class="pf-sentence" id="s-000-2">Putin reist nach Pjöngjang.</span>
<a href="#limits">these limits</a></p>
<details><summary>Evidence</summary><p>quoted</p></details><script>alert(1)</script></section></section>
<span id="document-book/appendix/data"></span><section id="the-data">
<h2>The data</h2><div class="citation" id="id7"><p>SRF 2023.</p></div></section>
</div></section></article></body></html>
"""

META = Metadata(title="Allies in Isolation: a test", author="Team", language="en",
                url="https://example.org/book/", site="https://example.org/book/", edition="Edition of 2026-01-01")


@pytest.fixture
def built(tmp_path) -> BeautifulSoup:
    (tmp_path / "_toc.yml").write_text(TOC, encoding="utf-8")
    page = tmp_path / "intro.html"
    page.write_text(PAGE, encoding="utf-8")
    return BeautifulSoup(print_document(page, tmp_path / "_toc.yml", META), "html.parser")


def test_chapters_are_numbered_in_reading_order_and_appendices_lettered(tmp_path):
    (tmp_path / "_toc.yml").write_text(TOC, encoding="utf-8")
    plan = chapters(tmp_path / "_toc.yml", ["book/intro", "book/corpus", "book/articles/000", "book/articles/001",
                                           "book/appendix/data"])
    assert [(c.part, c.number) for c in plan] == [
        ("", ""), ("The texts", "1"), ("The articles", "2"), ("The articles", "3"), ("Appendices", "A")]


def test_a_document_outside_the_table_of_contents_is_an_error_naming_it(tmp_path):
    (tmp_path / "_toc.yml").write_text(TOC, encoding="utf-8")
    with pytest.raises(EditionError, match="'book/stray'.*in no part"):
        chapters(tmp_path / "_toc.yml", ["book/intro", "book/stray"])


def test_title_page_contents_and_metadata(built):
    assert built.html["lang"] == "en"
    assert built.title.string == META.title
    assert built.find("meta", attrs={"name": "author"})["content"] == "Team"
    assert built.select_one(".pf-book-title").string == "Allies in Isolation"
    assert built.select_one(".pf-book-subtitle").string == "a test"
    entries = [li.get_text() for li in built.select("nav.pf-contents li")]
    assert entries == ["Introduction", "Part I. The texts", "1. The corpus", "Part II. The articles",
                       "2. 000 · SRF: „Die Allianz“ der Geächteten", "Part III. Appendices", "Appendix A. The data"]
    # every contents entry points at an element of the document (WeasyPrint reads its page number there)
    for link in built.select("nav.pf-contents a"):
        assert built.find(id=link["href"][1:]) is not None, link


def test_headings_are_shifted_so_parts_are_h1_and_chapters_h2(built):
    assert [h.get_text() for h in built.select("h1.pf-part")] == ["Part I. The texts", "Part II. The articles",
                                                                  "Part III. Appendices"]
    assert [h.name for h in built.select(".pf-chapter-title")] == ["h2"] * 4
    assert [h.get_text() for h in built.select("h3")] == ["Limits", "Limits"]


def test_duplicate_ids_are_made_unique_and_links_follow_them(built):
    ids = [tag["id"] for tag in built.find_all(id=True)]
    assert len(ids) == len(set(ids))
    limits = built.find_all("section", id=lambda v: v and v.endswith("limits"))
    assert {s["id"] for s in limits} == {"book-corpus--limits", "book-articles-000--limits"}
    # an in-page link inside the article chapter points at that chapter's own section
    assert built.find("a", string="these limits")["href"] == "#book-articles-000--limits"


def test_links_between_chapters_sentences_citations_and_files(built):
    assert built.find("a", string="000-2")["href"] == "#s-000-2"          # a sentence link into another chapter
    assert built.find(id="s-000-2") is not None
    assert built.find("a", string="the corpus")["href"] == "#pf-doc-book-corpus"
    assert built.find(id="pf-doc-book-corpus") is not None
    assert built.find("a", string="[SRF23]")["href"] == "#id7"          # a citation in the appendix
    assert built.find("a", string="articles.csv")["href"] == "https://example.org/book/data/articles.csv"


def test_screen_only_parts_are_dropped_and_details_opened(built):
    text = str(built)
    assert "<script" not in text and "headerlink" not in text and "Download the PDF edition" not in text
    assert "toctree-wrapper" not in text
    assert built.select_one(".pf-details-summary").get_text() == "Evidence"


def test_a_page_that_is_not_a_jupyter_book_build_is_refused(tmp_path):
    (tmp_path / "_toc.yml").write_text(TOC, encoding="utf-8")
    page = tmp_path / "intro.html"
    page.write_text("<html><body><p>hello</p></body></html>", encoding="utf-8")
    with pytest.raises(EditionError, match=r"intro.html: no <article"):
        print_document(page, tmp_path / "_toc.yml", META)
    with pytest.raises(EditionError, match=r"missing.html: not found"):
        print_document(tmp_path / "missing.html", tmp_path / "_toc.yml", META)


def test_metadata_comes_from_the_config_and_names_a_missing_field(tmp_path):
    (tmp_path / "_config.yml").write_text("title: 'A: b'\nauthor: X\nhtml:\n  baseurl: https://e.org/\n", encoding="utf-8")
    meta = book_metadata(tmp_path)
    assert (meta.title, meta.author, meta.site, meta.language) == ("A: b", "X", "https://e.org/", "en")
    (tmp_path / "_config.yml").write_text("title: T\n", encoding="utf-8")
    with pytest.raises(EditionError, match=r"_config.yml: field 'author'"):
        book_metadata(tmp_path)


def test_write_pdf_is_skipped_when_nothing_changed_and_never_leaves_a_partial_file(tmp_path):
    document = "<html lang='de'><head><title>T</title></head><body><h2 class='pf-chapter-title'>Grüße „hier“</h2></body></html>"
    target = tmp_path / "out" / "book.pdf"
    assert write_pdf(document, tmp_path, target) is True
    first = target.read_bytes()
    assert first.startswith(b"%PDF-")
    assert write_pdf(document, tmp_path, target) is False
    assert write_pdf(document.replace("hier", "dort"), tmp_path, target) is True
    assert target.read_bytes() != first
    assert [p.name for p in target.parent.iterdir() if p.suffix == ".tmp"] == []


def test_the_pdf_is_world_readable_whatever_the_umask(tmp_path):
    """A web server or a Pages upload reads the PDF as another user (tempfile creates files 0600)."""
    previous = os.umask(0o077)
    try:
        target = tmp_path / "book.pdf"
        write_pdf("<html lang='de'><body><p>Text</p></body></html>", tmp_path, target)
    finally:
        os.umask(previous)
    assert target.stat().st_mode & 0o777 == 0o644


# One red pixel: WeasyPrint names an embedded image after its URL, which used to hold the build folder.
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==")


def test_the_same_page_in_two_folders_gives_byte_identical_pdfs(tmp_path):
    document = "<html lang='de'><body><p>Bild:</p><img src='_images/dot.png' alt='Punkt'></body></html>"
    pdfs = []
    for folder in ("first build", "zweiter/Ordner"):
        base = tmp_path / folder
        (base / "_images").mkdir(parents=True)
        (base / "_images" / "dot.png").write_bytes(PIXEL)
        write_pdf(document, base, base / "book.pdf")
        pdfs.append((base / "book.pdf").read_bytes())
    assert b"/Subtype /Image" in pdfs[0]            # the image was found and embedded
    assert pdfs[0] == pdfs[1]
