"""A chapter's values, glued into its text, and shown by name where the text cannot show them.

The book's prose takes its numbers and generated sentences from ``{glue:text}`name``` roles, which
myst-nb fills in when it renders the chapter. JupyterLab renders Markdown without them: a reader who
re-executes a chapter there sees the roles as written. ``glue_all`` glues a chapter's values and
remembers them (per kernel, in the order glued); ``glued_values`` shows them as a table, in a cell
the book drops (tag ``remove-cell``), so that the reader in JupyterLab can read each role's value.
"""

from __future__ import annotations

from IPython.display import HTML

from .display import escape

_GLUED: dict[str, object] = {}


def glue_all(values: dict[str, object]) -> None:
    """Glue each value under its name (not displayed where it is glued: the text shows it)."""
    from myst_nb import glue

    for name, value in values.items():
        glue(name, value, display=False)
        _GLUED[name] = value


def glued_values() -> HTML:
    """Every value glued so far in this kernel, by name, as an open ``<details>`` block."""
    left = ' style="text-align: left; vertical-align: top"'        # JupyterLab right-aligns table cells
    rows = "".join(f"<tr><td{left}><code>{escape(name)}</code></td><td{left}>{escape(str(value))}</td></tr>"
                   for name, value in _GLUED.items())
    intro = ("JupyterLab shows this chapter's <code>{glue:text}`name`</code> roles as written; "
             "in the book each is replaced by its value, listed here by name.")
    return HTML(f'<details open class="pf-glued"><summary>Values glued into this chapter\'s text ({len(_GLUED)})</summary>'
                f'<p>{intro}</p><table class="pf-table"><thead><tr><th{left}>name</th><th{left}>value</th></tr></thead>'
                f"<tbody>{rows}</tbody></table></details>")
