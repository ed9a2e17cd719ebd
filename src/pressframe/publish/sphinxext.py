"""A small Sphinx extension for the book's HTML: every script once per page.

sphinx-thebe 0.3.1, which Jupyter Book loads, registers its inline configuration script so that
Sphinx 7.4 writes it twice into every page; the second copy re-declares ``const THEBE_JS_URL``
and the browser reports an error on every page. Dropping repeated scripts from the page context
removes the error without touching either package.
"""

from __future__ import annotations


def unique_scripts(scripts: list) -> list:
    """The scripts in their order, each (file, attributes and inline body) kept once; no file is the same as ""."""
    seen, kept = set(), []
    for script in scripts:
        attributes = getattr(script, "attributes", {}) or {}
        key = (getattr(script, "filename", None) or "", tuple(sorted((k, str(v)) for k, v in attributes.items())))
        if key not in seen:
            seen.add(key)
            kept.append(script)
    return kept


def _dedupe(app, pagename, templatename, context, doctree) -> None:
    if "script_files" in context:
        context["script_files"] = unique_scripts(context["script_files"])


def setup(app):
    # early: html-page-context stops at the first handler that returns a template name
    app.connect("html-page-context", _dedupe, priority=10)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
