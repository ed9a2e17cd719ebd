"""Sentences and paragraphs the chapters print, written from the data so that they stay true for any corpus.

Each function takes what the analysis computed and returns plain text (a sentence or a short paragraph)
for a chapter to glue: counts in words where they are small, group names and sizes from the metadata
and ``data/groups.yml``, one text or several, one conflict or none. What a sentence claims is computed
right here; where a chapter keeps a sentence that interprets the data in its own words, it guards it
with ``pressframe.base.prose.require``.
"""

from __future__ import annotations

import pandas as pd

from ..base.prose import capitalise, counted, join, number
from ..compare.timeline import events_only, other_mentions
from ..corpus.glosses import phrase_gloss, quoted
from ..corpus.groups import groups_for


def _group_sizes(groups: dict[str, str]) -> list[tuple[str, int]]:
    counts = pd.Series(list(groups.values())).value_counts()
    return [(g.label, int(counts[g.label])) for g in groups_for(groups[a] for a in sorted(groups))]


# --- the corpus ------------------------------------------------------------------------------------------

def groups_phrase(groups: dict[str, str]) -> str:
    """"2 Swiss, 2 German and 1 French-derived", from ``{article_id: group}``."""
    return join(f"{n} {label}" for label, n in _group_sizes(groups))


def corpus_sentence(articles, groups: dict[str, str]) -> str:
    """The corpus chapter's first sentences: how many texts, of which groups, and what each group is."""
    described = "; ".join(f"{g.label}, {g.description}" for g in groups_for(groups[a] for a in sorted(groups)))
    return (f"The corpus holds {counted(len(articles), 'German-language news text')}: {groups_phrase(groups)}. "
            f"The country groups (in src/pressframe/data/groups.yml) are: {described}.")


def dates_sentence(articles) -> str:
    """How the publication dates are known: printed in the text, or inferred from it."""
    inferred = sum(a.published_status == "inferred" for a in articles)
    printed = len(articles) - inferred
    if printed == 0:
        return (f"None of the texts prints its own publication date: all {number(inferred)} dates below are inferred "
                "from what the texts say (weekdays, dates of the events, a dateline), and are marked as such.")
    if inferred == 0:
        return f"All {number(printed)} texts print their publication date."
    return (f"{capitalise(counted(printed, 'text'))} {'prints its' if printed == 1 else 'print their'} publication "
            f"date; the other {number(inferred)} dates are inferred from what the texts say, and are marked as such.")


def group_profiles(articles, groups: dict[str, str]) -> str:
    """What each group is made of: how many texts, which events; a group of one text speaks for that text only."""
    events = {a.article_id: a.event for a in articles}
    parts = []
    for label, n in _group_sizes(groups):
        ids = sorted(a for a, g in groups.items() if g == label)
        covered = sorted({events[a] for a in ids})
        text = f"the {label} group holds {counted(n, 'text')} ({join(ids)}"
        text += f", on the {join(covered, last='and the')})" if len(covered) > 1 else \
            f", {'both' if n == 2 else 'all'} on the {covered[0]})" if n > 1 else f", on the {covered[0]})"
        parts.append(text)
    singles = [label for label, n in _group_sizes(groups) if n == 1]
    sentence = capitalise(join(parts, last="and")) + "."
    if singles:
        sentence += (f" A group of one text ({join(singles)}) speaks for that text, its author and, for a "
                     "translation, its translator, not for a country's press.")
    return sentence


def spanning_groups(articles, groups: dict[str, str]) -> list[str]:
    """The groups whose texts cover more than one event (where country and event are tangled)."""
    events = {a.article_id: a.event for a in articles}
    return [label for label, _ in _group_sizes(groups)
            if len({events[a] for a, g in groups.items() if g == label}) > 1]


# --- the timeline ---------------------------------------------------------------------------------------

def timeline_opening(events: pd.DataFrame, timexes: pd.DataFrame, n_texts: int) -> str:
    """How far back and how the texts date: the span of their calendar mentions and how many of those are
    relative (resolved against a publication date), with examples from the texts."""
    if events.empty:
        return f"The {number(n_texts)} texts date no event on the calendar."
    span = max(events.start).year - min(events.start).year
    relative = timexes[timexes.anchor.astype(str) != ""]
    share = len(relative) / len(timexes) if len(timexes) else 0.0
    how = "mostly" if share > 0.5 else "partly" if share > 0 else "never"
    examples = list(dict.fromkeys(t.text for t in relative.itertuples() if not t.value.endswith("_REF")))[:5]
    sentence = (f"The {number(n_texts)} texts mention events across {counted(span, 'year')}, {how} in relative terms"
                f" ({share:.0%} of their expressions of time are resolved against a publication date)")
    return sentence + (": " + ", ".join(quoted(e) for e in examples) + "." if examples else ".")


def conflicts_paragraph(table: pd.DataFrame, events: pd.DataFrame, sentences: pd.DataFrame, articles,
                        outlets: dict[str, str]) -> str:
    """Where the texts date one event differently, and what the texts themselves settle: the time zones, where an
    evening and the next day can be one night; and a day that stands only in a photo caption against a day the
    body of a text gives, which is the book's verdict on the caption (worded here only, from the comparison)."""
    if table.empty:
        return "The texts that date the same event give it the same day."
    part = dict(zip(sentences.sentence_id, sentences.part))
    paragraphs = [f"The texts date {counted(len(table), 'event')} differently."]
    for row in table.itertuples():
        mentions = events[(events.event_id == row.event_id) & (events.precision == "day")]
        days = []
        for day, group in mentions.groupby("start", sort=True):
            who = join(f"{outlets.get(a, a)} ({a})" for a in sorted(set(group.article_id)))
            days.append(f"{day.strftime('%-d %B %Y')} in {who}")
        sentence = f"{row.label}: {join(days)}."
        if "time" in row.explanation or "UTC" in row.explanation:
            sentence += (" An evening in Europe and the next morning in Korea can be the same moment (Korea is seven"
                         " hours ahead in summer), so an evening and the following day may describe one night.")
        verdict = caption_verdict(mentions, part)
        if verdict:
            caption_days, body_days = verdict
            sentence += (f" The {join(d.strftime('%-d %B') for d in caption_days)} stands only in a photo caption of "
                         f"{join(sorted(set(mentions[mentions.start.isin(caption_days)].article_id)))}, while the body of "
                         f"{join(sorted(set(mentions[mentions.start.isin(body_days)].article_id)))} puts it on "
                         f"{join(d.strftime('%-d %B') for d in body_days)}: the caption's date is the one the texts do not support.")
        paragraphs.append(sentence)
    return " ".join(paragraphs)


def dates_resting_on_rejected_captions(table: pd.DataFrame, events: pd.DataFrame, sentences: pd.DataFrame,
                                        articles) -> list[str]:
    """The texts whose publication-date evidence quotes a caption whose date ``conflicts_paragraph`` finds the texts
    do not support: a publication date must not rest on a date the book calls wrong."""
    part = dict(zip(sentences.sentence_id, sentences.part))
    text_of = dict(zip(sentences.sentence_id, sentences.text))
    evidence = {a.article_id: a.evidence.get("published", ()) for a in articles}
    found = []
    for row in table.itertuples():
        mentions = events[(events.event_id == row.event_id) & (events.precision == "day")]
        verdict = caption_verdict(mentions, part)
        if not verdict:
            continue
        for m in mentions[mentions.start.isin(verdict[0])].itertuples():
            if any(q and (q in text_of[m.sentence_id] or m.timex in q) for q in evidence.get(m.article_id, ())):
                found.append(m.article_id)
    return sorted(set(found))


def caption_verdict(mentions: pd.DataFrame, part: dict[str, str]) -> tuple[list, list] | None:
    """For the day-precise mentions of one event dated differently: ``(days given only in captions, days given in
    body text)`` where the body text gives one day and the captions others; None otherwise."""
    where: dict = {}
    for m in mentions.itertuples():
        where.setdefault(m.start, set()).add("caption" if part.get(m.sentence_id) == "caption" else "text")
    body = sorted(d for d, kinds in where.items() if "text" in kinds)
    captions = sorted(d for d, kinds in where.items() if kinds == {"caption"})
    return (captions, body) if len(body) == 1 and captions else None


def coverage_paragraph(events: pd.DataFrame, article_ids: list[str], outlets: dict[str, str]) -> str:
    """What each text dates: the texts that date no event, and how many events the others date."""
    counts = events_only(events).groupby("article_id").event_id.nunique()
    undated = [a for a in article_ids if a not in counts.index]
    parts = []
    if undated:
        parts.append(f"{capitalise(join(f'{a} ({outlets.get(a, a)})' for a in undated))} "
                     f"{'dates' if len(undated) == 1 else 'date'} no event in the kept text.")
    if len(counts):
        order = counts.sort_values(ascending=False, kind="stable")
        if len(order) == 1:
            top = order.index[0]
            parts.append(f"Only {top} ({outlets.get(top, top)}) dates events ({number(int(order.iloc[0]))}).")
        else:
            most = int(order.iloc[0])
            leaders = [a for a, n in order.items() if n == most]
            rest = join(f"{a} ({outlets.get(a, a)}) {number(int(n))}" for a, n in order.items() if n < most)
            who = join(f"{a} ({outlets.get(a, a)})" for a in leaders)
            parts.append(f"{who} {'dates' if len(leaders) == 1 else 'date'} the most events, {number(most)}"
                         + (f" {'each' if len(leaders) > 1 else ''}".rstrip() + (f"; then {rest}." if rest else ".")))
    return " ".join(parts)


def other_mentions_phrase(events: pd.DataFrame) -> str:
    """The end of the sentence that says how mentions become events: where the ones of no kind go."""
    other = len(other_mentions(events))
    if other == 0:
        return "every calendar mention fits one of the kinds"
    return f"the {counted(other, 'mention')} that {'fits' if other == 1 else 'fit'} no kind {'is' if other == 1 else 'are'} listed apart, below the events"


def unkinded_sentence(events: pd.DataFrame) -> str:
    """How many dated mentions fit no kind of event of ``data/events.yml``, and where the book lists them."""
    other = len(other_mentions(events))
    if other == 0:
        return "Every dated mention fits one of the kinds of event, so there are no other dated mentions."
    return (f"{capitalise(counted(other, 'dated mention'))} {'fits' if other == 1 else 'fit'} no kind of event of the "
            f"word list; rather than guess what {'it dates' if other == 1 else 'they date'}, the table below lists "
            f"{'it' if other == 1 else 'them'} apart, each with {'its' if other == 1 else 'their'} sentence.")


def inferred_sentence(articles) -> str:
    """How many publication dates are inferred rather than printed, as a sentence."""
    inferred = sum(a.published_status == "inferred" for a in articles)
    if inferred == len(articles):
        return f"All {number(inferred)} publication dates are inferred from what the texts say."
    if inferred == 0:
        return f"All {number(len(articles))} publication dates are printed in the texts."
    return (f"{capitalise(number(inferred))} of the {number(len(articles))} publication dates "
            f"{'is' if inferred == 1 else 'are'} inferred from what the texts say; the others are printed in them.")


def groups_named(labels: list[str]) -> str:
    """"the Swiss group", "the Swiss and German groups", "none of the groups"."""
    if not labels:
        return "none of the groups"
    return f"the {join(labels)} group{'s' if len(labels) > 1 else ''}"


# --- framing --------------------------------------------------------------------------------------------

def groups_question(groups: dict[str, str]) -> str:
    """"Swiss, German and French-derived" for the framing chapter's question."""
    return join(label for label, _ in _group_sizes(groups))


def top_frames_sentence(by_group: pd.DataFrame, groups: dict[str, str]) -> str:
    """The most frequent frame of each group, with its share and the number of sentences."""
    parts = []
    for label, n in _group_sizes(groups):
        rows = by_group[by_group.unit == label].sort_values(["share", "sentences"], ascending=False)
        if rows.empty:
            continue
        tied = [f.replace("_", " ") for f in rows.frame[rows.share == rows.share.iloc[0]]]
        frame = tied[0] if len(tied) == 1 else join(tied) + " (tied)"
        parts.append(f"{frame} in the {label} {'text' if n == 1 else 'texts'} ({rows.share.iloc[0]:.0%} of "
                     f"{int(rows.n.iloc[0])} sentences)")
    return "The most frequent frame is " + join(parts) + "."


def distinct_frames(by_group: pd.DataFrame) -> list[tuple[str, str, float]]:
    """Frames whose most salient group's bootstrap interval lies above every other group's: ``(frame, group,
    share)``, largest share first."""
    found = []
    for frame, rows in by_group.groupby("frame", sort=True):
        if len(rows) < 2:
            continue
        top = rows.sort_values("share", ascending=False).iloc[0]
        others = rows[rows.unit != top.unit]
        if (top.low > others.high).all():
            found.append((frame.replace("_", " "), top.unit, float(top.share)))
    return sorted(found, key=lambda f: -f[2])


def distinct_frames_sentence(by_group: pd.DataFrame, by_article: pd.DataFrame | None = None,
                             groups: dict[str, str] | None = None, events: dict[str, str] | None = None) -> str:
    """The frames that set a group apart; with ``by_article``, ``groups`` and ``events`` also the texts of the group
    the frame's sentences come from, and their events, since a group's difference may be one text's or one event's."""
    frames = distinct_frames(by_group)
    if not frames:
        return "The bootstrap intervals of the groups overlap for every frame: no frame sets one group apart."
    described = []
    for frame, group, share in frames:
        ids = sorted(a for a, g in (groups or {}).items() if g == group)
        one = len(ids) == 1
        text = f"{frame}, in the {group} {'text' if one else 'texts'} ({share:.0%} of {'its' if one else 'their'} sentences"
        if by_article is not None and groups and events:
            rows = by_article[(by_article.frame == frame.replace(" ", "_")) & by_article.unit.isin(ids)]
            counts = sorted(((int(r.sentences), r.unit) for r in rows.itertuples() if r.sentences > 0), reverse=True)
            total = sum(n for n, _ in counts)
            text += (", " if one else ": ") + join(f"{n} in {a}" for n, a in counts)
            if not one and counts and counts[0][0] * 2 > total:
                text += ", most of them one text's"
            covered = sorted({events[a] for _, a in counts})
            text += f", on the {join(covered, last='and the')}" if covered else ""
        described.append(text + ")")
    if len(frames) == 1:
        return f"The intervals overlap for every frame but one, which sets a group apart: {described[0]}."
    return f"The intervals overlap for most frames; {number(len(frames))} set a group apart: {'; '.join(described)}."


def frames_gap_sentence(by_article: pd.DataFrame, hand: pd.DataFrame, labels: dict[str, str]) -> str:
    """Where the dictionary's body shares and the hand coding's (``hand``: frames by hand-coded articles) differ most,
    and how often they are within five points."""
    if hand.empty:
        return "No text of this corpus is hand coded, so the dictionary's shares stand alone."
    gaps = []
    for row in by_article[by_article.unit.isin(hand.columns)].itertuples():
        gaps.append((abs(row.share - hand.loc[row.frame, row.unit]), row.frame, row.unit, row.share,
                     float(hand.loc[row.frame, row.unit])))
    close = sum(gap <= 0.05 for gap, *_ in gaps)
    gap, frame, unit, mine, theirs = max(gaps, key=lambda g: (g[0], g[1], g[2]))
    return (f"For {close} of the {len(gaps)} pairs of frame and hand-coded text the two shares are within five "
            f"percentage points; they differ most for {frame.replace('_', ' ')} in {labels.get(unit, unit)} "
            f"({mine:.0%} by the dictionary, {theirs:.0%} by hand).")


def leading_frames_sentence(profile: pd.DataFrame) -> str:
    """Which frame leads each text's body, by the dictionary and, where a text is hand coded, by hand
    (``profile`` from ``comparison.frame_profile``)."""
    leading = profile["leading body frame"].tolist()
    by_frame: dict[str, list[str]] = {}
    for text, frame in zip(profile.text, leading):
        by_frame.setdefault(frame, []).append(text)
    parts = [f"{frame} in {join(texts)}" for frame, texts in by_frame.items()]
    sentence = "By the dictionary, the frame that leads a text's body is " + join(parts, last="and") + "."
    hand = profile["leading body frame, by hand"]
    differ, narrower = [], []
    for text, frame, by_hand in zip(profile.text, leading, hand):
        mine, theirs = set(frame.split(" and ")), set(by_hand.split(" and ")) if by_hand else set()
        if theirs and not mine & theirs:
            differ.append(text)
        elif theirs and mine != theirs:
            narrower.append(text)
    if not hand.astype(bool).any():
        return sentence
    if not differ and not narrower:
        return sentence + " The hand coding agrees for every hand-coded text."
    parts = ([f"puts another frame first in {join(differ)}"] if differ else []) + \
        ([f"leads with some but not all of the same frames in {join(narrower)}"] if narrower else [])
    return sentence + " The hand coding " + join(parts, last="and") + "."


def naming_sentence(names_by_group: pd.DataFrame, groups: dict[str, str]) -> str:
    """The share of evaluative labels among the mentions of Putin and Kim, per group."""
    table = names_by_group.set_index("unit")
    parts = [f"{table.loc[label, 'evaluative share']:.0%} in the {label} {'text' if n == 1 else 'texts'}"
             for label, n in _group_sizes(groups) if label in table.index]
    return "Evaluative labels make up, of the mentions of Putin, Kim or the two together, " + join(parts) + "."


def voices_sentence(voices_by_group: pd.DataFrame, groups: dict[str, str]) -> str:
    """Who supplies each group's quotations: the share of experts, or nobody quoted."""
    parts, silent = [], []
    for label, n in _group_sizes(groups):
        rows = voices_by_group[voices_by_group.unit == label]
        total = int(rows.quotations.sum())
        owner = f"the {label} texts'" if n > 1 else f"the {label} text's"
        if total == 0:
            silent.append(f"the {label} {'texts quote' if n > 1 else 'text quotes'} nobody")
            continue
        expert = float(rows.loc[rows.speaker_type == "expert", "share of quotations"].sum())
        parts.append(f"{expert:.0%} of {owner} {counted(total, 'quotation')}")
    sentence = f"Experts supply {join(parts)}." if parts else ""
    return " ".join(filter(None, [sentence, capitalise(join(silent)) + "." if silent else ""]))


def voices_caption(voices_by_article: pd.DataFrame, article_ids: list[str]) -> str:
    """How the texts differ in whom they quote: led by experts, by the two leaders, or quoting nobody."""
    share = voices_by_article.pivot_table(index="unit", columns="speaker_type", values="share of quotations",
                                          aggfunc="sum", fill_value=0.0)
    experts = [a for a in article_ids if a in share.index and share.loc[a].get("expert", 0) >= 0.5]
    leaders = [a for a in article_ids if a in share.index and
               share.loc[a].get("Russian leadership", 0) + share.loc[a].get("North Korean leadership", 0) >= 0.5]
    silent = [a for a in article_ids if a not in share.index]
    parts = []
    if experts:
        one = len(experts) == 1
        parts.append(f"{counted(len(experts), 'text')} ({join(experts)}) take{'s' if one else ''} at least half of "
                     f"{'its' if one else 'their'} quotations from experts")
    if leaders:
        parts.append(f"{counted(len(leaders), 'text')} ({join(leaders)}) at least half from Putin, Kim and their governments")
    if silent:
        parts.append(f"{counted(len(silent), 'text')} ({join(silent)}) quote{'s' if len(silent) == 1 else ''} nobody")
    return capitalise(join(parts, last="and")) + "." if parts else "No text quotes anybody."


def keyness_sentence(terms: pd.DataFrame, speakers: list[str]) -> str:
    """How many of the groups' top terms are names of people the texts quote, and how large the largest z is."""
    surnames = {s.split()[-1].lower() for s in speakers if s not in ("unknown", "none")}
    names = terms[terms.form.str.lower().isin(surnames)]
    zmax = float(terms.z.max()) if len(terms) else 0.0
    return (f"{number(len(names)).capitalize()} of the {number(len(terms))} top terms {'is a name' if len(names) == 1 else 'are names'} "
            f"of people the texts quote; the largest z-score is {zmax:.1f}.")


def spelling_sentence(styles: pd.DataFrame, groups: dict[str, str]) -> str:
    """Whether the ß/ss spelling agrees with the country groups: a text writing "ss" for "ß" outside the groups
    whose standard does so (``spelling: ss`` in ``data/groups.yml``), or "ß" inside them."""
    ss_groups = {g.label for g in groups_for(groups.values()) if g.spelling == "ss"}
    swiss_spelling = set(styles.article_id[styles.ss_for_eszett > 0])
    eszett = set(styles.article_id[styles.eszett_words > 0])
    swiss = {a for a, g in groups.items() if g in ss_groups}
    against = sorted((swiss_spelling - swiss) | (swiss & eszett - swiss_spelling))
    spelled = len(swiss_spelling | eszett)
    if not against:
        return (f"For all {number(spelled)} texts that use a word of the list, the spelling agrees with the country "
                "group of the metadata, though it rests on a handful of words per text.")
    return (f"The spelling agrees with the country group of the metadata for {number(spelled - len(against))} of the "
            f"{number(spelled)} texts that use a word of the list; it does not for {join(against)}.")


# --- the landing page ----------------------------------------------------------------------------------

def conflicts_headline(table: pd.DataFrame) -> str:
    """One line for the key findings: how many events the texts date differently, and the widest spread."""
    if table.empty:
        return "The texts that date the same event give it the same day"
    worst = table.iloc[0]
    days = len(worst.dates.split("; "))
    zones = "time" in worst.explanation or "UTC" in worst.explanation
    return (f"The texts date {counted(len(table), 'event')} differently; the event “{worst.label}” falls on "
            f"{number(days)} different days" + (", and time zones explain part of it" if zones else ""))


def translations_phrase(articles, groups: dict[str, str]) -> str:
    """"one of them a translation", "none of them a translation", "two of them translations"."""
    translated = sum(1 for a in articles if any(g.is_translation for g in groups_for([groups[a.article_id]])))
    if translated == 0:
        return "none of them a translation"
    return f"{number(translated)} of them {'a translation' if translated == 1 else 'translations'}"


def glosses_sentence(coverage: dict[str, float]) -> str:
    """Which texts have English glosses: the landing page's promise, kept true."""
    full = [a for a, share in coverage.items() if share == 1]
    without = [a for a, share in coverage.items() if share < 1]
    if not without:
        return "every German sentence the book shows comes with an English gloss"
    if not full:
        return ("no text has English glosses yet: each German sentence is shown with what the book's extractors "
                "found in it, in English")
    return (f"every German sentence of texts {join(full)} comes with an English gloss; for "
            f"{'text' if len(without) == 1 else 'texts'} {join(without)}, each German sentence is shown with what the "
            "book's extractors found in it, in English")


def present_finding(n_vague: int, n_calendar: int) -> tuple[str, str]:
    """The heading and first sentence of the finding on how the texts use time: about the present when vague
    references outnumber calendar mentions, else about what they date."""
    if n_vague > n_calendar:
        return ("Most of the story is told in the present.",
                "Most of what these texts say is about the present; they say little about when things happened.")
    return ("The texts date much of what they report.",
            "The texts put more of what they report on the calendar than they leave vague.")


def vague_examples(timexes: pd.DataFrame) -> str:
    """The most frequent vague references to the present, past or future, quoted: "„nun“ and „jetzt“"."""
    vague = timexes[timexes.value.str.endswith("_REF")]
    if vague.empty:
        return "none"
    counts = vague.text.str.lower().value_counts()
    top = sorted(counts.index, key=lambda w: (-counts[w], w))[:2]
    return "mostly " + join(quoted(w) for w in top)


def translation_paragraph(translated: list[str], notes: pd.DataFrame, outlets: dict[str, str]) -> str:
    """The framing chapter's paragraph on translated texts: which texts, how many artefacts a reviewer noted, and
    what that means for the measures that read their wording."""
    if not translated:
        return "No text of this corpus is a translation."
    which = join(f"{a} ({outlets.get(a, a)})" for a in translated)
    noted = notes[notes.article_id.isin(translated)]
    sentence = (f"{capitalise(counted(len(translated), 'text'))} of the corpus {'is a translation' if len(translated) == 1 else 'are translations'}: "
                f"{which}. ")
    if noted.empty:
        return sentence + "No reviewer has yet noted translation artefacts in it."
    from ..compare.translation import kinds_phrase

    sentence += (f"A translator who read {'it' if len(translated) == 1 else 'them'} for us noted "
                 f"{counted(len(noted), 'place')} where the German shows its source through ({kinds_phrase(noted)}). "
                 "A translated text's wording is the translator's as much as the author's: calques such as these make "
                 "it read stiffer, change which words are distinctive, and can turn a figure of speech into a claim. "
                 "Where this chapter compares wording, the text's numbers carry that caution. The notes:")
    return sentence


def sourcing_sentence(table: pd.DataFrame) -> str:
    """How much of its body each text attributes to a source, from ``sourcing.sources_table``."""
    rows = table.dropna(subset=["attributed share"]).sort_values("attributed share")
    if rows.empty:
        return ""
    low, high = rows.iloc[0], rows.iloc[-1]
    return (f"The share of body sentences a text attributes to a source (a quotation, a named or unnamed source, "
            f"someone's view) runs from {low['attributed share']:.0%} in {low.text.split()[0]} to "
            f"{high['attributed share']:.0%} in {high.text.split()[0]}; the rest the texts state in their own voice.")


def echo_sentence(echoes: pd.DataFrame) -> str:
    """Sentences whose words echo the title of an article in the text's source list."""
    if echoes.empty:
        return "No sentence echoes the title of an article a text lists among its sources."
    parts = [f"{e.sentence_id} shares {e.shared} with the listed „{e.source}“"
             + (f" ({phrase_gloss(e.source)})" if phrase_gloss(e.source) else "") for e in echoes.itertuples()]
    return ("Some wording that stands without quotation marks echoes the title of an article the text lists among "
            f"its sources: {join(parts, last='and')}. Such words may be borrowed rather than the text's own.")


def china_paragraph(profile: pd.DataFrame, by_article: pd.DataFrame, claims_matrix: pd.DataFrame, *,
                    share: float = 0.15) -> str:
    """The China frame, which the framing chapter's opening question asks about: which texts it leads, which of the
    claims about China (``china``: unease; ``dependence_china``) each of them carries, and which other texts give
    China ``share`` or more of their body sentences."""
    leads = [text for text, frame in zip(profile.text, profile["leading body frame"]) if "china" in frame.split(" and ")]
    china = by_article[by_article.frame == "china"].set_index("unit").share
    if not leads:
        top = china.idxmax() if len(china) else None
        return ("No text leads with the China frame, which the opening question asks about"
                + (f"; its largest share is {china.max():.0%}, in {top}." if top is not None else "."))
    matrix = claims_matrix.set_index("claim_id")
    names = {"china": "that China is uneasy about the alliance", "dependence_china": "that Russia and North Korea depend on China"}
    by_claims: dict[tuple, list[str]] = {}
    for text in leads:
        article = text.split()[0]
        which = tuple(names[c] for c in names if c in matrix.index and article in matrix.columns and matrix.loc[c, article] > 0)
        by_claims.setdefault(which, []).append(text)
    carried = []
    for which, texts in by_claims.items():
        verb = "carries" if len(texts) == 1 else "carry"
        carried.append(f"{join(texts)} {verb} the claim {join(which, last='and the claim')}" if which else
                       f"{join(texts)} {verb} neither claim about China the matcher looks for")
    others = [a for a in china.index if a not in {t.split()[0] for t in leads} and china[a] >= share]
    tail = (f" Among the other texts, {join(others)} also {'gives' if len(others) == 1 else 'give'} China {share:.0%} or "
            "more of their body sentences." if others else
            f" The texts that lead with another frame give China less than {share:.0%} of their body sentences.")
    return (f"The China frame, which the opening question asks about, leads the body of {join(leads)}. "
            + "; ".join(carried) + " (by the claim matcher, which the claims section below measures)." + tail)
