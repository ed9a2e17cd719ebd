"""Sentences that follow the data: small templates for the book's prose, and guards for what cannot be written.

A sentence whose truth depends on the corpus is either written by a function from the data (one text or
several, one conflict or none) or guarded where it stands: a hidden cell calls ``require`` with what the
sentence assumes, and when the data no longer supports it the chapter's execution stops with a
``GuardError`` that names the chapter and the sentence. ``make book`` then fails with that message; the
writer rewrites the sentence, not the guard.
"""

from __future__ import annotations

from collections.abc import Iterable

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


class GuardError(AssertionError):
    """A guarded sentence of a chapter no longer holds for the corpus."""


def require(condition: bool, *, chapter: str, sentence: str, detail: str = "") -> None:
    """Stop the chapter's execution when ``condition`` is false: the message names the chapter and quotes the
    sentence whose assumption failed (and, if given, what the data shows instead)."""
    if not condition:
        message = f"{chapter}: the sentence \u201c{sentence}\u201d no longer holds for this corpus"
        raise GuardError(message + (f" ({detail})" if detail else "") + "; rewrite the sentence")


def number(n: int) -> str:
    """A count in words up to twelve ("five"), in figures above."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def counted(n: int, singular: str, plural: str | None = None, *, words: bool = True) -> str:
    """"one text", "five texts", "24 texts"."""
    noun = singular if n == 1 else (plural or singular + "s")
    return f"{number(n) if words else n} {noun}"


def join(items: Iterable[str], *, last: str = "and") -> str:
    """"a", "a and b", "a, b and c"."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
