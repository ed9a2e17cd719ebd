"""Translation artefacts: the reviewed notes of ``data/translation.yml`` on texts that are translations, checked
against the corpus.

A note names a text, a sentence and the exact words where the German shows its source language through
(a calque, a false friend, a mistranslation, a shift of register, a construction German does not allow),
with the likely source wording, what a German writer would have written, and why. Notes about texts that
are not in the corpus are left out; words that no longer stand in their sentence are an error naming the
note, so the notes cannot drift from the texts. Measures that read a translated text's wording (style,
distinctive words, evaluative labels) partly measure its translator: ``caution`` says so.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
import yaml

from ..base.paths import DATA_DIR

CATEGORIES = ("calque", "false friend", "mistranslation", "register", "grammar", "spelling")
_NAMES = {"calque": ("calque", "calques"), "false friend": ("false friend", "false friends"),
          "mistranslation": ("mistranslation", "mistranslations"), "register": ("shift of tone", "shifts of tone"),
          "grammar": ("construction German does not allow", "constructions German does not allow"),
          "spelling": ("spelling of the source language", "spellings of the source language")}
ARTEFACT_COLUMNS = ("article_id", "sentence_id", "words", "category", "source", "source_english", "german",
                    "german_english", "explanation")


class TranslationNoteError(ValueError):
    """A note of ``data/translation.yml`` that does not hold for the texts; the message names the note and field."""


@lru_cache(maxsize=1)
def load_artefacts() -> tuple[dict, ...]:
    """The notes of ``data/translation.yml``; a category outside ``CATEGORIES`` is an error naming the note."""
    raw = yaml.safe_load((DATA_DIR / "translation.yml").read_text(encoding="utf-8"))
    notes = tuple(raw.get("artefacts") or ())
    for number, note in enumerate(notes, start=1):
        if note.get("category") not in CATEGORIES:
            raise TranslationNoteError(f"translation.yml: note {number} ({note.get('sentence_id')}): field 'category': "
                                       f"'{note.get('category')}' is not one of {', '.join(CATEGORIES)}")
        for field in ("french", "german"):
            if note.get(field) and not note.get(f"{field}_english"):
                raise TranslationNoteError(f"translation.yml: note {number} ({note.get('sentence_id')}): field "
                                           f"'{field}_english' is missing: every wording the book shows has its English")
    return notes


def artefacts(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per note whose text is in ``sentences``: columns ``ARTEFACT_COLUMNS``, in the file's order. Raises
    ``TranslationNoteError`` where the words do not stand in the sentence given."""
    text_of = dict(zip(sentences.sentence_id, sentences.text))
    present = set(sentences.article_id)
    rows = []
    for number, note in enumerate(load_artefacts(), start=1):
        article = str(note["article_id"])
        if article not in present:
            continue
        if note["words"] not in text_of.get(note["sentence_id"], ""):
            raise TranslationNoteError(f"translation.yml: note {number}: field 'words': „{note['words']}“ does not "
                                       f"stand in sentence {note['sentence_id']} of article {article}")
        rows.append((article, note["sentence_id"], note["words"], note["category"], note.get("french", ""),
                     note.get("french_english", ""), note.get("german", ""), note.get("german_english", ""),
                     note["explanation"]))
    return pd.DataFrame(rows, columns=list(ARTEFACT_COLUMNS))


def translated_ids(articles) -> list[str]:
    """The texts that are translations: those of a group that ``data/groups.yml`` marks as translated."""
    from ..corpus.groups import group

    return sorted(a.article_id for a in articles if group(a.country_group).translated_from)


def caution(article_ids: list[str], notes: pd.DataFrame) -> str:
    """A sentence for a measure that reads the wording of translated texts ("" if there are none)."""
    from ..base.prose import counted, join

    if not article_ids:
        return ""
    mine = notes[notes.article_id.isin(article_ids)]
    which = join(article_ids)
    counted_notes = f" (our reviewer noted {counted(len(mine), 'translation artefact')} in it)" if len(mine) else ""
    return (f"Text {which} is a translation{counted_notes}: on this measure it shows its translator's German as "
            "much as its author's choices." if len(article_ids) == 1 else
            f"Texts {which} are translations: on this measure they show their translators' German as much as "
            "their authors' choices.")


def kind_name(category: str) -> str:
    """What the book calls a category: "shift of tone" for register, so that "register" keeps one meaning."""
    return _NAMES.get(category, (category,))[0]


def kinds_phrase(notes: pd.DataFrame) -> str:
    """"nine calques, one false friend and …": the notes counted by category, in the order of ``CATEGORIES``."""
    from ..base.prose import counted, join

    counts = notes.category.value_counts()
    return join(counted(int(counts[c]), *_NAMES[c]) for c in CATEGORIES if c in counts)


def translation_sentence(article, notes: pd.DataFrame) -> str:
    """What an article chapter says about the text's language: not a translation; or a translation, from which
    language, and how many artefacts our reviewer noted, by category."""
    from ..base.prose import counted
    from ..corpus.groups import group

    source = group(article.country_group).translated_from
    if not source:
        return "This text is not a translation: its metadata places it in an outlet that writes in German."
    if notes.empty:
        return (f"This text is a German translation of a text written in {source}; no reviewer has yet noted its "
                "translation artefacts, so measures of its wording describe the translation as much as the original.")
    return (f"This text is a German translation of a text written in {source}. A translator who read it for us noted "
            f"{counted(len(notes), 'place')} where the German shows its source through: {kinds_phrase(notes)}. Measures of this "
            "text's wording (style, distinctive words, evaluative labels) describe its translator's German as much "
            "as its author's choices. Each note below quotes the German words, names the kind of artefact, and gives "
            "the likely source wording and what a German writer would have written.")
