"""What the book calls an outlet: its short name, and an attribution where the text does not name it."""

from __future__ import annotations

from collections.abc import Iterable

from .load import Article


def short_outlet(outlet: str) -> str:
    """An outlet's name without the note in brackets: "Le Monde (translated editorial)" -> "Le Monde"."""
    return outlet.split(" (")[0]


def outlet_label(article: Article) -> str:
    """The outlet as the book labels the text: short (see ``short_outlet``), and "attributed to …" where the text
    does not name it (``Article.outlet_named``): the metadata's attribution is not the text's own word."""
    return short_outlet(article.outlet) if article.outlet_named else f"attributed to {short_outlet(article.outlet)}"


def outlet_names(articles: Iterable[Article]) -> dict[str, str]:
    """Each article's outlet label (``outlet_label``), for tables, figures and prose."""
    return {a.article_id: outlet_label(a) for a in articles}
