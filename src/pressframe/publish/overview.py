"""The corpus at a glance: metadata with its evidence, sizes, and what cleaning kept and removed."""

from __future__ import annotations

import pandas as pd

from ..base.prose import counted, join
from ..compare.analysis import Analysis
from ..corpus.clean import KEPT_PARTS, PARTS
from ..corpus.glosses import phrase_gloss
from .tables import articles_table

EVIDENCE_LABELS = {"outlet": "outlet", "country_group": "country group", "event": "event", "published": "published"}


def evidence_table(analysis: Analysis) -> pd.DataFrame:
    """One row per attribution of each article (outlet, group, event, date): the value and the quotations behind it.

    Quotations carry their English (pressframe.corpus.glosses) where the phrases file has it; quotations in square
    brackets are notes where the text names nothing; the last row of each article says what remains uncertain.
    """
    rows = []
    for a in analysis.articles:
        values = {"outlet": a.outlet, "country_group": a.country_group, "event": a.event,
                  "published": f"{a.published.isoformat()} ({a.published_status})"}
        for key, label in EVIDENCE_LABELS.items():
            quotes = a.evidence.get(key, ())
            shown = " · ".join(q if q.startswith("[") else f"„{q}“" + (f" ({phrase_gloss(q)})" if phrase_gloss(q) else "")
                               for q in quotes)
            rows.append({"article": a.article_id, "attribution": label, "value": values[key], "evidence": shown})
        if a.uncertainty:
            rows.append({"article": a.article_id, "attribution": "uncertain", "value": "", "evidence": a.uncertainty})
    return pd.DataFrame(rows, columns=["article", "attribution", "value", "evidence"])


def parts_by_article(analysis: Analysis) -> pd.DataFrame:
    """Characters of each part per article: column ``article``, then one column per part in PARTS order, named as
    the chapters write it ("key point")."""
    pieces = analysis.pieces.assign(chars=analysis.pieces.text.str.strip().str.len())
    table = pieces.pivot_table(index="article_id", columns="part", values="chars", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=[p for p in PARTS if p in table.columns]).astype(int)
    table.columns = [part.replace("_", " ") for part in table.columns]     # "key point", as the chapters write it
    return table.rename_axis("article").reset_index()


def removal_summary(analysis: Analysis) -> pd.DataFrame:
    """Removed pieces grouped by part and reason, with counts; blank lines are one row."""
    removed = analysis.pieces[~analysis.pieces.part.isin(KEPT_PARTS)]
    summary = removed.groupby(["part", "reason"]).agg(pieces=("text", "size"),
                                                      articles=("article_id", lambda s: ", ".join(sorted(set(s)))))
    return summary.reset_index().sort_values(["part", "pieces", "reason"], ascending=[True, False, True],
                                             ignore_index=True)


def corpus_facts(analysis: Analysis) -> dict[str, object]:
    """Numbers the corpus chapter states in its prose: counts, shares and the date span."""
    table = articles_table(analysis)
    pieces = analysis.pieces
    lines = pieces.groupby(["article_id", "line_no"]).size()
    content = pieces[pieces.text.str.strip() != ""]
    kept_chars = content[content.part.isin(KEPT_PARTS)].text.str.len().sum()
    body_chars = content[content.part == "body"].text.str.len().sum()
    groups = table.country_group.value_counts()
    dates = sorted(a.published for a in analysis.articles)
    facts = {
        "n_articles": len(table),
        "n_lines": int(len(lines)),
        "n_split_lines": int((lines > 1).sum()),
        "n_removed_pieces": int((~content.part.isin(KEPT_PARTS)).sum()),
        "n_blank_lines": int((pieces.text.str.strip() == "").sum()),
        "kept_share": float(kept_chars / content.text.str.len().sum()),
        "body_share": float(body_chars / content.text.str.len().sum()),
        "n_sentences": int(len(analysis.sentences)),
        "n_body_sentences": int(table.n_sentences.sum()),
        "n_body_tokens": int(table.n_tokens.sum()),
        "min_body_tokens": int(table.n_tokens.min()),
        "max_body_tokens": int(table.n_tokens.max()),
        "size_ratio": float(table.n_tokens.max() / table.n_tokens.min()),
        "first_published": dates[0].strftime("%-d %B %Y"),
        "last_published": dates[-1].strftime("%-d %B %Y"),
        "n_inferred_dates": sum(a.published_status == "inferred" for a in analysis.articles),
    }
    events = table.event.value_counts().sort_index()
    facts["n_events"] = len(events)
    facts["event_list"] = join(f"the {event} ({counted(n, 'text')})" for event, n in events.items())
    facts.update(parts_phrases())
    facts["max_group_size"] = int(groups.max())
    facts["n_groups"] = len(groups)
    return facts


def parts_phrases() -> dict[str, str]:
    """The parts cleaning gives a line, all of them and those the analysis keeps, as the chapters list them."""
    return {"parts_list": join([part.replace("_", " ") for part in PARTS], last="or"),
            "kept_parts_list": ", ".join(part.replace("_", " ") for part in KEPT_PARTS)}


def removed_pieces(analysis: Analysis) -> pd.DataFrame:
    """Every removed piece that has text (blank lines left out): article, line, part, reason, text, and its English
    (``glosses.line_gloss``)."""
    from ..corpus.glosses import line_gloss

    removed = analysis.pieces[~analysis.pieces.part.isin(KEPT_PARTS) & (analysis.pieces.text.str.strip() != "")]
    removed = removed[["article_id", "line_no", "part", "reason", "text"]].reset_index(drop=True)
    return removed.assign(English=[line_gloss(t) for t in removed.text]).rename(columns={"article_id": "article",
                                                                                          "line_no": "line"})


def metadata_table(analysis: Analysis) -> pd.DataFrame:
    """The articles table for reading: readable headers, the outlet as the book labels it, date with its status,
    the headline with its English, body size."""
    from ..corpus.glosses import joined_gloss
    from ..corpus.outlets import outlet_label

    table = articles_table(analysis)
    titles = analysis.sentences[analysis.sentences.part == "title"].groupby("article_id").text.agg(list)
    english = {a: joined_gloss(texts) for a, texts in titles.items()}
    label = {a.article_id: outlet_label(a) for a in analysis.articles}
    return pd.DataFrame({
        "article": table.article_id,
        "outlet": table.article_id.map(label),
        "group": table.country_group,
        "event": table.event,
        "published": table.published + " (" + table.published_status + ")",
        "headline": [f"{t} ({english[a]})" if english.get(a) else t for a, t in zip(table.article_id, table.title)],
        "body sentences": table.n_sentences,
        "body tokens": table.n_tokens,
    })
