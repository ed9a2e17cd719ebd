"""Shared fixtures: the real corpus, analysed once per test session; the built site, served on
localhost; and Debian's chromium to read it."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from pressframe.base.paths import repo_root
from pressframe.compare.analysis import analyse
from pressframe.corpus.load import load_corpus


@pytest.fixture(scope="session")
def seeds_dir():
    return repo_root() / "seeds"


@pytest.fixture(scope="session")
def articles(seeds_dir):
    return load_corpus(seeds_dir)


@pytest.fixture(scope="session")
def analysis(articles):
    return analyse(articles)


def copy_book(dest: Path) -> Path:
    """A copy of what a book build reads (configuration, chapters, corpus, static files) in ``dest``."""
    root = repo_root()
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(root / name, dest / name)
    for name in ("book", "seeds", "_static", "_templates"):
        shutil.copytree(root / name, dest / name)
    (dest / "_build" / "site-extra").mkdir(parents=True)
    return dest


# --- the built site, served on localhost, and Debian's chromium to read it ---------------------

SITE = repo_root() / "_build" / "html"
# What the machine's closed network needs: without the background-networking flags Chromium keeps
# trying to reach Google's hosts; --no-sandbox because the tests may run as root.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def site_pages(site: Path) -> list[Path]:
    """Every HTML page of a built site, without Sphinx's copied sources and static files."""
    return sorted(p for p in site.rglob("*.html") if not {"_static", "_sources", "_images"} & set(p.relative_to(site).parts))


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE} has no built site: run `make book` (make test builds it first)")
    return SITE


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the name is the standard library's
        pass


def serve(directory: Path):
    """Serve ``directory`` on a free localhost port in a background thread; returns (server, base URL)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(site):
    server, url = serve(site)
    yield url
    server.shutdown()


def find_chromium() -> str:
    """Debian's chromium: $PRESSFRAME_CHROMIUM, else on PATH, else installed with apt-get when we are root."""
    override = os.environ.get("PRESSFRAME_CHROMIUM")
    if override:
        return override
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"]):
            done = subprocess.run(command, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                pytest.fail(f"installing Debian's chromium failed at `{' '.join(command)}`:\n{done.stderr[-1500:]}")
        if path := shutil.which("chromium"):
            return path
    pytest.fail("the browser tests need Debian's chromium: install it with `sudo apt-get install chromium`, "
                "or set PRESSFRAME_CHROMIUM to a Chromium binary")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
