"""Show tables in the book: deterministic, escaped HTML (no random ids, so nbval can compare outputs).

Text from the corpus is untrusted: it is always HTML-escaped here, never rendered as markup.
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML


def html_table(frame: pd.DataFrame, *, index: bool = False, classes: str = "pf-table") -> HTML:
    """An HTML table of ``frame`` with every cell escaped; the output is the same on every run."""
    return HTML(frame.to_html(index=index, escape=True, border=0, classes=classes, na_rep=""))


def escape(text: str) -> str:
    """``text`` safe to put inside HTML."""
    return html.escape(text, quote=True)
