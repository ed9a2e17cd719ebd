"""The cross-outlet comparison of the framing chapter: frames, naming, voices, vocabulary, claims, style.

Each function takes the corpus analysis and returns a plain table per article and per country
group; the chapter shows them and glues ``comparison_facts`` into its prose. Nothing here tests
significance: with one to two texts per group, the figures describe these texts.
"""

from __future__ import annotations

import re

import pandas as pd

from ..corpus.glosses import quoted
from ..corpus.groups import group_order
from ..corpus.text import is_word, tokenize
from ..extract.claims import claims_matrix, find_claims
from ..extract.frames import ZONES, frame_hits, frame_names, presence, salience_by, zone_sentences
from ..extract.quotes import QUOTATION_KINDS, find_quotes
from ..extract.style import style_table, word_lists
from .analysis import Analysis, groups_of, mentions_of
from .keyness import distinctive

KWIC_COLUMNS = ("article_id", "sentence_id", "left", "keyword", "right")


def frame_salience(analysis: Analysis, *, by: str, zone: str = "body") -> pd.DataFrame:
    """Salience of every frame per article (``by="article"``) or per country group (``by="group"``) in a zone."""
    units = {a: (a if by == "article" else g) for a, g in groups_of(analysis).items()}
    return salience_by(analysis.sentences, frame_hits(analysis.sentences, tuple(ZONES)), units, zone=zone)


def hand_coded_shares(analysis: Analysis, coded: pd.DataFrame, *, zone: str = "body") -> pd.DataFrame:
    """Frames by articles: the share of each article's sentences in the zone that the hand coding ``coded`` (from
    ``evaluate.load_frame_coding``) gives the frame, for the articles whose every sentence in the zone it codes."""
    scored = zone_sentences(analysis.sentences, zone)
    shares = {}
    for article_id, ids in scored.groupby("article_id").sentence_id:
        if len(ids) and set(ids) <= set(coded.index):
            shares[article_id] = coded.loc[list(ids)].mean()
    return pd.DataFrame(shares).reindex(frame_names())


def frame_shares(analysis: Analysis, labels: dict[str, str], coded: pd.DataFrame | None = None) -> pd.DataFrame:
    """Frames by articles: the share of each article's body sentences carrying the frame by the dictionary, and
    beside it, where the hand coding ``coded`` covers the article, by the hand coding ("22% · 26%"), articles
    named by ``labels``."""
    table = frame_salience(analysis, by="article")
    wide = table.pivot(index="frame", columns="unit", values="share").reindex(frame_names())
    cells = wide.map("{:.0%}".format)
    if coded is not None:
        hand = hand_coded_shares(analysis, coded)
        for article_id in hand.columns:
            cells[article_id] = [f"{d} · {h:.0%}" for d, h in zip(cells[article_id], hand[article_id])]
    cells = cells.rename(columns=labels).rename_axis(index="frame", columns=None)
    return cells.rename(index=lambda f: f.replace("_", " ")).reset_index()


def _frames_listed(present: pd.DataFrame) -> str:
    """"russian weakness (3), conflict (1)": the frames of some sentences with their number, most first."""
    counts = present.sum()
    counts = counts[counts > 0].sort_values(ascending=False, kind="stable")
    return ", ".join(f"{frame.replace('_', ' ')} ({n})" for frame, n in counts.items()) or "none"


def _leading(present: pd.DataFrame) -> str:
    """The frame or frames (tied) most of these sentences carry."""
    counts = present.sum()
    if counts.max() == 0:
        return "none"
    return " and ".join(f.replace("_", " ") for f in counts.index[counts == counts.max()])


def frame_profile(analysis: Analysis, labels: dict[str, str], coded: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """Per text: its leading body frame, and the frames of its display (headline, standfirst, key points,
    subheadings), by the dictionary and, where ``coded`` (zone: hand coding) covers the text, by hand."""
    hits = frame_hits(analysis.sentences, tuple(ZONES))
    present = {zone: presence(analysis.sentences, hits, zone) for zone in ZONES}
    article_of = dict(zip(analysis.sentences.sentence_id, analysis.sentences.article_id))
    rows = []
    for article_id in sorted(groups_of(analysis)):
        row = {"text": labels.get(article_id, article_id)}
        for zone, column in (("body", "leading body frame"), ("display", "display frames")):
            mine = present[zone][[article_of[s] == article_id for s in present[zone].index]]
            describe = _leading if zone == "body" else _frames_listed
            row[column] = describe(mine)
            hand = (coded or {}).get(zone)
            covered = hand is not None and len(mine) > 0 and set(mine.index) <= set(hand.index)
            row[f"{column}, by hand"] = describe(hand.loc[list(mine.index)]) if covered else ""
        row["display sentences"] = int(len(present["display"][[article_of[s] == article_id
                                                                for s in present["display"].index]]))
        rows.append(row)
    columns = ["text", "leading body frame", "leading body frame, by hand", "display sentences", "display frames",
               "display frames, by hand"]
    return pd.DataFrame(rows)[columns]


def naming(analysis: Analysis, *, by: str) -> pd.DataFrame:
    """Mentions of Putin, Kim or the two together by register (name, title, evaluative) per unit, with the evaluative
    share: every mention the article chapters count, so that a text's share is the same number everywhere."""
    groups = groups_of(analysis)
    mentions = mentions_of(analysis)
    unit = mentions.article_id if by == "article" else mentions.article_id.map(groups)
    table = pd.crosstab(unit, mentions.register).reindex(columns=["name", "title", "evaluative"], fill_value=0)
    table = table.reindex(sorted(set(groups) if by == "article" else group_order(groups)), fill_value=0)
    table["mentions"] = table.sum(axis=1)
    table["evaluative share"] = table.evaluative / table.mentions.where(table.mentions > 0)
    return table.rename_axis("unit").reset_index()


def voices(analysis: Analysis, *, by: str) -> pd.DataFrame:
    """Direct quotations per speaker type and unit: number, share of quotations, quoted words, share of quoted words."""
    groups = groups_of(analysis)
    quotes = find_quotes(analysis.sentences)
    quotes = quotes[quotes.kind.isin(QUOTATION_KINDS)]
    quotes = quotes.assign(unit=quotes.article_id if by == "article" else quotes.article_id.map(groups),
                           words=[sum(1 for t in tokenize(q) if is_word(t)) for q in quotes.quote])
    table = quotes.groupby(["unit", "speaker_type"]).agg(quotations=("quote", "size"), words=("words", "sum")).reset_index()
    totals = table.groupby("unit")[["quotations", "words"]].transform("sum")
    table["share of quotations"] = table.quotations / totals.quotations
    table["share of quoted words"] = table.words / totals.words
    return table


def kwic(analysis: Analysis, *, width: int = 45) -> pd.DataFrame:
    """Keyword-in-context lines for the mocking words of ``data/style.yml``, in body and title sentences."""
    stems = word_lists()["mocking"]
    pattern = re.compile(r"(?<![\w-])[\w-]*(?:" + "|".join(map(re.escape, stems)) + r")[\w-]*", re.IGNORECASE)
    rows = []
    for s in analysis.sentences.itertuples():
        for match in pattern.finditer(s.text):
            left = s.text[max(0, match.start() - width) : match.start()]
            right = s.text[match.end() : match.end() + width]
            rows.append((s.article_id, s.sentence_id, ("…" if match.start() > width else "") + left, match.group(0),
                         right + ("…" if match.end() + width < len(s.text) else "")))
    return pd.DataFrame(rows, columns=list(KWIC_COLUMNS))


def vocabulary(analysis: Analysis, *, top: int = 8) -> pd.DataFrame:
    """The most distinctive stems of each group against the rest (Fightin' Words)."""
    return distinctive(analysis.tokens, analysis.sentences, groups_of(analysis), top=top)


def claims(analysis: Analysis) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The claim sentences and the claims-by-articles matrix."""
    found = find_claims(analysis.sentences, tokens=analysis.tokens)
    return found, claims_matrix(found, sorted(groups_of(analysis)))


def style(analysis: Analysis) -> pd.DataFrame:
    """Style measures, one row per article, one column per measure."""
    table = style_table(analysis.sentences, find_quotes(analysis.sentences))
    wide = table.pivot(index="article_id", columns="measure", values="value").rename_axis(columns=None)
    for count in ("eszett_words", "ss_for_eszett"):
        wide[count] = wide[count].astype(int)
    return wide.reset_index()


STYLE_HEADINGS = {"sentence_length": "words per sentence", "reading_ease": "reading ease (Amstad)",
                  "syllables_per_word": "syllables per word", "quotes_per_1000_words": "quotations per 1,000 words",
                  "quoted_share": "share of words quoted", "eszett_words": "words written with ß",
                  "ss_for_eszett": "words written with ss for ß"}


def style_shown(analysis: Analysis, labels: dict[str, str]) -> pd.DataFrame:
    """The style table as the framing chapter shows it: a row per text, columns in words, shares as percentages."""
    table = style(analysis)
    table["quoted_share"] = table.quoted_share.map("{:.1%}".format)
    for name in ("sentence_length", "reading_ease", "syllables_per_word", "quotes_per_1000_words"):
        table[name] = table[name].map("{:.1f}".format)
    table = table.assign(article_id=table.article_id.map(labels)).rename(columns={"article_id": "text", **STYLE_HEADINGS})
    return table[["text", *[STYLE_HEADINGS[c] for c in STYLE_HEADINGS if STYLE_HEADINGS[c] in table.columns]]]


def comparison_facts(analysis: Analysis) -> dict[str, object]:
    """Figures the framing chapter and the landing page glue into their prose."""
    groups = groups_of(analysis)
    by_group = frame_salience(analysis, by="group").set_index(["unit", "frame"])
    by_article = frame_salience(analysis, by="article")
    names = naming(analysis, by="group").set_index("unit")
    names_article = naming(analysis, by="article").set_index("unit")
    voice = voices(analysis, by="group")
    found, matrix = claims(analysis)
    styles = style(analysis).set_index("article_id")
    facts: dict[str, object] = {"n_frames": len(frame_names()), "n_claims": len(matrix),
                                "n_claims_shared": int(((matrix.drop(columns=["claim_id", "claim"]) > 0).sum(axis=1) >= 2).sum()),
                                "n_body_sentences": int((analysis.sentences.part == "body").sum())}
    for group in group_order(groups):
        slug = group.lower().replace("-", "_")
        top = by_group.loc[group].sort_values(["share", "sentences"], ascending=False)
        tied = [f.replace("_", " ") for f in top.index[top.share == top.share.iloc[0]]]
        facts[f"{slug}_top_frame"] = tied[0] if len(tied) == 1 else ", ".join(tied[:-1]) + " and " + tied[-1] + " (tied)"
        facts[f"{slug}_top_share"] = float(top.share.iloc[0])
        facts[f"{slug}_n_sentences"] = int(top.n.iloc[0])
        facts[f"{slug}_evaluative_share"] = float(names.loc[group, "evaluative share"])
        expert = voice[(voice.unit == group) & (voice.speaker_type == "expert")]
        facts[f"{slug}_expert_share"] = float(expert["share of quotations"].sum()) if len(expert) else 0.0
        facts[f"{slug}_n_quotations"] = int(voice[voice.unit == group].quotations.sum())
        for frame in frame_names():
            facts[f"{slug}_{frame}_share"] = float(by_group.loc[(group, frame), "share"])
    for frame in frame_names():
        shares = by_group.xs(frame, level="frame").share
        facts[f"{frame}_top_group"] = shares.idxmax()
        facts[f"{frame}_top_group_share"] = float(shares.max())
    overall = by_group.groupby(level="frame").share.mean().sort_values(ascending=False)
    facts["top_frames_overall"] = " and ".join(f.replace("_", " ") for f in overall.index[:2])
    facts["top_frames_overall_capitalised"] = facts["top_frames_overall"][:1].upper() + facts["top_frames_overall"][1:]
    expert_by_article = voices(analysis, by="article")
    expert_by_article = expert_by_article[expert_by_article.speaker_type == "expert"]
    facts["n_articles_expert_led"] = int((expert_by_article["share of quotations"] >= 0.5).sum())
    facts["n_articles_quoting"] = int(voices(analysis, by="article").unit.nunique())
    weakness = by_article[by_article.frame == "russian_weakness"].set_index("unit").share
    facts["weakness_max_article"] = weakness.idxmax()
    facts["weakness_max_share"] = float(weakness.max())
    mentions = mentions_of(analysis)
    labels = mentions[mentions.register == "evaluative"]
    pair = labels[labels.actor == "both"].surface
    facts["n_evaluative_all"] = len(labels)
    facts["n_evaluative_pair"] = len(pair)
    facts["evaluative_pair_examples"] = ", ".join(quoted(s) for s in list(dict.fromkeys(pair))[:3]) or "none"
    evaluative = names_article["evaluative share"]
    facts["evaluative_max_article"] = evaluative.idxmax()
    facts["evaluative_max_share"] = float(evaluative.max())
    facts["evaluative_min_article"] = evaluative.idxmin()
    facts["evaluative_min_share"] = float(evaluative.min())
    lines = kwic(analysis)
    quotes = find_quotes(analysis.sentences)
    quotes = quotes[quotes.kind.isin(QUOTATION_KINDS)]
    inside = [any(line.keyword in q for q in quotes[quotes.article_id == line.article_id].quote)   # a quoted word
              for line in lines.itertuples()]
    facts["n_mocking_lines"] = len(lines)
    facts["n_mocking_quoted"] = int(sum(inside))
    facts["n_mocking_own"] = len(lines) - int(sum(inside))
    facts["swiss_spelling_articles"] = ", ".join(styles.index[styles.ss_for_eszett > 0]) or "none"
    facts["eszett_articles"] = ", ".join(styles.index[styles.eszett_words > 0]) or "none"
    facts["reading_ease_min_article"] = styles.reading_ease.idxmin()
    facts["reading_ease_min"] = float(styles.reading_ease.min())
    facts["reading_ease_max_article"] = styles.reading_ease.idxmax()
    facts["reading_ease_max"] = float(styles.reading_ease.max())
    return facts
