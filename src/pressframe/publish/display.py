"""Show tables in the book: deterministic, escaped HTML (no random ids, so nbval can compare outputs).

Text from the corpus is untrusted: it is always HTML-escaped here, never rendered as markup.
"""

from __future__ import annotations

import html
import re

import pandas as pd
from IPython.display import HTML

from ..base.prose import join
from ..compare.timeline import events_only, other_mentions
from ..corpus.glosses import gloss, line_gloss, note, phrase_gloss
from ..extract.timex import reading


def html_table(frame: pd.DataFrame, *, index: bool = False, classes: str = "pf-table", digits: int = 3) -> HTML:
    """An HTML table of ``frame`` with every cell escaped and floats to ``digits`` places; the same on every run.

    Column names such as ``quotes_per_1000_words`` may wrap after their underscores.
    """
    table = frame.to_html(index=index, escape=True, border=0, classes=classes, na_rep="",
                          float_format=lambda x: f"{x:.{digits}f}")
    return HTML(re.sub(r"(<th[^>]*>)([^<]*)(</th>)", lambda m: m[1] + m[2].replace("_", "_<wbr>") + m[3], table))


def escape(text: str) -> str:
    """``text`` safe to put inside HTML."""
    return html.escape(text, quote=True)


def anchor(sentence_id: str) -> str:
    """The HTML id of a sentence in its article's chapter: ``s-<sentence_id>``."""
    return f"s-{sentence_id}"


def sentence_href(sentence_id: str, *, from_page: str = "article") -> str:
    """Link to a sentence: on the same article page (``from_page="article"``) or from a page in ``book/``."""
    article_id = sentence_id.split("-")[0]
    prefix = "" if from_page == "article" else f"articles/{article_id}.html"
    return f"{prefix}#{anchor(sentence_id)}"


def sentence_link(sentence_id: str, *, from_page: str = "article") -> str:
    """An ``<a>`` to a sentence, labelled with its id."""
    return f'<a class="pf-sid" href="{escape(sentence_href(sentence_id, from_page=from_page))}">{escape(sentence_id)}</a>'


def german(text: str, *, sentence: bool = False, quoted: bool = False, with_note: bool = True) -> str:
    """German text from the corpus with its English beneath: a sentence's gloss, with the note on the German where
    our reviewer wrote one (open in the full text and the summaries; ``with_note=False``, in tables of many
    sentences, folded under "note on the German"), or a phrase's (pressframe.corpus.glosses); a mark where it has not been
    translated."""
    shown = f"„{escape(text)}“" if quoted else escape(text)
    beneath = _beneath((gloss(text) if sentence else phrase_gloss(text)) or "not translated")
    remark = note(text) if sentence else ""
    if remark and with_note:
        beneath += f'<span class="pf-tnote" lang="en">Note on the German: {escape(remark)}</span>'
    elif remark:
        beneath += (f'<details class="pf-tnote"><summary>note on the German</summary>'
                    f'<span lang="en">{escape(remark)}</span></details>')
    return f'<span lang="de">{shown}</span>{beneath}'


def _rows_table(header: list[str], rows: list[list[str]], *, classes: str = "pf-table") -> HTML:
    """A table from cells that are already HTML (callers escape text); a note instead of an empty table."""
    if not rows:
        return HTML('<p class="pf-empty">None in this text.</p>')
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return HTML(f'<table class="{classes}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def article_card(article, *, n_body_sentences: int, n_body_tokens: int) -> HTML:
    """The header card of an article chapter: attribution, date (marked when inferred), length, evidence."""
    from .figures import group_colour

    status = ' <span class="pf-badge">inferred</span>' if article.published_status == "inferred" else ""
    evidence = "".join(
        f"<li><b>{escape(key.replace('_', ' '))}</b>: "
        + " · ".join(escape(q) if q.startswith("[") else german(q, quoted=True) for q in quotes) + "</li>"
        for key, quotes in article.evidence.items() if quotes)
    rows = [
        ("Outlet", escape(article.outlet) if article.outlet_named else
                   f"attributed to {escape(article.outlet)} <span class=\"pf-badge\">not named in the text</span>"),
        ("Country group", f'<span class="pf-swatch" style="background:{group_colour(article.country_group)}"></span>'
                          f"{escape(article.country_group)}"),
        ("Event", escape(article.event)),
        ("Published", escape(article.published.strftime("%-d %B %Y")) + status),
        ("Length", f"{n_body_sentences} body sentences, {n_body_tokens:,} word tokens"),
        ("Language", escape(article.language_note)),
        ("File", f"<code>seeds/{escape(article.file)}</code>"),
    ]
    body = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows if value)
    details = (f"<details><summary>Evidence for the attribution</summary><ul>{evidence}</ul>"
               f"<p>{escape(article.uncertainty)}</p></details>") if evidence else ""
    return HTML(f'<div class="pf-card"><dl>{body}</dl>{details}</div>')


def summary_table(summary: pd.DataFrame) -> HTML:
    """Summary sentences in text order: link, German sentence, English gloss (or a mark if untranslated)."""
    rows = [[sentence_link(r.sentence_id), f'<span lang="de">{escape(r.text)}</span>',
             (escape(r.gloss) + (f'<span class="pf-tnote" lang="en">Note on the German: {escape(note(r.text))}</span>'
                                 if note(r.text) else "")) if isinstance(r.gloss, str) else
             f'<span class="pf-untranslated">not translated; found: {escape(getattr(r, "found", ""))}</span>']
            for r in summary.itertuples()]
    return _rows_table(["sentence", "German", "English gloss"], rows)


def quotes_table(quotes: pd.DataFrame, *, with_speaker: bool = True) -> HTML:
    """Quotations with a link to their sentence, the quoted words, and (optionally) kind, speaker, type and cue.

    A full quotation is a statement reproduced whole; a partial one is a fragment in the author's own sentence,
    shown with the speaker a cue gives it."""
    header = ["sentence", "quoted"] + (["kind", "speaker", "speaker type", "cue"] if with_speaker else ["attributed to"])
    rows = []
    for q in quotes.itertuples():
        row = [sentence_link(q.sentence_id), german(q.quote)]
        row += [escape(q.kind), escape(q.speaker), escape(q.speaker_type), german(q.cue)] if with_speaker \
            else [escape(q.speaker)]
        rows.append(row)
    return _rows_table(header, rows)


def designations_table(mentions: pd.DataFrame) -> HTML:
    """Designations per actor with their register, count and links to every sentence that uses them."""
    rows = []
    grouped = mentions.groupby(["actor", "designation", "register"], sort=False)
    order = sorted(grouped.groups, key=lambda key: (key[0], -len(grouped.get_group(key)), key[1]))
    for actor, designation, register in order:
        group = grouped.get_group((actor, designation, register))
        links = " ".join(sentence_link(s) for s in dict.fromkeys(group.sentence_id))
        rows.append([escape(actor), german(designation), escape(register),
                     str(len(group)), " · ".join(_as_written(s, designation) for s in dict.fromkeys(group.surface)), links])
    return _rows_table(["actor", "designation", "register", "count", "as written", "sentences"], rows)


def _as_written(surface: str, designation: str) -> str:
    """A designation as the text writes it, with its own English where that says more than the designation's
    ("zwei schurkische Diktatoren" (two villainous dictators) beside "Diktatoren", dictators)."""
    own = phrase_gloss(surface)
    extra = f' <span class="pf-en-inline" lang="en">({escape(own)})</span>' if own and own != phrase_gloss(designation) else ""
    return f'<span lang="de">{escape(surface)}</span>{extra}'


def removed_line(text: str) -> str:
    """A line cleaning removed, verbatim, with its English beneath (``glosses.line_gloss``)."""
    english = line_gloss(text)
    return f'<span lang="de">{escape(text)}</span>' + (_beneath(english) if english else "")


def _beneath(english: str) -> str:
    """The English beneath German text, or the mark for German nobody has translated ("not translated")."""
    if english == "not translated":
        return '<span class="pf-en pf-untranslated">not translated</span>'
    return f'<span class="pf-en" lang="en">{escape(english)}</span>'


def full_text(analysis) -> HTML:
    """The cleaned text, piece by piece, each sentence anchored by its id; removed lines one click away."""
    blocks = []
    sentences = analysis.sentences
    for (line_no, part), group in sentences.groupby(["line_no", "part"], sort=False):
        spans = "".join(
            f'<span class="pf-sentence" id="{anchor(s.sentence_id)}">{sentence_link(s.sentence_id)} '
            f"{german(s.text, sentence=True)}</span> " for s in group.itertuples())
        blocks.append(f'<div class="pf-piece pf-{escape(part)}"><span class="pf-part">{escape(part.replace("_", " "))}'
                      f"</span><p>{spans.strip()}</p></div>")
    from ..corpus.clean import KEPT_PARTS

    pieces = analysis.pieces
    removed = pieces[~pieces.part.isin(KEPT_PARTS) & (pieces.text.str.strip() != "")]
    rows = "".join(f"<tr><td>{r.line_no}</td><td>{escape(r.part)}</td><td>{escape(r.reason)}</td>"
                   f"<td>{removed_line(r.text)}</td></tr>" for r in removed.itertuples())
    audit = (f'<details class="pf-removed"><summary>Lines removed by cleaning ({len(removed)})</summary>'
             f'<table class="pf-table"><thead><tr><th>line</th><th>part</th><th>reason</th><th>text</th></tr></thead>'
             f"<tbody>{rows}</tbody></table></details>") if len(removed) else \
        '<p class="pf-removed-none">Cleaning removed nothing from this text.</p>'

    return HTML(f'<div class="pf-fulltext">{"".join(blocks)}</div>{audit}')


def _dated(value: str) -> str:
    """A TIMEX3 value with its plain-English reading beside it ("2024-06-18TEV", 18 June 2024, evening)."""
    plain = reading(value)
    gloss = "" if plain == value else f' <span class="pf-reading">{escape(plain)}</span>'
    return f"<code>{escape(value)}</code>{gloss}"


def timeline_table(events: pd.DataFrame, sentences: pd.DataFrame, outlets: dict[str, str]) -> HTML:
    """The joint timeline, one row per mention of an event: event (id and what happened), date given, text,
    expression and the linked sentence (the other dated mentions are in ``other_mentions_table``)."""
    text_of = dict(zip(sentences.sentence_id, sentences.text))
    rows = []
    for e in events_only(events).itertuples():
        flag = ' <span class="pf-badge pf-conflict">dated differently</span>' if e.conflict else ""
        rows.append([f"<b>{escape(e.event_id)}</b> {escape(e.label)}{flag}", _dated(e.date),
                     escape(f"{e.article_id} {outlets.get(e.article_id, '')}"), german(e.timex, quoted=True),
                     sentence_link(e.sentence_id, from_page="book") + " " + german(text_of[e.sentence_id], sentence=True, with_note=False)])
    return _rows_table(["event", "date given", "text", "expression", "sentence"], rows)


def other_mentions_table(events: pd.DataFrame, sentences: pd.DataFrame, outlets: dict[str, str]) -> HTML:
    """The dated mentions that fit no kind of event: date given, text, expression and the linked sentence."""
    text_of = dict(zip(sentences.sentence_id, sentences.text))
    rows = [[_dated(e.date), escape(f"{e.article_id} {outlets.get(e.article_id, '')}"), german(e.timex, quoted=True),
             sentence_link(e.sentence_id, from_page="book") + " " + german(text_of[e.sentence_id], sentence=True, with_note=False)]
            for e in other_mentions(events).itertuples()]
    if not rows:                                    # a table with no rows says nothing the sentence above does not
        return HTML("")                             # the chapter's sentence says there are none
    return _rows_table(["date given", "text", "expression", "sentence"], rows)


def conflicts_table(conflicts: pd.DataFrame, events: pd.DataFrame, outlets: dict[str, str]) -> HTML:
    """Events the texts date differently: every dated mention linked to its sentence, and the reading."""
    rows = []
    for c in conflicts.itertuples():
        mentions = events[(events.event_id == c.event_id) & (events.precision == "day")]
        sources = "<br>".join(f"{_dated(m.date)} {escape(m.article_id)} {escape(outlets.get(m.article_id, ''))}, "
                              + german(m.timex, quoted=True) + " in "
                              + sentence_link(m.sentence_id, from_page="book") for m in mentions.itertuples())
        rows.append([escape(c.event_id), escape(c.label), sources, escape(c.explanation)])
    return _rows_table(["event", "what", "dates given", "reading"], rows)


def timexes_table(timexes: pd.DataFrame) -> HTML:
    """An article's temporal expressions: sentence link, expression, type, value and the event it dates."""
    rows = [[sentence_link(t.sentence_id), german(t.text, quoted=True), escape(t.type),
             _dated(t.value), escape(t.event)] for t in timexes.itertuples()]
    return _rows_table(["sentence", "expression", "type", "value", "event on the timeline"], rows)


def claims_table(found: pd.DataFrame, matrix: pd.DataFrame, outlets: dict[str, str]) -> HTML:
    """Claims by texts: each cell links the sentences of that text carrying the claim; shared claims in bold."""
    articles = [c for c in matrix.columns if c not in ("claim_id", "claim")]
    rows = []
    for _, m in matrix.iterrows():
        carried = int((m[articles] > 0).sum())
        name = f"<b>{escape(m.claim)}</b>" if carried >= 2 else escape(m.claim)
        cells = []
        for a in articles:
            ids = found[(found.claim_id == m.claim_id) & (found.article_id == a)].sentence_id
            cells.append(" ".join(sentence_link(s, from_page="book") for s in ids) or '<span class="pf-none">–</span>')
        rows.append([name, str(carried), *cells])
    return _rows_table(["claim", "texts", *[f"{a} {outlets.get(a, '')}" for a in articles]], rows)


def kwic_table(lines: pd.DataFrame, outlets: dict[str, str], sentences: pd.DataFrame | None = None) -> HTML:
    """Keyword-in-context lines: text, linked sentence, left context, the word (with its English), right context,
    and, given ``sentences``, the whole sentence in English."""
    text_of = dict(zip(sentences.sentence_id, sentences.text)) if sentences is not None else {}
    rows = []
    for l in lines.itertuples():
        row = [escape(f"{l.article_id} {outlets.get(l.article_id, '')}"), sentence_link(l.sentence_id, from_page="book"),
               f'<span lang="de" class="pf-kwic-left">{escape(l.left)}</span>', f"<b>{german(l.keyword)}</b>",
               f'<span lang="de">{escape(l.right)}</span>']
        if text_of:
            english = gloss(text_of[l.sentence_id])
            row.append(f'<span lang="en">{escape(english)}</span>' if english else '<span class="pf-untranslated">not translated</span>')
        rows.append(row)
    header = ["text", "sentence", "left context", "word", "right context"] + (["the sentence in English"] if text_of else [])
    return _rows_table(header, rows, classes="pf-table pf-kwic")


def frames_preview(frames: pd.DataFrame) -> HTML:
    """An article's frames: share of its body sentences carrying each, with the bootstrap interval."""
    rows = [[escape(f.frame.replace("_", " ")), str(int(f.sentences)), f"{f.share:.0%}", f"{f.low:.0%}–{f.high:.0%}"]
            for f in frames.itertuples() if f.sentences > 0]
    table = _rows_table(["frame", "sentences", "share", "95% interval"], rows)
    absent = [f.replace("_", " ") for f in frames.frame[frames.sentences == 0]]
    if not absent or not rows:
        return table
    return HTML(table.data + f'<p class="pf-note">No body sentence of this text carries {escape(join(absent, last="or"))}.</p>')


def data_dictionary(schema: dict[str, dict], rows: dict[str, int], *, href: str = "../../data/{name}.csv") -> HTML:
    """Every exported table: a link to its CSV, its row count, what a row is, and what each column holds."""
    parts = []
    for name, table in schema.items():
        columns = "".join(f"<tr><td><code>{escape(c)}</code></td><td>{escape(d)}</td></tr>"
                          for c, d in table["columns"].items())
        parts.append(f'<h3 id="data-{escape(name)}"><a href="{escape(href.format(name=name))}">{escape(name)}.csv</a></h3>'
                     f"<p>{escape(table['description'])} {rows.get(name, 0):,} {'row' if rows.get(name, 0) == 1 else 'rows'}.</p>"
                     f'<table class="pf-table"><thead><tr><th>column</th><th>meaning</th></tr></thead>'
                     f"<tbody>{columns}</tbody></table>")
    return HTML("".join(parts))


def notes_table(notes: pd.DataFrame, outlets: dict[str, str], *, from_page: str = "book") -> HTML:
    """The fact notes (pressframe.compare.factnotes): per note its question, verdict, what each text says (linked,
    verbatim, with our reading) and what is known, with its source."""
    from ..compare.factnotes import source_label

    rows = []
    for note_id, group in notes.groupby("note_id", sort=False):
        first = group.iloc[0]
        said = "<br>".join(f'{sentence_link(r.sentence_id, from_page=from_page)} {escape(outlets.get(r.article_id, r.article_id))}: '
                           f'{german(r.quote, quoted=not r.quote.startswith("„"))} — {escape(r.reading)}' for r in group.itertuples())
        rows.append([escape(first.topic), escape(first.verdict), said,
                     f"{escape(first.known)} <span class=\"pf-source\">({escape(source_label(first.reference))})</span>"])
    return _rows_table(["question", "verdict", "what the texts say", "what is known"], rows)


def artefacts_table(notes: pd.DataFrame, *, from_page: str = "article") -> HTML:
    """Translation artefacts (pressframe.compare.translation): sentence; the German words and the kind of artefact; the
    likely source wording and what a German writer would have written; and why."""
    from ..compare.translation import kind_name

    rows = [[sentence_link(n.sentence_id, from_page=from_page),
             german(n.words, quoted=True) + f'<span class="pf-kind">{escape(kind_name(n.category))}</span>',
             _source_and_german(n),
             escape(n.explanation)] for n in notes.itertuples()]
    return _rows_table(["sentence", "German, and the kind of artefact", "likely French, and idiomatic German", "why"], rows,
                       classes="pf-table pf-artefacts")


def _source_and_german(note) -> str:
    """The likely source wording and the idiomatic German of a translation note, each with its English."""
    cells = []
    if note.source:
        cells.append(f'<span lang="fr">{escape(note.source)}</span><span class="pf-en" lang="en">{escape(note.source_english)}</span>')
    if note.german:
        cells.append(f'German: <span lang="de">{escape(note.german)}</span>'
                     f'<span class="pf-en" lang="en">{escape(note.german_english)}</span>')
    return "<br>".join(cells)


def headline_checks_table(checks: pd.DataFrame, sentences: pd.DataFrame) -> HTML:
    """Display sentences that state in their own voice what a body sentence attributes: both sentences linked,
    with their English, and how the body attributes it."""
    text_of = dict(zip(sentences.sentence_id, sentences.text))
    rows = [[sentence_link(c.display_id, from_page="book") + " " + german(text_of[c.display_id], sentence=True, with_note=False),
             sentence_link(c.body_id, from_page="book") + " " + german(text_of[c.body_id], sentence=True, with_note=False),
             escape(c.how)] for c in checks.itertuples()]
    return _rows_table(["the display says", "the body attributes", "how the body attributes it"], rows)


def sources_table(sources: pd.DataFrame) -> HTML:
    """Whom each text relies on (pressframe.extract.sourcing.sources_table): named and unnamed sources, agencies and
    outlets, and how many body sentences it attributes."""
    rows = [[escape(r.text), "<br>".join(escape(n) for n in r[3].split("; ") if n) or '<span class="pf-none">–</span>',
             "".join(f"<div>{german(n)}</div>" for n in r[5].split("; ") if n) or '<span class="pf-none">–</span>',
             escape(r[6]) or '<span class="pf-none">–</span>',
             f"{r.attributed} of {r[7]} ({r[9]:.0%})"] for r in sources.itertuples()]
    return _rows_table(["text", "named sources (speaker type)", "unnamed sources", "agencies and outlets",
                        "body sentences attributed"], rows)
