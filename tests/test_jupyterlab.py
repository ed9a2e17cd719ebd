"""A reader re-executes chapters in JupyterLab, as the reproducibility appendix tells them to (``make lab``).

The command ``make lab`` runs (read with ``make -n``) serves a copy of ``book/`` on a free loopback
port with a token; Debian's chromium opens an article chapter and a cross-outlet chapter, clears their stored
outputs, runs all cells from the Run menu and waits until every code cell has run. No cell may show
an error or write to standard error, and what the chapter computes must appear: the glued values
(JupyterLab shows ``{glue:text}`` roles as written, so the chapter lists them by name) with the same
numbers as the book, and the timeline's figure. The server is stopped whatever happens.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import shlex
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from pressframe import report
from pressframe.base.paths import repo_root
from pressframe.compare.analysis import analyse, timeline_of, timexes_of
from pressframe.compare.timeline import timeline_facts
from pressframe.corpus.load import load_corpus
from pressframe.corpus.outlets import outlet_names

pytestmark = pytest.mark.browser

RUN_TIMEOUT_MS = 300_000
# Settings a reader would not need: every cell in the page (not only those in view), and no
# request for news or updates (the machine has no internet).
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def lab_command(port: int, token: str, settings: Path) -> list[str]:
    """The README's ``make lab``, as make would run it, on a given port and token and with the test's settings."""
    extra = (f"--no-browser --ServerApp.port={port} --ServerApp.port_retries=0 --IdentityProvider.token={token} "
             f"--LabApp.user_settings_dir={settings} --LabApp.workspaces_dir={settings.parent / 'workspaces'} "
             "--LabApp.extension_manager=readonly")
    done = subprocess.run(["make", "--no-print-directory", "-n", "lab", f"LAB_ARGS={extra}"], cwd=repo_root(),
                          capture_output=True, text=True, check=True)
    command = shlex.split(next(line for line in done.stdout.splitlines() if " lab " in line))
    command[0] = str(repo_root() / command[0])          # .venv/bin/jupyter, run from beside the copy of book/
    return command


def test_make_lab_serves_the_book_on_loopback_only(tmp_path):
    command = lab_command(8888, "t", tmp_path)
    assert "--ServerApp.ip=127.0.0.1" in command and "--ServerApp.root_dir=book" in command
    assert Path(command[0]).is_file()
    root = repo_root()
    assert "make lab" in (root / "README.md").read_text(encoding="utf-8")
    assert "`make lab`" in (root / "book" / "appendix" / "reproduce.ipynb").read_text(encoding="utf-8")
    assert "jupyter notebook" not in (root / "book" / "appendix" / "reproduce.ipynb").read_text(encoding="utf-8")


def _answers(port: int, token: str) -> bool:
    """Whether the server on the loopback port reports its status."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", f"/api/status?token={token}")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """(base URL, token) of a JupyterLab over a copy of book/; the server is stopped on the way out."""
    home = tmp_path_factory.mktemp("lab")
    book = home / "book"
    shutil.copytree(repo_root() / "book", book, ignore=shutil.ignore_patterns("_build", ".ipynb_checkpoints"))
    for name, values in LAB_SETTINGS.items():
        path = home / "settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "PYTHONHASHSEED": "0"}
    log = open(home / "lab.log", "w", encoding="utf-8")
    server = subprocess.Popen(lab_command(port, token, home / "settings"), cwd=home, env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while not _answers(port, token):
            if server.poll() is not None:
                pytest.fail(f"JupyterLab exited with status {server.returncode}:\n{(home / 'lab.log').read_text()[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer within 90 s:\n{(home / 'lab.log').read_text()[-2000:]}")
            time.sleep(0.5)
        yield url, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _menu(page, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-item", has_text=menu).first.click()
    page.get_by_role("menuitem", name=item, exact=True).click()


def run_all_cells(page, url: str, token: str, notebook: str) -> dict[str, str]:
    """Open ``notebook``, clear its outputs, run all cells from the menu; the glued values it shows, by name."""
    page.goto(f"{url}/lab/tree/{notebook}?reset&token={token}")     # reset: no tab of an earlier test restored
    page.wait_for_selector(".jp-NotebookPanel .jp-CodeCell", timeout=120_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    # The menus act on the current notebook, which JupyterLab sets once the notebook has the focus.
    page.locator(".jp-NotebookPanel .jp-Cell .jp-InputPrompt").first.click()
    _menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function("() => document.querySelectorAll('.jp-OutputArea-output').length === 0", timeout=20_000)
    _menu(page, "Run", "Run All Cells")
    # Done when every code cell shows its execution count (a queued or running cell shows [*] or nothing).
    page.wait_for_function(
        """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                 .every(p => /^\\[\\d+\\]:$/.test(p.textContent.trim()))""", timeout=RUN_TIMEOUT_MS)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=RUN_TIMEOUT_MS)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error'], "
                          ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.all_inner_texts()
    counts = [p.strip() for p in page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()]
    assert counts == [f"[{n}]:" for n in range(1, len(counts) + 1)], counts      # one fresh run, in order
    rows = page.locator(".pf-glued tbody tr")
    return {row.locator("td").nth(0).inner_text(): row.locator("td").nth(1).inner_text() for row in rows.all()}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    yield tab
    context.close()


def test_an_article_chapter_runs_in_jupyterlab_and_shows_its_numbers(lab, page):
    glued = run_all_cells(page, *lab, "articles/000.ipynb")
    expected = report.facts(report.article_report("000"))
    assert glued["n_body_sentences"] == str(expected["n_body_sentences"]) and glued["n_body_sentences"].isdigit()
    assert set(glued) == set(expected)
    assert page.locator(".pf-card").count() == 1                   # the article card, computed in this run


def test_the_timeline_chapter_runs_in_jupyterlab_with_its_figure_and_numbers(lab, page):
    glued = run_all_cells(page, *lab, "timeline.ipynb")
    analysis = analyse(load_corpus())
    events = timeline_of(analysis)
    facts = timeline_facts(events, timexes_of(analysis), [a.article_id for a in analysis.articles], outlet_names(analysis.articles))
    assert glued["n_events"] == str(facts["n_events"]) and glued["n_timexes"] == str(facts["n_timexes"])
    figure = page.locator(".jp-RenderedImage img")
    assert figure.count() >= 1 and figure.first.evaluate("img => img.naturalWidth") > 300
