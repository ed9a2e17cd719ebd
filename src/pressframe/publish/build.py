"""Keep the book's notebooks current: re-execute a notebook when anything it depends on changed.

Jupyter Book's own execution cache keys on a notebook's code cells only, so a change to the corpus
or to this library alone would leave stale outputs in the book. Here each notebook stores, in its
metadata, a digest of its code cells, the corpus and the library; ``execute_book`` re-executes the
notebooks whose digest no longer matches and stores the fresh outputs in place (they are committed:
nbval compares them with a fresh run).
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from ..base.paths import PACKAGE_DIR, corpus_dir, repo_root
from ..corpus.load import METADATA_FILE, Article, load_corpus

METADATA_KEY = "pressframe"
TEMPLATE = Path("templates/article.ipynb")
ARTICLES = Path("articles")
SKIP_DIRS = {"_build", ".ipynb_checkpoints", "templates"}
LIBRARY_SUFFIXES = {".py", ".yml", ".yaml", ".csv"}


def book_notebooks(book_dir: Path) -> list[Path]:
    """The chapter notebooks under ``book_dir`` (not templates, checkpoints or build output), sorted."""
    return sorted(p for p in book_dir.rglob("*.ipynb") if not SKIP_DIRS & set(p.relative_to(book_dir).parts))


def _library_files() -> list[Path]:
    return sorted(p for p in PACKAGE_DIR.rglob("*") if p.suffix in LIBRARY_SUFFIXES and "__pycache__" not in p.parts)


def _metadata_row(corpus: Path, article_id: str) -> bytes:
    """The metadata row of one article, as CSV text (what an article chapter depends on)."""
    text = (corpus / METADATA_FILE).read_text(encoding="utf-8-sig")
    for row in csv.DictReader(io.StringIO(text)):
        if row.get("article_id") == article_id:
            return "\x1f".join(f"{k}={v}" for k, v in row.items()).encode("utf-8")
    return b""


def inputs_digest(notebook: nbformat.NotebookNode) -> str:
    """SHA-256 over what the notebook's outputs depend on: its code cells, the library, and the corpus.

    An article chapter (``metadata.pressframe.article_id``) depends on its own text and metadata row
    only; any other chapter depends on every corpus file and on the annotations in ``tests/gold``.
    A chapter that reads other files of the repository names them as glob patterns in
    ``metadata.pressframe.depends_on`` (the reproducibility appendix reads the lock file, say).
    """
    digest = hashlib.sha256()
    for cell in notebook.cells:
        if cell.cell_type == "code":
            digest.update(b"cell\0" + cell.source.encode("utf-8"))
    for path in _library_files():
        digest.update(b"lib\0" + path.relative_to(PACKAGE_DIR).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    corpus = corpus_dir()
    article_id = notebook.metadata.get(METADATA_KEY, {}).get("article_id")
    if article_id:
        for path in sorted(corpus.glob(f"{article_id}_*.txt")):
            digest.update(b"text\0" + path.name.encode("utf-8") + b"\0" + path.read_bytes())
        digest.update(b"row\0" + _metadata_row(corpus, article_id))
    else:
        for path in sorted(p for p in corpus.iterdir() if p.is_file()):
            digest.update(b"file\0" + path.name.encode("utf-8") + b"\0" + path.read_bytes())
        gold = repo_root() / "tests" / "gold"          # the methods appendix scores against these
        for path in sorted(p for p in gold.rglob("*") if p.is_file()) if gold.is_dir() else []:
            name = path.relative_to(gold).as_posix()
            digest.update(b"gold\0" + name.encode("utf-8") + b"\0" + path.read_bytes())
    root = repo_root()
    for pattern in notebook.metadata.get(METADATA_KEY, {}).get("depends_on", []):
        for path in sorted(p for p in root.glob(pattern) if p.is_file()):
            digest.update(b"dep\0" + path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def is_stale(path: Path) -> bool:
    """True when the notebook at ``path`` was last executed with other inputs than it has now."""
    notebook = nbformat.read(path, as_version=4)
    return notebook.metadata.get(METADATA_KEY, {}).get("inputs") != inputs_digest(notebook)


def execute_notebook(path: Path, *, timeout: int = 600) -> None:
    """Execute ``path`` in its own folder and store outputs and the inputs digest in the file."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.metadata.pop("execution", None)
    notebook.metadata.setdefault(METADATA_KEY, {})["inputs"] = inputs_digest(notebook)
    nbformat.write(notebook, path)


def execute_book(book_dir: Path | None = None, *, force: bool = False) -> list[Path]:
    """Re-execute the stale notebooks of the book (all of them with ``force``); returns those executed."""
    book_dir = book_dir or repo_root() / "book"
    executed = []
    for path in book_notebooks(book_dir):
        if force or is_stale(path):
            execute_notebook(path)
            executed.append(path)
    return executed


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|:$~^&=\"'])")


def markdown_escape(text: str) -> str:
    """``text`` as literal Markdown/MyST: every ASCII punctuation character backslash-escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def chapter_heading(article: Article, headline: str, english: str = "") -> str:
    """The heading of an article chapter: id, outlet ("attributed to …" where the text does not name it), headline and
    its English in brackets where it has a gloss (the heading is also the chapter's title in the contents)."""
    outlet = article.outlet if article.outlet_named else f"attributed to {article.outlet}"
    title = f"{headline} ({english})" if headline and english else headline
    return f"{article.article_id} · {outlet}: {title}" if title else f"{article.article_id} · {outlet}"


def render_chapter(template: nbformat.NotebookNode, article: Article, headline: str, english: str = "") -> nbformat.NotebookNode:
    """The template filled in for one article: heading written (with the headline's English, where it has a gloss),
    parameter cell set, no outputs."""
    notebook = copy.deepcopy(template)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = cell.source.replace("{{ heading }}", markdown_escape(chapter_heading(article, headline, english)))
        elif "parameters" in cell.metadata.get("tags", []):
            cell.source = f'article_id = "{article.article_id}"'
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    notebook.metadata[METADATA_KEY] = {"article_id": article.article_id}
    return notebook


def _same_cells(a: nbformat.NotebookNode, b: nbformat.NotebookNode) -> bool:
    def shape(nb):
        return [(c.cell_type, c.source, tuple(c.metadata.get("tags", []))) for c in nb.cells]
    return shape(a) == shape(b)


def sync_article_chapters(book_dir: Path | None = None, corpus: Path | None = None) -> tuple[list[Path], list[Path]]:
    """Make ``book/articles/`` hold exactly one chapter per article of the corpus.

    A chapter is (re)written from the template when it is missing or its cells differ from the
    template's (outputs are then filled by ``execute_book``); a chapter whose article left the
    corpus is deleted. Returns ``(written, removed)``.
    """
    from ..compare.analysis import analyse
    from ..corpus.glosses import joined_gloss

    book_dir = book_dir or repo_root() / "book"
    template = nbformat.read(book_dir / TEMPLATE, as_version=4)
    articles = load_corpus(corpus)
    sentences = analyse(articles).sentences
    titles = sentences[sentences.part == "title"]
    headlines = titles.groupby("article_id").text.agg(" ".join)
    english = {a: joined_gloss(texts) for a, texts in titles.groupby("article_id").text}
    folder = book_dir / ARTICLES
    folder.mkdir(exist_ok=True)
    written = []
    for article in articles:
        path = folder / f"{article.article_id}.ipynb"
        fresh = render_chapter(template, article, headlines.get(article.article_id, ""), english.get(article.article_id, ""))
        if path.exists() and _same_cells(nbformat.read(path, as_version=4), fresh):
            continue
        nbformat.write(fresh, path)
        written.append(path)
    wanted = {f"{a.article_id}.ipynb" for a in articles}
    removed = [p for p in sorted(folder.glob("*.ipynb")) if p.name not in wanted]
    for path in removed:
        path.unlink()
    return written, removed
