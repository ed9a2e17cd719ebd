"""The country groups the book compares: reviewed data in ``data/groups.yml``, never a list in code.

A text belongs to the group its metadata row names. The groups file gives each known group an order,
a one-line description, the outlet countries (or the source language of a translation) that assign a
text to it, and a colour; a group that only a metadata row names comes after the known ones, in order
of first appearance, with a colour of the palette chosen by its name (so that every chapter, which may
read one text only, gives it the same colour).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import yaml

from ..base.paths import DATA_DIR


@dataclass(frozen=True)
class Group:
    label: str
    description: str
    colour: str
    countries: tuple[str, ...] = ()
    translated_from: str = ""
    spelling: str = "ß"           # "ss" where the group's standard writes "ss" for "ß" (Switzerland)

    @property
    def is_translation(self) -> bool:
        return bool(self.translated_from)


@dataclass(frozen=True)
class _Groups:
    known: tuple[Group, ...]
    palette: tuple[str, ...]


@lru_cache(maxsize=1)
def _load() -> _Groups:
    raw = yaml.safe_load((DATA_DIR / "groups.yml").read_text(encoding="utf-8"))
    known = tuple(Group(row["label"], row["description"], row["colour"], tuple(row.get("countries", ())),
                        row.get("translated_from", ""), row.get("spelling", "ß")) for row in raw["groups"])
    return _Groups(known, tuple(raw["palette"]))


def known_groups() -> tuple[Group, ...]:
    """The groups of ``data/groups.yml``, in the book's order."""
    return _load().known


def groups_for(labels) -> list[Group]:
    """The groups of ``labels`` (any iterable, repeats allowed), in the book's order: the known ones in the order
    of the groups file, then the others in order of first appearance."""
    seen = list(dict.fromkeys(labels))
    known = {g.label: g for g in known_groups()}
    return [g for g in known_groups() if g.label in seen] + [group(label) for label in seen if label not in known]


def group(label: str) -> Group:
    """The group of this label: the known one, or one a metadata row introduced (generic description, a
    palette colour chosen by the label's digest)."""
    for known in known_groups():
        if known.label == label:
            return known
    palette = _load().palette
    colour = palette[int(hashlib.sha256(label.encode("utf-8")).hexdigest(), 16) % len(palette)]
    return Group(label, f"texts the metadata assigns to the group '{label}'", colour)


def group_order(groups: dict[str, str]) -> list[str]:
    """The labels of the groups of ``{article_id: group}``, in the book's order (see ``groups_for``)."""
    return [g.label for g in groups_for(groups[a] for a in sorted(groups))]


def colours(labels) -> dict[str, str]:
    """``{label: colour}`` for the groups of ``labels`` (see ``groups_for``)."""
    return {g.label: g.colour for g in groups_for(labels)}


def group_for_country(country: str, *, translated_from: str = "") -> Group | None:
    """The known group a text belongs to: that of the source language for a translation, else that of the
    outlet's country (ISO code); None where no known group fits."""
    for group in known_groups():
        if translated_from and group.translated_from.lower() == translated_from.lower():
            return group
        if not translated_from and country.upper() in group.countries:
            return group
    return None
