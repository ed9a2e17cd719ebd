"""Draft the metadata row of a new text: outlet, country group, event and publication date, each with the words
of the text it rests on and a confidence, for a person to review before it joins ``articles.csv``.

- outlet: a name of ``data/drafting.yml`` in a byline, credit, dateline or the site's self-description
  (high), or named in the text beside a verb of saying to it ("erklärt gegenüber Nau.ch", medium);
- country group: the outlet's country or, for a translation, its source language (``data/groups.yml``);
  else the ß/ss spelling: "ss" for "ß" is Swiss (medium), "ß" German (low: Austrian and other texts
  write it too);
- event: the event of ``data/drafting.yml`` whose words the text uses most, in its year (medium);
- publication date: a date its dateline prints (printed, high), else the latest full date the text
  gives (inferred, medium), else the latest month (inferred, low).
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from ..base.paths import DATA_DIR
from ..corpus.groups import group_for_country
from ..corpus.load import EVIDENCE_SEPARATOR, METADATA_FIELDS, METADATA_FILE, Article, decode_text

CONFIDENCES = ("high", "medium", "low")


@dataclass(frozen=True)
class Field:
    value: str
    evidence: tuple[str, ...]
    confidence: str
    basis: str


@dataclass(frozen=True)
class Draft:
    article_id: str
    file: str
    outlet: Field
    country_group: Field
    event: Field
    published: Field
    published_status: str

    def row(self) -> dict[str, str]:
        """The row for ``articles.csv``: evidence quoted, the confidences and their grounds in ``uncertainty``."""
        note = "; ".join(f"{name} {f.confidence} ({f.basis})" for name, f in
                         (("outlet", self.outlet), ("country group", self.country_group), ("event", self.event),
                          ("publication date", self.published)))
        return {"article_id": self.article_id, "file": self.file, "outlet": self.outlet.value,
                "country_group": self.country_group.value, "event": self.event.value,
                "published": self.published.value, "published_status": self.published_status, "language_note": "",
                "evidence_outlet": EVIDENCE_SEPARATOR.join(self.outlet.evidence),
                "evidence_country_group": EVIDENCE_SEPARATOR.join(self.country_group.evidence),
                "evidence_event": EVIDENCE_SEPARATOR.join(self.event.evidence),
                "evidence_published": EVIDENCE_SEPARATOR.join(self.published.evidence),
                "uncertainty": f"Drafted by pressframe add, to be reviewed: {note}."}


@lru_cache(maxsize=1)
def _knowledge() -> dict:
    return yaml.safe_load((DATA_DIR / "drafting.yml").read_text(encoding="utf-8"))


def _outlet(article: Article, pieces) -> Field:
    removed = pieces[~pieces.part.isin(("body", "standfirst", "title", "kicker", "key_point", "subheading", "caption"))]
    for row in _knowledge()["outlets"]:
        for pattern in row["patterns"]:
            whole = re.compile(r"(?<![\w.-])(?:" + pattern + r")(?![\w-])")
            for text in removed.text:
                if (found := whole.search(text)) is not None:
                    return Field(row["name"], (found.group(0),), "high", "named in a byline, credit or dateline")
            said = re.compile(r"(?:gegenüber|zu|bei|von|laut)\s+(?:dem\s+|der\s+)?(?:" + pattern + r")(?![\w-])")
            if (found := said.search(article.text)) is not None:
                return Field(row["name"], (found.group(0),), "medium", "named as the medium a source speaks to")
    return Field("unknown outlet", ("[no outlet named in the text]",), "low", "no outlet of the list is named")


def _group(outlet: Field, article: Article) -> Field:
    row = next((r for r in _knowledge()["outlets"] if r["name"] == outlet.value), None)
    if row is not None:
        group = group_for_country(row.get("country", ""), translated_from=row.get("translated_from", ""))
        if group is not None:
            return Field(group.label, outlet.evidence, outlet.confidence, f"the outlet's {'source language' if group.is_translation else 'country'}")
    from .style import word_lists

    eszett = word_lists()["eszett_words"]

    def used(words):
        return [w for w in words if re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", article.text)]

    ss_words, sz_words = used(w.replace("ß", "ss") for w in eszett), used(eszett)
    if ss_words and not sz_words:
        return Field("Swiss", tuple(ss_words[:3]), "medium", "Swiss spelling: ss for ß")
    if sz_words:
        return Field("German", tuple(sz_words[:3]), "low", "ß spelling, which German, Austrian and other texts share")
    return Field("German", ("[no spelling evidence]",), "low", "no word of the ß/ss lists")


def _published(article: Article, pieces) -> tuple[Field, str]:
    from ..corpus.text import sentences_table
    from .timex import dateline_timexes, find_timexes

    provisional = {article.article_id: date.today()}
    stamps = dateline_timexes(pieces, provisional)
    days = [(t.value[:10], t.text) for t in stamps.itertuples() if re.match(r"\d{4}-\d\d-\d\d", t.value)]
    if days:
        value, text = max(days)
        return Field(value, (text,), "high", "printed in a dateline"), "printed"
    found = find_timexes(sentences_table(pieces), published=provisional[article.article_id])
    absolute = found[found.anchor == ""]
    days = [(t.value[:10], t.text) for t in absolute.itertuples() if re.fullmatch(r"\d{4}-\d\d-\d\d.*", t.value)]
    if days:
        value, text = max(days)
        return Field(value, (text,), "medium", "the latest full date the text gives"), "inferred"
    months = [(t.value[:7], t.text) for t in absolute.itertuples() if re.fullmatch(r"\d{4}-\d\d", t.value)]
    if months:
        value, text = max(months)
        return Field(value + "-01", (text,), "low", "the latest month the text gives; the day is unknown"), "inferred"
    return Field(date.today().isoformat(), ("[no date in the text]",), "low", "no date in the text: today"), "inferred"


def _event(article: Article, published: Field) -> Field:
    best, best_words = None, []
    for row in _knowledge()["events"]:
        words = [w for w in row["words"] if w in article.text]
        if len(words) > len(best_words):
            best, best_words = row, words
    if best is None:
        return Field(f"{published.value[:4]} event", ("[no event words in the text]",), "low",
                     "no word of a known event")
    confidence = "medium" if str(best["year"]) == published.value[:4] else "low"
    return Field(best["label"], tuple(best_words[:3]), confidence,
                 f"{len(best_words)} of its words" + ("" if confidence == "medium" else ", but another year"))


def next_id(corpus: Path) -> str:
    """The next free article id of the corpus (three digits or more)."""
    ids = [int(p.name.split("_")[0]) for p in corpus.glob("*.txt") if p.name.split("_")[0].isdigit()]
    return f"{max(ids, default=-1) + 1:03d}"


def draft(path: Path, corpus: Path) -> Draft:
    """The draft row for the text at ``path`` (inside ``corpus`` or to be copied into it)."""
    from ..corpus.clean import clean_article

    text = decode_text(path.read_bytes(), path=str(path))
    inside = path.resolve().parent == corpus.resolve()
    article_id = path.name.split("_")[0] if inside and path.name.split("_")[0].isdigit() else next_id(corpus)
    name = path.name if inside else f"{article_id}_{_slug(path.stem)}.txt"
    article = Article(article_id, name, "", "", "", date.today(), "inferred", text)
    pieces = clean_article(article)
    outlet = _outlet(article, pieces)
    published, status = _published(article, pieces)
    return Draft(article_id, name, outlet, _group(outlet, article), _event(article, published), published, status)


def _slug(stem: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:40] or "text"


def format_draft(d: Draft) -> str:
    """The draft for a person to read: one line per field, with its evidence and confidence."""
    lines = [f"draft metadata row for {d.file} (article {d.article_id}):"]
    for name, f in (("outlet", d.outlet), ("country_group", d.country_group), ("event", d.event),
                    ("published", d.published)):
        lines.append(f"  {name:14} {f.value}   [{f.confidence}: {f.basis}; evidence: {' | '.join(f.evidence)}]")
    lines.append(f"  {'status':14} {d.published_status}")
    return "\n".join(lines)


def write(d: Draft, path: Path, corpus: Path) -> list[Path]:
    """Copy the text into the corpus (byte for byte) if it is not there, and append the row to ``articles.csv``;
    both files are replaced whole, so a failure leaves the corpus as it was."""
    written = []
    target = corpus / d.file
    if not target.exists():
        _replace(target, path.read_bytes())
        written.append(target)
    table = corpus / METADATA_FILE
    raw = decode_text(table.read_bytes(), path=str(table))
    header = next(csv.reader(io.StringIO(raw)))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writerow({k: v for k, v in d.row().items() if k in METADATA_FIELDS})
    _replace(table, (raw if raw.endswith("\n") else raw + "\n").encode("utf-8") + buffer.getvalue().encode("utf-8"))
    written.append(table)
    return written


def _replace(path: Path, content: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=".draft-", dir=path.parent)
    with os.fdopen(handle, "wb") as out:
        out.write(content)
    os.replace(temporary, path)
