"""The PDF edition: the single-page HTML build, rewritten for print and typeset by WeasyPrint.

Sphinx's ``singlehtml`` builder inlines every chapter into one page. :func:`print_document` turns
that page into a printable book: a title page, a table of contents whose page numbers WeasyPrint
fills in (``target-counter``), part and chapter headings numbered here (so the PDF bookmarks carry
the numbers), ids made unique per chapter, and every link between chapters, including the sentence
links, pointed at its target inside the PDF. :func:`write_pdf` typesets it with the print
stylesheet ``data/print.css`` and replaces the PDF only once the new one is complete.

WeasyPrint is pure Python over Pango, which Debian ships with the machine; Jupyter Book's own
``pdfhtml`` builder downloads a browser and its LaTeX route needs a TeX installation, neither of
which this project can rely on.
"""

from __future__ import annotations

import copy
import fnmatch
import hashlib
import os
import posixpath
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import yaml
from bs4 import BeautifulSoup, Tag

from ..base.paths import DATA_DIR

PDF_NAME = "allies-in-isolation.pdf"
PRINT_CSS = DATA_DIR / "print.css"
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# Things that belong to the screen: permalinks, buttons, launch links, the PDF link itself.
_SCREEN_ONLY = ["a.headerlink", "script", "button", ".pf-screen-only", "div.toctree-wrapper", "noscript"]


class EditionError(Exception):
    """The single-page build cannot be turned into the PDF edition; the message names the file."""


@dataclass(frozen=True)
class Metadata:
    """What the title page and the PDF's document information say."""

    title: str
    author: str
    language: str
    url: str  # where the online edition is published (html.baseurl), else the repository
    site: str  # the online edition's address, for links to its data files ("" if unknown)
    edition: str

    @property
    def short_title(self) -> str:
        return self.title.split(":")[0].strip()

    @property
    def subtitle(self) -> str:
        head, _, tail = self.title.partition(":")
        return tail.strip()


@dataclass(frozen=True)
class Chapter:
    """One document of the book in reading order: its name, its part, and its printed number."""

    docname: str
    part: str
    number: str  # "" for the front matter, "1", "2" ... for chapters, "A", "B" for appendices


def book_metadata(root: Path) -> Metadata:
    """Title, author and online address from ``_config.yml``; the edition line from git, when there is one."""
    config = _read_yaml(root / "_config.yml")
    for field in ("title", "author"):
        if not config.get(field):
            raise EditionError(f"{root / '_config.yml'}: field '{field}' is missing or empty")
    language = (config.get("sphinx", {}).get("config", {}) or {}).get("language", "en")
    site = (config.get("html", {}) or {}).get("baseurl", "") or ""
    url = site or (config.get("repository", {}) or {}).get("url", "")
    return Metadata(title=config["title"], author=config["author"], language=language, url=url, site=site,
                    edition=_edition_line(root))


def _edition_line(root: Path) -> str:
    """'Edition of 2026-11-21 (commit abc1234)' from the last commit, so that a rebuild of one commit is identical."""
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%cs %h"], capture_output=True,
                             text=True, check=True, timeout=20).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return ""
    return f"Edition of {out[0]} (commit {out[1]})" if len(out) == 2 else ""


def _read_yaml(path: Path) -> dict:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as err:
        raise EditionError(f"{path}: not found") from err
    except yaml.YAMLError as err:
        raise EditionError(f"{path}: not valid YAML: {err}") from err


def chapters(toc_path: Path, docnames: list[str]) -> list[Chapter]:
    """Number the documents in reading order: parts from ``_toc.yml``; a part captioned 'Appendices' is lettered."""
    toc = _read_yaml(toc_path)
    root = toc.get("root")
    if not root:
        raise EditionError(f"{toc_path}: field 'root' is missing")
    patterns: list[tuple[str, str]] = []
    for part in toc.get("parts", []):
        for entry in part.get("chapters", []):
            pattern = entry.get("file") or entry.get("glob")
            if pattern is None:
                raise EditionError(f"{toc_path}: a chapter in part '{part.get('caption')}' has neither 'file' nor 'glob'")
            patterns.append((part.get("caption", ""), _strip_suffix(pattern)))
    numbered, lettered, result = 0, 0, []
    for docname in docnames:
        if docname == _strip_suffix(root):
            result.append(Chapter(docname, "", ""))
            continue
        part = next((caption for caption, pattern in patterns if fnmatch.fnmatch(docname, pattern)), None)
        if part is None:
            raise EditionError(f"{toc_path}: document '{docname}' of the build is in no part of the table of contents")
        if part.lower().startswith("appendi"):
            lettered += 1
            result.append(Chapter(docname, part, chr(ord("A") + lettered - 1)))
        else:
            numbered += 1
            result.append(Chapter(docname, part, str(numbered)))
    return result


def _strip_suffix(name: str) -> str:
    return re.sub(r"\.(md|ipynb|rst)$", "", name)


def print_document(singlehtml: Path, toc_path: Path, meta: Metadata) -> str:
    """The book as one printable HTML document (a string), ready for :func:`write_pdf`."""
    try:
        page = BeautifulSoup(singlehtml.read_text(encoding="utf-8"), "html.parser")
    except FileNotFoundError as err:
        raise EditionError(f"{singlehtml}: not found; build it with `jupyter-book build . --builder singlehtml`") from err
    article = page.select_one("article.bd-article")
    if article is None:
        raise EditionError(f"{singlehtml}: no <article class='bd-article'>; is this a Jupyter Book single-page build?")
    root_doc = _strip_suffix(str(_read_yaml(toc_path).get("root", "")))
    segments = _split_documents(article, singlehtml, root_doc)
    plan = chapters(toc_path, [name for name, _ in segments])
    ids = _unique_ids(segments)

    out = BeautifulSoup(f'<!DOCTYPE html><html lang="{meta.language}"><head></head><body></body></html>', "html.parser")
    _head(out, meta)
    body = out.body
    body.append(_title_page(out, meta))
    contents = out.new_tag("nav", attrs={"class": "pf-contents", "id": "pf-contents"})
    contents.append(_heading(out, "h1", "Contents", classes="pf-contents-title"))
    toc_list = out.new_tag("ol")
    contents.append(toc_list)
    body.append(contents)

    current_part, parts = None, 0
    for (docname, nodes), chapter in zip(segments, plan):
        if chapter.part and chapter.part != current_part:
            current_part, parts = chapter.part, parts + 1
            label = f"Part {_ROMAN[parts - 1] if parts <= len(_ROMAN) else parts}. {chapter.part}"
            body.append(_heading(out, "h1", label, classes="pf-part", id=f"pf-part-{parts}"))
            toc_list.append(_toc_entry(out, f"pf-part-{parts}", label, "pf-toc-part"))
        section = out.new_tag("section", attrs={"class": "pf-chapter-body", "data-docname": docname})
        for node in nodes:
            section.append(node)
        _rewrite_chapter(out, section, docname, chapter, ids, meta.site)
        title = section.find(_HEADINGS)
        if title is not None:
            toc_list.append(_toc_entry(out, title["id"], title.get_text(" ", strip=True),
                                       "pf-toc-front" if not chapter.number else "pf-toc-chapter"))
        body.append(section)
    return str(out)


def _head(out: BeautifulSoup, meta: Metadata) -> None:
    head = out.head
    head.append(out.new_tag("meta", attrs={"charset": "utf-8"}))
    title = out.new_tag("title")
    title.string = meta.title
    head.append(title)
    head.append(out.new_tag("meta", attrs={"name": "author", "content": meta.author}))
    head.append(out.new_tag("meta", attrs={"name": "description", "content": meta.edition or meta.title}))
    head.append(out.new_tag("meta", attrs={"name": "keywords", "content": "Putin, Kim Jong-un, framing, German-language press"}))
    head.append(out.new_tag("meta", attrs={"name": "generator", "content": "pressframe.publish.edition with WeasyPrint"}))


def _title_page(out: BeautifulSoup, meta: Metadata) -> Tag:
    page = out.new_tag("section", attrs={"class": "pf-title-page"})
    for text, cls in [(meta.short_title, "pf-book-title"), (meta.subtitle, "pf-book-subtitle"),
                      (meta.author, "pf-book-author"), (meta.edition, "pf-book-edition")]:
        if text:
            para = out.new_tag("p", attrs={"class": cls})
            para.string = text
            page.append(para)
    if meta.url:
        para = out.new_tag("p", attrs={"class": "pf-book-url"})
        para.append("Online edition, with the data and the executable chapters: ")
        link = out.new_tag("a", href=meta.url)
        link.string = meta.url
        para.append(link)
        page.append(para)
    return page


def _heading(out: BeautifulSoup, name: str, text: str, *, classes: str, id: str | None = None) -> Tag:
    tag = out.new_tag(name, attrs={"class": classes, **({"id": id} if id else {})})
    tag.string = text
    return tag


def _toc_entry(out: BeautifulSoup, target: str, text: str, cls: str) -> Tag:
    item = out.new_tag("li", attrs={"class": cls})
    link = out.new_tag("a", href=f"#{target}")
    link.string = text
    item.append(link)
    return item


def _split_documents(article: Tag, source: Path, root_doc: str) -> list[tuple[str, list[Tag]]]:
    """Cut the article at Sphinx's ``<span id="document-...">`` markers into (docname, nodes) in reading order.

    The root document comes first, without the table of contents that holds the other documents.
    """
    first = article.find("section")
    if first is None:
        raise EditionError(f"{source}: the page has no <section>; nothing to print")
    root = copy.copy(first)
    for wrapper in root.select("div.toctree-wrapper"):
        wrapper.decompose()
    segments = [(root_doc, [root])]
    for marker in article.select('span[id^="document-"]'):
        nodes = []
        sibling = marker.find_next_sibling()
        while sibling is not None and not (sibling.name == "span" and str(sibling.get("id", "")).startswith("document-")):
            nodes.append(copy.copy(sibling))
            sibling = sibling.find_next_sibling()
        segments.append((marker["id"][len("document-"):], nodes))
    return segments


def _unique_ids(segments: list[tuple[str, list[Tag]]]) -> dict[tuple[str, str], str]:
    """(docname, id) -> an id unique in the whole PDF; ids that are unique already are kept."""
    seen: dict[str, int] = {}
    for _, nodes in segments:
        for node in nodes:
            for tag in [node, *node.find_all(id=True)]:
                if tag.get("id"):
                    seen[tag["id"]] = seen.get(tag["id"], 0) + 1
    mapping = {}
    for docname, nodes in segments:
        prefix = docname.replace("/", "-")
        for node in nodes:
            for tag in [node, *node.find_all(id=True)]:
                old = tag.get("id")
                if old:
                    mapping[(docname, old)] = old if seen[old] == 1 else f"{prefix}--{old}"
    return mapping


def _rewrite_chapter(out: BeautifulSoup, section: Tag, docname: str, chapter: Chapter,
                     ids: dict[tuple[str, str], str], site: str) -> None:
    for selector in _SCREEN_ONLY:
        for node in section.select(selector):
            node.decompose()
    for details in section.select("details"):
        details.name = "div"
        details["class"] = ["pf-details"]
        for summary in details.select("summary"):
            summary.name = "p"
            summary["class"] = ["pf-details-summary"]
    for tag in section.find_all(id=True):
        tag["id"] = ids.get((docname, tag["id"]), tag["id"])
    docnames = {name for name, _ in ids}
    for link in section.select("a[href]"):
        link["href"] = _resolve_href(link["href"], docname, docnames, ids, site)
    _shift_headings(out, section, chapter)


def _resolve_href(href: str, docname: str, docnames: set[str], ids: dict[tuple[str, str], str], site: str) -> str:
    """A link of the single-page build as a link inside the PDF (``#id``); links to files go to the online site."""
    if re.match(r"^[a-z]+:", href):
        return href
    path, _, fragment = href.partition("#")
    if fragment.startswith("document-"):
        return "#pf-doc-" + fragment[len("document-"):].replace("/", "-")
    target = docname
    if path.endswith(".html"):
        candidate = posixpath.normpath(posixpath.join(posixpath.dirname(docname), path[: -len(".html")]))
        target = candidate if candidate in docnames else docname  # else: Sphinx's link to the single page itself
    elif path:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(docname), path))
        return site.rstrip("/") + "/" + resolved if site else href
    if not fragment:
        return "#pf-doc-" + target.replace("/", "-")
    for key in ((target, fragment), (docname, fragment)):
        if key in ids:
            return "#" + ids[key]
    owners = sorted({new for (_, old), new in ids.items() if old == fragment})
    return "#" + (owners[0] if len(owners) == 1 else fragment)


def _shift_headings(out: BeautifulSoup, section: Tag, chapter: Chapter) -> None:
    """Make the chapter title an <h2> (parts are <h1>), keep the levels below it, and number it."""
    section["id"] = f"pf-doc-{section['data-docname'].replace('/', '-')}"
    found = section.find_all(_HEADINGS)
    if not found:
        return
    top = min(_HEADINGS.index(h.name) for h in found)
    for heading in found:
        heading.name = _HEADINGS[min(_HEADINGS.index(heading.name) - top + 1, len(_HEADINGS) - 1)]
    title = found[0]
    title["class"] = title.get("class", []) + ["pf-chapter-title"] + ([] if chapter.number else ["pf-front"])
    if not title.get("id"):
        title["id"] = section["id"] + "-title"
    if not chapter.number:  # the root page's title is the book's, which the title page already shows
        title.string = "Introduction"
    else:
        number = out.new_tag("span", attrs={"class": "pf-number"})
        number.string = f"Appendix {chapter.number}. " if chapter.number.isalpha() else f"{chapter.number}. "
        title.insert(0, number)


def write_pdf(document: str, base_url: Path, target: Path, *, stylesheets: list[Path] | None = None,
              stamp: Path | None = None) -> bool:
    """Typeset ``document`` into ``target``; return False (and write nothing) when the PDF is already current.

    The digest of the document, the stylesheets and every image it refers to is kept in ``stamp``
    (default: beside the PDF, ``<name>.digest``), so a rebuild with nothing changed costs a hash,
    not a typesetting run.
    """
    import weasyprint

    sheets = list(stylesheets or []) + [PRINT_CSS]  # the print sheet last, so that it wins
    digest = _digest(document, sheets, base_url)
    stamp = stamp or target.with_suffix(".digest")
    if target.exists() and stamp.exists() and stamp.read_text() == digest:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    css = [weasyprint.CSS(filename=str(sheet)) for sheet in sheets]
    # WeasyPrint names each image after its URL: a base that names no folder keeps the PDF the same wherever the
    # book is built, and the fetcher maps that base back to the real folder.
    html = weasyprint.HTML(string=document, base_url=_NEUTRAL_BASE, url_fetcher=_fetcher(base_url.resolve()))
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".pdf-", suffix=".tmp", delete=False) as tmp:
        tmp_path = Path(tmp.name)
    try:
        html.write_pdf(str(tmp_path), stylesheets=css)
        tmp_path.chmod(0o644)                       # a web server or a Pages upload reads it as another user
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)
    stamp.write_text(digest)
    return True


_NEUTRAL_BASE = "file:///pressframe-book/"


def _fetcher(folder: Path):
    """WeasyPrint's URL fetcher, with ``_NEUTRAL_BASE`` read from ``folder``."""
    from weasyprint.urls import URLFetcher

    class FolderFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(_NEUTRAL_BASE):
                url = (folder / unquote(url[len(_NEUTRAL_BASE):].split("?")[0].split("#")[0])).as_uri()
            return super().fetch(url, headers)

    return FolderFetcher()


def _digest(document: str, sheets: list[Path], base_url: Path) -> str:
    hasher = hashlib.sha256(document.encode("utf-8"))
    for sheet in sheets:
        hasher.update(sheet.read_bytes())
    for src in sorted(set(re.findall(r'<img[^>]+src="([^"]+)"', document))):
        path = (base_url / src).resolve()
        if path.is_file():
            hasher.update(path.read_bytes())
    return hasher.hexdigest()


def build(root: Path, *, output: Path | None = None, target: Path | None = None,
          stamp: Path | None = None) -> tuple[Path, bool]:
    """The PDF edition of the book at ``root`` from its single-page build in ``output``: (its path, whether written).

    ``stamp`` keeps the digest of what the PDF was made from (default: ``_build/.pdf-digest``).
    """
    output = output or root / "_build" / "singlehtml"
    root_doc = _strip_suffix(str(_read_yaml(root / "_toc.yml").get("root", "index")))
    target = target or root / "_build" / "site-extra" / PDF_NAME
    document = print_document(output / f"{root_doc}.html", root / "_toc.yml", book_metadata(root))
    screen_css = root / "_static" / "pressframe.css"
    # Sphinx's single page refers to images from the output folder, wherever the root document lies.
    written = write_pdf(document, output, target, stylesheets=[screen_css] if screen_css.exists() else [],
                        stamp=stamp or root / "_build" / ".pdf-digest")  # outside site-extra, which is copied into the site
    return target, written
