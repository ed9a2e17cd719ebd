"""What it takes to rebuild the book: the pinned environment and statistics of the build, read from the repository.

The reproducibility appendix shows these; nothing on that page is typed by hand.
"""

from __future__ import annotations

import ast
import hashlib
import re
import tomllib
from pathlib import Path

import pandas as pd

from ..corpus.load import load_corpus
from .build import book_notebooks
from .tables import table_schema

KEY_PACKAGES = ["jupyter-book", "sphinx", "myst-nb", "nltk", "pandas", "matplotlib", "weasyprint", "nbval", "playwright"]
"""The packages a reader most often asks about, in the order the appendix lists them."""

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def locked_packages(lock: Path) -> pd.DataFrame:
    """One row per package pinned in a ``uv pip compile`` lock file: package, version, hashes (count)."""
    rows = []
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            rows.append({"package": match.group(1).lower(), "version": match.group(2), "hashes": 0})
        elif line.strip().startswith("--hash=") and rows:
            rows[-1]["hashes"] += 1
    if not rows:
        raise ValueError(f"{lock}: no 'name==version' lines; is this a pip lock file?")
    return pd.DataFrame(rows, columns=["package", "version", "hashes"])


def environment(root: Path) -> pd.DataFrame:
    """The key packages with their pinned versions, and the Python the project requires."""
    locked = locked_packages(root / "requirements.lock").set_index("package")
    rows = [{"component": "Python", "version": requires_python(root)}]
    rows += [{"component": name, "version": f"=={locked.at[name, 'version']}"} for name in KEY_PACKAGES if name in locked.index]
    return pd.DataFrame(rows)


def requires_python(root: Path) -> str:
    """``requires-python`` of ``pyproject.toml``."""
    with (root / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["requires-python"]


def count_tests(tests_dir: Path) -> int:
    """Test functions in ``tests/test_*.py`` (parametrised cases count once)."""
    total = 0
    for path in sorted(tests_dir.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        total += sum(isinstance(node, ast.FunctionDef) and node.name.startswith("test_") for node in ast.walk(tree))
    return total


def corpus_digest(corpus: Path) -> str:
    """The first 12 hex digits of SHA-256 over the corpus files (names and bytes): which texts a build read."""
    digest = hashlib.sha256()
    for path in sorted(p for p in corpus.iterdir() if p.is_file()):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def build_facts(root: Path, corpus: Path) -> dict[str, object]:
    """Counts the appendix glues: chapters, texts, tables, packages, library size and tests."""
    library = sorted(p for p in (root / "src" / "pressframe").rglob("*.py") if p.name != "__init__.py")   # modules, not package faces
    locked = locked_packages(root / "requirements.lock")
    notebooks = book_notebooks(root / "book")
    return {
        "n_notebooks": len(notebooks),
        "n_article_chapters": sum(p.parent.name == "articles" for p in notebooks),
        "n_texts": len(load_corpus(corpus)),
        "corpus_digest": corpus_digest(corpus),
        "n_tables": len(table_schema()),
        "n_packages": len(locked),
        "n_hashes": int(locked.hashes.sum()),
        "n_modules": len(library),
        "n_library_lines": sum(len(p.read_text(encoding="utf-8").splitlines()) for p in library),
        "n_data_files": len(list((root / "src" / "pressframe" / "data").glob("*"))),
        "n_tests": count_tests(root / "tests"),
        "requires_python": requires_python(root),
    }
