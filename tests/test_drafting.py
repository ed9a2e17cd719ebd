"""pressframe.extract.drafting and `python -m pressframe add`: a draft row with evidence the corpus check accepts."""

from __future__ import annotations

import shutil

from pressframe.base.paths import repo_root
from pressframe.cli import main
from pressframe.corpus.load import load_corpus
from pressframe.extract.drafting import draft

SWISS_TEXT = """Gipfel in Pjöngjang

Stand: 19.06.2024, 14:03 Uhr

Russlands Präsident Wladimir Putin ist zu einem Staatsbesuch in Pjöngjang eingetroffen. Er traf Machthaber Kim Jong Un am Flughafen.

Die beiden unterzeichneten einen Vertrag über eine umfassende Partnerschaft, sagte ein Sprecher gegenüber Nau.ch. Das sei ein grosser Schritt, erklärte er ausserdem.
"""

UNKNOWN_OUTLET = """Treffen im Osten

Am 13. September 2023 trafen sich Putin und Kim auf dem Weltraumbahnhof Wostotschny. Es war ein grosser Tag, hiess es.
"""


def corpus(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(repo_root() / "seeds", folder)
    return folder


def test_draft_reads_outlet_group_event_and_dateline(tmp_path):
    (tmp_path / "new.txt").write_text(SWISS_TEXT, encoding="utf-8")
    d = draft(tmp_path / "new.txt", corpus(tmp_path))
    assert (d.article_id, d.file) == ("005", "005_new.txt")
    assert (d.outlet.value, d.outlet.evidence) == ("Nau.ch", ("gegenüber Nau.ch",))
    assert d.country_group.value == "Swiss"
    assert d.event.value == "2024 Pyongyang state visit" and d.event.confidence == "medium"
    assert (d.published.value, d.published_status, d.published.confidence) == ("2024-06-19", "printed", "high")


def test_without_a_known_outlet_the_spelling_decides_and_the_date_is_inferred(tmp_path):
    (tmp_path / "other.txt").write_text(UNKNOWN_OUTLET, encoding="utf-8")
    d = draft(tmp_path / "other.txt", corpus(tmp_path))
    assert d.outlet.confidence == "low"
    assert (d.country_group.value, d.country_group.confidence) == ("Swiss", "medium")
    assert (d.published.value, d.published_status) == ("2023-09-13", "inferred")
    assert d.event.value == "2023 cosmodrome summit"


def test_add_prints_the_draft_and_writes_it_only_when_asked(tmp_path, capsys):
    folder = corpus(tmp_path)
    (tmp_path / "new.txt").write_text(SWISS_TEXT, encoding="utf-8")
    before = (folder / "articles.csv").read_bytes()
    assert main(["add", str(tmp_path / "new.txt"), "--corpus", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "outlet" in out and "Nau.ch" in out and "confidence" not in out.split("\n")[0]
    assert (folder / "articles.csv").read_bytes() == before and not (folder / "005_new.txt").exists()
    assert main(["add", str(tmp_path / "new.txt"), "--corpus", str(folder), "--write"]) == 0
    assert (folder / "005_new.txt").read_bytes() == (tmp_path / "new.txt").read_bytes()
    added = {a.article_id: a for a in load_corpus(folder)}["005"]
    assert (added.outlet, added.country_group, added.published.isoformat()) == ("Nau.ch", "Swiss", "2024-06-19")
    assert "Drafted by pressframe add" in added.uncertainty


def test_add_names_a_missing_file(tmp_path, capsys):
    assert main(["add", str(tmp_path / "absent.txt"), "--corpus", str(corpus(tmp_path))]) == 2
    assert "absent.txt: no such file" in capsys.readouterr().err
