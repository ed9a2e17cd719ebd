"""pressframe.publish.glued: a chapter's glued values, listed by name for a reader in JupyterLab."""

from __future__ import annotations

from pressframe import glued


def test_glued_values_lists_every_glued_value_in_order_escaped(monkeypatch):
    monkeypatch.setattr(glued, "_GLUED", {})
    glued.glue_all({"n_events": 7, "opening": "„Mittwoch“ <b>"})
    glued.glue_all({"n_conflicts": 1})
    html = glued.glued_values().data
    assert "(3)</summary>" in html
    assert html.index("n_events") < html.index("opening") < html.index("n_conflicts")
    assert "&lt;b&gt;" in html and "<b>" not in html
