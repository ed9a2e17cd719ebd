"""Many regular expressions over one text for about the cost of one, with the very matches each would find.

The extractors match tables of patterns (a gazetteer, time-expression rules) against every sentence,
and most sentences match none of them. ``PatternSet`` joins the table into one look-ahead that finds,
in a single scan, every position where any of the patterns could start; each pattern is then tried
only there, in the way ``finditer`` walks a text (leftmost first, the next try after the end of the
last match). A pattern can only match where the joined look-ahead does, so the matches are the same
match for match; where the table cannot be joined safely (a back-reference, differing flags) it
falls back to one ``finditer`` per pattern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as _sre  # the parser re itself uses, to read first characters
from re import _parser as _sre_parse

# Characters whose case-insensitive matches are exactly the characters with the same lower case, one
# for one: ASCII, Latin-1 but "µ" (whose upper case is Greek), general punctuation and the euro sign.
# The others ("ſ", the Kelvin sign, "İ", Cyrillic, ...) have case partners that lower() does not reach.
_NOT_SIMPLE_CASE = re.compile("[^\\x00-\\xb4\\xb6-\\xff\\u2000-\\u206f\\u20ac]")


def simple_case(text: str) -> bool:
    """True if ignoring case in ``text`` means comparing ``text.lower()``, character for character.

    Then a case-insensitive pattern of lower-case literals matches ``text`` exactly where the same
    pattern, case-sensitive, matches ``text.lower()``: a far faster scan.
    """
    return _NOT_SIMPLE_CASE.search(text) is None


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_BACK_REFERENCE = re.compile(r"\\\d|\(\?P=")
_GLOBAL_FLAG = re.compile(r"\(\?[aiLmsux]+\)")


def _self_contained(source: str) -> bool:
    """True if ``source`` has balanced groups and no alternation outside them, so that it means the same
    between ``before`` and ``after`` as inside a group of its own there."""
    depth, i, in_class = 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[i + 1 : i + 2] == "^":
                i += 1
            if source[i + 1 : i + 2] == "]":      # a "]" right after "[" or "[^" is a member, not the end
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
        elif char == "|" and depth == 0:
            return False
        i += 1
    return depth == 0 and not in_class


_DIGITS = frozenset("0123456789")


def _first_chars(items) -> set[str] | None:
    """The characters a parsed pattern (``re._parser`` items) can begin with, or None where that is not a short
    known set (a class like ``\\w``, a negated set, or a pattern that can match the empty string)."""
    found: set[str] = set()
    for op, value in items:
        if op is _sre.LITERAL:
            return found | {chr(value)}
        if op is _sre.IN:
            for kind, member in value:
                if kind is _sre.LITERAL:
                    found.add(chr(member))
                elif kind is _sre.RANGE and member[1] - member[0] < 512:
                    found.update(chr(c) for c in range(member[0], member[1] + 1))
                elif kind is _sre.CATEGORY and member is _sre.CATEGORY_DIGIT:
                    found |= _DIGITS
                else:
                    return None
            return found
        if op is _sre.BRANCH:
            for branch in value[1]:
                first = _first_chars(branch)
                if first is None:
                    return None
                found |= first
            return found
        if op is _sre.SUBPATTERN:
            if value[1] & re.IGNORECASE:      # "(?i:…)": Unicode case folding reaches beyond swapcase ("K", "K")
                return None
            first = _first_chars(value[3])
            return None if first is None else found | first
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _, item = value
            first = _first_chars(item)
            if first is None:
                return None
            found |= first
            if low > 0:
                return found
            continue                     # optional: what follows can begin the match as well
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue                     # zero width
        return None
    return None                          # the pattern can match the empty string


def _start_class(middles: list[str], flags: int) -> str | None:
    """A character class of every character a match of any of ``middles`` can begin with, or None (also for
    patterns that ignore case, where Unicode folding makes the set hard to bound)."""
    if flags & re.IGNORECASE:
        return None
    chars: set[str] = set()
    for middle in middles:
        try:
            first = _first_chars(_sre_parse.parse(middle, flags))
        except (re.error, AttributeError, TypeError, ValueError):
            return None
        if first is None:
            return None
        chars |= first
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def word_trie(words) -> str:
    """A regular expression matching exactly ``words`` (escaped), as a trie: "vergangenen|vergangene|vergangener"
    becomes "vergangene(?:[nr])?". It matches what the alternation of the words sorted longest first matches, and
    at each position the regex engine tries one branch per first letter instead of every word."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) > 1 and all(len(b) == 1 or (len(b) == 2 and b[0] == "\\") for b in branches):
            body = "[" + "".join(branches) + "]"
        else:
            body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


class PatternSet:
    """Patterns that share a leading and a trailing part (``before``, ``after``: word boundaries, say)."""

    def __init__(self, patterns: Sequence[re.Pattern], *, before: str = "", after: str = ""):
        self.patterns = tuple(patterns)
        self.starts = self._joined(before, after)

    def _joined(self, before: str, after: str) -> re.Pattern | None:
        """``(?=before(?:middle_1|middle_2|…)after)``, or None where joining could change what matches."""
        if not self.patterns or len({p.flags for p in self.patterns}) != 1:
            return None
        middles = []
        for pattern in self.patterns:
            source = pattern.pattern
            if not (isinstance(source, str) and source.startswith(before) and source.endswith(after)):
                return None
            middle = source[len(before) : len(source) - len(after)]
            if not _self_contained(middle) or _BACK_REFERENCE.search(middle) or _GLOBAL_FLAG.search(middle):
                return None
            middles.append(_NAMED_GROUP.sub("(?:", middle))
        try:
            for part in (before, after, *middles):      # each part must be a whole expression of its own
                re.compile(part, self.patterns[0].flags)
            joined = "(?=" + before + "(?:" + "|".join(f"(?:{m})" for m in middles) + ")" + after + ")"
            start = _start_class(middles, self.patterns[0].flags)
            if start is not None:
                # Consume the first character from a class and look back over it: the scan then skips, in C,
                # every position whose character cannot begin a match. A match's start is the position.
                return re.compile(start + "(?<=" + joined + r"[\s\S])", self.patterns[0].flags)
            return re.compile(joined, self.patterns[0].flags)
        except re.error:
            return None

    def finditer_each(self, text: str) -> list[list[re.Match]]:
        """For each pattern, in order, the list ``list(pattern.finditer(text))`` would give."""
        if self.starts is None:
            return [list(p.finditer(text)) for p in self.patterns]
        starts = [m.start() for m in self.starts.finditer(text)]
        if not starts:
            return [[] for _ in self.patterns]
        found_each = []
        for pattern in self.patterns:
            found, position = [], 0
            for start in starts:
                if start < position:
                    continue
                match = pattern.match(text, start)
                if match is None:
                    continue
                if match.end() == match.start():      # finditer's rules for empty matches: let it apply them
                    found = list(pattern.finditer(text))
                    break
                found.append(match)
                position = match.end()
            found_each.append(found)
        return found_each
