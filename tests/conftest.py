"""Shared fixtures: the real corpus, analysed once per test session."""

from __future__ import annotations

import pytest

from pressframe.corpus import load_corpus
from pressframe.paths import repo_root
from pressframe.tables import analyse


@pytest.fixture(scope="session")
def seeds_dir():
    return repo_root() / "seeds"


@pytest.fixture(scope="session")
def articles(seeds_dir):
    return load_corpus(seeds_dir)


@pytest.fixture(scope="session")
def analysis(articles):
    return analyse(articles)
