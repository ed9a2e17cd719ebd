"""Run Jupyter Book's Sphinx build only when something the site is made from changed.

Sphinx reads its whole environment and walks every page even when nothing changed, which made a
no-change ``make book`` pay for two full builds. ``build_site`` keeps a digest of the build's inputs
(configuration, table of contents, pages, notebooks with their stored outputs, templates, static
files, this library with its Sphinx extension, and the lock file that pins Sphinx and its theme)
beside the output, and calls Jupyter Book only when the digest changed or the output is missing.
The digest is written after a successful build and removed before one starts, so a failed or
interrupted build is never taken for a current one.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

SITE_INPUTS = ("_config.yml", "_toc.yml", "requirements.lock", "book", "_static", "_templates", "src/pressframe")
"""Files and folders, relative to the repository root, whose content the site is built from."""

SKIP_PARTS = {"_build", ".ipynb_checkpoints", "__pycache__"}
BUILDERS = ("html", "singlehtml")


def _input_files(root: Path) -> list[Path]:
    files = []
    for name in SITE_INPUTS:
        path = root / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(p for p in path.rglob("*") if p.is_file() and not SKIP_PARTS & set(p.relative_to(root).parts))
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def site_digest(root: Path, builder: str) -> str:
    """A digest of everything the ``builder`` output of the book at ``root`` is made from."""
    digest = hashlib.sha256(f"builder\0{builder}\0".encode())
    for path in _input_files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def stamp_path(root: Path, builder: str) -> Path:
    return root / "_build" / f".sphinx-{builder}.digest"


def is_current(root: Path, builder: str) -> bool:
    """Whether the ``builder`` output exists and was built from the inputs as they are now."""
    stamp = stamp_path(root, builder)
    return ((root / "_build" / builder / "index.html").is_file() and stamp.is_file()
            and stamp.read_text(encoding="utf-8") == site_digest(root, builder))


def jupyter_book_command(root: Path, builder: str) -> list[str]:
    """The strict Jupyter Book build: a warning fails it, after reporting every warning."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    return [str(jupyter_book), "build", str(root), "--builder", builder, "--warningiserror", "--keep-going", "--quiet"]


def build_site(root: Path, builder: str = "html", *, force: bool = False) -> bool:
    """Build the ``builder`` output of the book at ``root`` unless it is current; return whether Sphinx ran.

    Raises ``subprocess.CalledProcessError`` when the build fails (its messages are on the terminal).
    """
    if builder not in BUILDERS:
        raise ValueError(f"unknown builder {builder!r}; expected one of {', '.join(BUILDERS)}")
    if not force and is_current(root, builder):
        return False
    stamp = stamp_path(root, builder)
    stamp.unlink(missing_ok=True)
    digest = site_digest(root, builder)           # the inputs as the build reads them
    subprocess.run(jupyter_book_command(root, builder), cwd=root, check=True)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest, encoding="utf-8")
    return True
