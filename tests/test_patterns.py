"""pressframe.extract.patterns: a joined pattern table finds exactly what each pattern's finditer finds."""

from __future__ import annotations

import re

import pytest

from pressframe.extract.designations import _AFTER, _BEFORE, gazetteer
from pressframe.extract.patterns import PatternSet, simple_case

TEXTS = [
    "Putin und Kim Jong-un trafen sich; Kims Schwester Kim Yo-jong auch.",
    "Kremlchef Wladimir Putin, Präsident Putin, Putin-Kritiker, xPutin, Putin2",
    "",
    "Kim Kim Kim",
    "«Machthaber Kim», sagte er. Der nordkoreanische Diktator reiste nach Wladiwostok.",
]


def plain(patterns, text):
    return [[m.span() for m in p.finditer(text)] for p in patterns]


def joined(patterns, text, **parts):
    return [[m.span() for m in found] for found in PatternSet(patterns, **parts).finditer_each(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_gazetteer_matches_are_those_of_each_pattern(text):
    patterns = [entry.pattern for entry in gazetteer()]
    assert PatternSet(patterns, before=_BEFORE, after=_AFTER).starts is not None
    assert joined(patterns, text, before=_BEFORE, after=_AFTER) == plain(patterns, text)


def test_overlapping_and_adjacent_matches():
    patterns = [re.compile(p) for p in (r"(?<!\w)(?:aa)(?!\w)", r"(?<!\w)(?:a+)(?!\w)", r"(?<!\w)(?:a)(?!\w)")]
    for text in ("aa a aaa", "a a a", "aaaa"):
        assert joined(patterns, text, before=r"(?<!\w)", after=r"(?!\w)") == plain(patterns, text)


def test_look_behind_sees_before_the_candidate():
    patterns = [re.compile(r"(?<![\w-])(?:Kim)(?![\w-])")]
    assert joined(patterns, "Jong-Kim Kim", before=r"(?<![\w-])", after=r"(?![\w-])") == [[(9, 12)]]


@pytest.mark.parametrize("source", [r"(?:(a)\1)", r"(?:a)|(?:b)", r"(?i)(?:a)"])
def test_tables_that_cannot_be_joined_fall_back(source):
    patterns = [re.compile(source), re.compile(r"(?:b)")]
    table = PatternSet(patterns)
    assert table.starts is None
    assert joined(patterns, "aab b a") == plain(patterns, "aab b a")


def test_named_groups_are_kept_in_the_matches():
    patterns = [re.compile(r"(?<!\d)(?:(?P<day>\d{1,2})\. (?P<month>Juni|Juli))"), re.compile(r"(?<!\d)(?:(?P<year>\d{4}))")]
    (days, years) = PatternSet(patterns, before=r"(?<!\d)").finditer_each("am 19. Juni 2024 und 3. Juli")
    assert [m.group("month") for m in days] == ["Juni", "Juli"] and [m.group("year") for m in years] == ["2024"]


def test_empty_matches_follow_finditer():
    patterns = [re.compile(r"(?:x*)"), re.compile(r"(?:a)")]
    assert joined(patterns, "axxa") == plain(patterns, "axxa")


def test_simple_case():
    assert simple_case("Größe «Kim» – „Putin“ … Café 5 €")
    assert not simple_case("ſagt") and not simple_case("Kelvin \u212a") and not simple_case("Путин")


def test_the_real_tables_start_with_a_character_class_and_find_what_each_pattern_finds(analysis):
    """The scan skips positions whose character cannot begin any pattern; nothing else changes."""
    from pressframe.extract.designations import _gazetteer_patterns
    from pressframe.extract.timex import _AFTER as TIMEX_AFTER
    from pressframe.extract.timex import _BEFORE as TIMEX_BEFORE
    from pressframe.extract.timex import _rule_patterns

    for table, before, after in ((_gazetteer_patterns(), _BEFORE, _AFTER), (_rule_patterns(), TIMEX_BEFORE, TIMEX_AFTER)):
        assert table.starts.pattern.startswith("[")
        for text in list(analysis.sentences.text) + TEXTS:
            assert joined(table.patterns, text, before=before, after=after) == plain(table.patterns, text)


@pytest.mark.parametrize(("sources", "text"), [
    ([r"(?:[Kk]im)", r"(?:\d{4})"], "kim Kim 2024 x"),
    ([r"(?:a?b)", r"(?:c)"], "ab b c"),                 # an optional first item: the next one can begin it too
])
def test_first_character_classes(sources, text):
    patterns = [re.compile(s) for s in sources]
    assert PatternSet(patterns).starts.pattern.startswith("[")
    assert joined(patterns, text) == plain(patterns, text)


@pytest.mark.parametrize(("sources", "text"), [
    ([r"(?:\w+)", r"(?:a)"], "ab c"),                   # a class too wide to list
    ([r"(?i:k)", r"(?:z)"], "k K \u212a z"),              # case folding reaches the Kelvin sign
])
def test_a_pattern_that_can_begin_anywhere_keeps_the_plain_scan(sources, text):
    patterns = [re.compile(s) for s in sources]
    assert not PatternSet(patterns).starts.pattern.startswith("[")
    assert joined(patterns, text) == plain(patterns, text)
