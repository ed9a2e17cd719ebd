"""pressframe: the library behind the book on how German-language news texts framed the Putin–Kim alliance.

The pipeline reads one way, stage by stage, one folder each (``STAGES``, in order):

    base/        where files live, and words for numbers
    corpus/      read, validate and clean the texts; sentences, tokens; groups, outlets, glosses
    extract/     one concept per module, each over one text's sentences: quotes, dates, designations, frames ...
    compare/     across texts: the analysis of a corpus, computed once; timeline, comparison, fact notes
    evaluation/  the extractors scored against our blind annotations
    publish/     the book: chapter reports, tables and figures, the build, the PDF edition

A module imports from its own stage or an earlier one, never a later one (``tests/test_layout.py``);
``cli`` and ``__main__`` stand on top of all of them.

Chapters import the modules they call by their short names, ``from pressframe import display, report``:
the name is looked up in the stages, in order (module names are unique across stages).
"""

from __future__ import annotations

import importlib
from pathlib import Path

__version__ = "0.1.0"

STAGES = ("base", "corpus", "extract", "compare", "evaluation", "publish")


def stage_of(name: str) -> str:
    """The stage that holds module ``name`` (``"display"`` -> ``"publish"``); AttributeError if none does."""
    here = Path(__file__).parent
    for stage in STAGES:
        if (here / stage / f"{name}.py").is_file():
            return stage
    raise AttributeError(f"module 'pressframe' has no module or attribute '{name}' (stages: {', '.join(STAGES)})")


def __getattr__(name: str):
    if name.startswith("_"):
        raise AttributeError(name)
    return importlib.import_module(f".{stage_of(name)}.{name}", __name__)
