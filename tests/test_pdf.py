"""The PDF edition as a reader gets it from the built site (``make book``): read back with pypdf."""

from __future__ import annotations

import re
import shutil

import pypdf
import pytest

from pressframe.base.paths import repo_root
from pressframe.publish.edition import PDF_NAME, build

pytestmark = pytest.mark.site

SITE = repo_root() / "_build" / "html"


@pytest.fixture(scope="module")
def pdf() -> pypdf.PdfReader:
    path = SITE / PDF_NAME
    if not path.exists():
        pytest.fail(f"{path} is missing: build the book first (make book)")
    return pypdf.PdfReader(path)


@pytest.fixture(scope="module")
def text(pdf) -> list[str]:
    return [page.extract_text() for page in pdf.pages]


def _outline(pdf, items=None, depth=0):
    for item in pdf.outline if items is None else items:
        if isinstance(item, list):
            yield from _outline(pdf, item, depth + 1)
        else:
            yield depth, item.title, pdf.get_destination_page_number(item) + 1


def test_document_information_and_language(pdf):
    info = pdf.metadata
    assert info.title.startswith("Allies in Isolation")
    assert info.author == "The pressframe team"
    assert pdf.trailer["/Root"]["/Lang"] == "en"


def test_title_page_then_contents(text):
    assert "Allies in Isolation" in text[0] and "The pressframe team" in text[0]
    assert text[1].startswith("Contents")


def test_outline_has_every_part_and_numbered_chapter(pdf):
    top = [title for depth, title, _ in _outline(pdf) if depth == 0]
    assert top[:2] == ["Contents", "Introduction"]
    assert [t for t in top if t.startswith("Part ")] == [
        "Part I. The texts", "Part II. The articles", "Part III. Across the outlets", "Part IV. Appendices"]
    chapters = [title for depth, title, _ in _outline(pdf) if depth == 1 and re.match(r"(\d+|Appendix [A-Z])\. ", title)]
    assert [c.split(".")[0] for c in chapters] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "Appendix A", "Appendix B", "Appendix C",
                                                "Appendix D"]
    assert any("A joint timeline" in c for c in chapters)


def test_contents_page_numbers_match_where_the_chapters_start(pdf, text):
    contents = text[1]
    for depth, title, page in _outline(pdf):
        if depth == 1 and re.match(r"\d+\. ", title):
            number = title.split(".")[0]
            listed = re.search(rf"^{number}\. .*?(\d+)\s*$", contents, flags=re.M | re.S)
            entry = re.search(rf"(?ms)^{number}\. (?:(?!^\d+\. ).)*?\.\s(\d+)$", contents)
            assert entry is not None, f"chapter {number} is not in the contents page"
            assert int(entry.group(1)) == page, f"{title}: contents say {entry.group(1)}, it starts on {page}"
            assert listed is not None


def test_running_footers_carry_page_numbers(text):
    for number, page in enumerate(text[2:12], start=3):
        assert page.strip(), f"page {number} has no text"
    numbered = [i for i, page in enumerate(text, start=1) if re.search(rf"(^|\n){i}\s*$", page)]
    assert len(numbered) >= len(text) - 8, "most pages end with their page number"


def test_german_text_survives_intact_and_selectable(text):
    body = "\n".join(text)
    for needle in ["Pjöngjang", "Geächteten", "Außenseiter", "„", "“", "«Erbärmlich»", "ü"]:
        assert needle in body, needle


def test_every_font_is_embedded(pdf):
    fonts = {}
    for page in pdf.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), {name for name, embedded in fonts.items() if not embedded}
    assert any("DejaVu-Serif" in name for name in fonts)


def test_figures_are_numbered_and_at_print_resolution(pdf, text):
    body = "\n".join(text)
    assert [n for n in range(1, 10) if f"Figure {n} " in body] == [1, 2, 3, 4, 5]
    widths = []
    for page in pdf.pages:
        for image in page.images:
            widths.append(image.image.width)
    assert len(widths) >= 5
    # a 16 cm text column at 150 dpi needs about 950 pixels; matplotlib writes ours at 200 dpi
    assert min(widths) >= 950, widths


def test_no_page_is_wider_than_a4(pdf):
    for page in pdf.pages:
        assert round(float(page.mediabox.width)) == 595 and round(float(page.mediabox.height)) == 842


def test_the_pdf_has_enough_pages_for_the_book(pdf):
    assert 30 <= len(pdf.pages) <= 150


def test_the_pdf_typeset_in_another_folder_is_byte_identical(tmp_path):
    """The single-page build copied elsewhere, as a clean build in another folder would find it, gives the
    same bytes as a build where it lies: nothing in the PDF may depend on where the book was built. The site's
    PDF, built earlier, holds the same text page by page; its bytes are not compared, because the font subsets
    WeasyPrint embeds change when the machine's font configuration does (the browser tests install chromium,
    whose packages refresh fontconfig's caches), which is no property of the book."""
    here, _ = build(repo_root(), target=tmp_path / "here" / PDF_NAME, stamp=tmp_path / "here-digest")
    copy = tmp_path / "another clone" / "singlehtml"
    shutil.copytree(repo_root() / "_build" / "singlehtml", copy)
    there, _ = build(repo_root(), output=copy, target=tmp_path / PDF_NAME, stamp=tmp_path / "digest")
    assert there.read_bytes() == here.read_bytes()
    site = [page.extract_text() for page in pypdf.PdfReader(SITE / PDF_NAME).pages]
    assert [page.extract_text() for page in pypdf.PdfReader(there).pages] == site
