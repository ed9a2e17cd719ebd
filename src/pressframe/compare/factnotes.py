"""Facts the texts get wrong or tell differently: the reviewed notes of ``data/facts.yml``, checked against the
corpus.

A note quotes what each text says (article, sentence id and words, which must stand in that sentence),
what is known from outside (with a reference of ``book/references.bib``) and a verdict. Notes about
texts that are not in the corpus are left out; a quotation that no longer stands in its sentence (the text
or the cleaning changed) is an error naming the note, so the notes cannot drift from the texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import yaml

from ..base.paths import DATA_DIR

VERDICTS = ("error", "imprecision", "different framing")
NOTE_COLUMNS = ("note_id", "topic", "verdict", "article_id", "sentence_id", "quote", "reading", "known", "reference")


class FactNoteError(ValueError):
    """A note of ``data/facts.yml`` that does not hold for the texts; the message names the note and the field."""


@dataclass(frozen=True)
class Note:
    id: str
    topic: str
    verdict: str
    known: str
    reference: str
    texts: tuple[dict, ...]


@lru_cache(maxsize=1)
def load_notes() -> tuple[Note, ...]:
    """The notes of ``data/facts.yml``; a verdict outside ``VERDICTS`` is an error naming the note."""
    raw = yaml.safe_load((DATA_DIR / "facts.yml").read_text(encoding="utf-8"))
    notes = []
    for row in raw["notes"]:
        if row["verdict"] not in VERDICTS:
            raise FactNoteError(f"facts.yml: note '{row['id']}': field 'verdict': '{row['verdict']}' is not one of "
                                f"{', '.join(VERDICTS)}")
        notes.append(Note(row["id"], row["topic"], row["verdict"], row["known"], row["reference"],
                          tuple(row["texts"])))
    return tuple(notes)


def fact_notes(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per text of every note whose texts are in ``sentences``: columns ``NOTE_COLUMNS``. Raises
    ``FactNoteError`` where a quoted text is in the corpus but its words do not stand in the sentence given."""
    text_of = dict(zip(sentences.sentence_id, sentences.text))
    present = set(sentences.article_id)
    rows = []
    for note in load_notes():
        for said in note.texts:
            article = str(said["article"])
            if article not in present:
                continue
            sentence = text_of.get(said["sentence"], "")
            if said["quote"] not in sentence:
                raise FactNoteError(f"facts.yml: note '{note.id}': field 'quote': „{said['quote']}“ does not stand in "
                                    f"sentence {said['sentence']} of article {article}")
            rows.append((note.id, note.topic, note.verdict, article, said["sentence"], said["quote"],
                         said.get("reading", ""), note.known, note.reference))
    return pd.DataFrame(rows, columns=list(NOTE_COLUMNS))


def references(notes: pd.DataFrame) -> list[str]:
    """The bibliography keys the notes rest on, in order of first use."""
    return list(dict.fromkeys(notes.reference))


def verdict_sentence(notes: pd.DataFrame) -> str:
    """How many notes the corpus has, by verdict (for the conclusions)."""
    from ..base.prose import counted, join

    if notes.empty:
        return "We noted no fact that the texts get wrong or tell differently."
    per_note = notes.drop_duplicates("note_id").verdict.value_counts()
    parts = [counted(int(per_note[v]), v) for v in VERDICTS if v in per_note]
    return (f"Beside the dates, we checked {counted(notes.note_id.nunique(), 'fact')} the texts state against sources "
            f"outside them: {join(parts)}.")


@lru_cache(maxsize=1)
def _bibliography() -> dict[str, dict[str, str]]:
    """``{key: {field: value}}`` of ``book/references.bib``, read just far enough to name a source."""
    import re

    from ..base.paths import repo_root

    text = (repo_root() / "book" / "references.bib").read_text(encoding="utf-8")
    entries = {}
    for match in re.finditer(r"@\w+\{([^,]+),(.*?)\n\}", text, re.DOTALL):
        fields = dict(re.findall(r"(\w+)\s*=\s*\{+(.*?)\}+\s*,?\s*$", match.group(2), re.MULTILINE))
        entries[match.group(1).strip()] = fields
    return entries


def source_label(key: str) -> str:
    """"CNN 2019, «Vladimir Putin and Kim Jong Un hold first summit»" for a key of the bibliography; the key
    itself where it is missing (a test holds every note's key to the bibliography)."""
    entry = _bibliography().get(key)
    if entry is None:
        return key
    who = entry.get("howpublished", "").split(",")[0] or entry.get("author", "")
    return f"{who} {entry.get('year', '')}: {entry.get('title', '')}".strip()
