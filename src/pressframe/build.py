"""Keep the book's notebooks current: re-execute a notebook when anything it depends on changed.

Jupyter Book's own execution cache keys on a notebook's code cells only, so a change to the corpus
or to this library alone would leave stale outputs in the book. Here each notebook stores, in its
metadata, a digest of its code cells, the corpus and the library; ``execute_book`` re-executes the
notebooks whose digest no longer matches and stores the fresh outputs in place (they are committed:
nbval compares them with a fresh run).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .paths import corpus_dir, repo_root

METADATA_KEY = "pressframe"
SKIP_DIRS = {"_build", ".ipynb_checkpoints", "templates"}
LIBRARY_SUFFIXES = {".py", ".yml", ".yaml", ".csv"}


def book_notebooks(book_dir: Path) -> list[Path]:
    """The chapter notebooks under ``book_dir`` (not templates, checkpoints or build output), sorted."""
    return sorted(p for p in book_dir.rglob("*.ipynb") if not SKIP_DIRS & set(p.relative_to(book_dir).parts))


def _library_files() -> list[Path]:
    package = Path(__file__).resolve().parent
    return sorted(p for p in package.rglob("*") if p.suffix in LIBRARY_SUFFIXES and "__pycache__" not in p.parts)


def inputs_digest(notebook: nbformat.NotebookNode) -> str:
    """SHA-256 over the notebook's code cells, every corpus file and every library source or data file."""
    digest = hashlib.sha256()
    for cell in notebook.cells:
        if cell.cell_type == "code":
            digest.update(b"cell\0" + cell.source.encode("utf-8"))
    package = Path(__file__).resolve().parent
    corpus = corpus_dir()
    for base, files in ((corpus, sorted(p for p in corpus.iterdir() if p.is_file())), (package, _library_files())):
        for path in files:
            digest.update(b"file\0" + path.relative_to(base).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
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
    notebook.metadata[METADATA_KEY] = {"inputs": inputs_digest(notebook)}
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
