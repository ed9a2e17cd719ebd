"""The book's figures, drawn with matplotlib in one style: one colour per country group throughout.

Every function returns a closed Figure: glue it (myst-nb) or save it; it is not shown on its own.
The group colours are from the Okabe–Ito palette, which stays distinguishable under the common
forms of colour-vision deficiency.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

GROUP_COLOURS = {"Swiss": "#D55E00", "German": "#0072B2", "French-derived": "#009E73"}
"""Okabe–Ito vermillion, blue and bluish green."""
FALLBACK_COLOUR = "#999999"

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "svg.hashsalt": "pressframe",
}


def group_colour(group: str) -> str:
    """The colour of a country group (grey for a group the book does not know)."""
    return GROUP_COLOURS.get(group, FALLBACK_COLOUR)


def corpus_sizes(articles: pd.DataFrame) -> plt.Figure:
    """Horizontal bars: body word tokens per article, coloured by country group, labelled with the outlet.

    ``articles`` is the articles table (pressframe.tables.articles_table).
    """
    with plt.rc_context(STYLE):
        ordered = articles.sort_values("article_id", ascending=False)
        fig, ax = plt.subplots(figsize=(7, 0.55 * len(ordered) + 1.2))
        labels = [f"{row.article_id} · {row.outlet.split(' (')[0]}" for row in ordered.itertuples()]
        bars = ax.barh(labels, ordered.n_tokens, color=[group_colour(g) for g in ordered.country_group])
        ax.bar_label(bars, labels=[f"{n:,}" for n in ordered.n_tokens], padding=3, fontsize=9)
        ax.set_xlabel("word tokens in the body")
        ax.set_xlim(0, ordered.n_tokens.max() * 1.15)
        present = [g for g in GROUP_COLOURS if g in set(ordered.country_group)]
        handles = [plt.Rectangle((0, 0), 1, 1, color=group_colour(g)) for g in present]
        ax.legend(handles, present, title="country group", frameon=False, loc="lower right")
        fig.tight_layout()
    plt.close(fig)  # returned for glue or saving, never shown twice by the inline backend
    return fig
