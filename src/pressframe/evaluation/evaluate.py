"""Measure the extractors against annotations we made ourselves (``tests/gold/``), blind to their output.

Every score is computed by matching records as multisets: a predicted record counts as correct
when an unmatched gold record has the same key. Keys are documented with each function.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import pandas as pd
import yaml

from ..base.paths import repo_root

SCORE_COLUMNS = ("task", "gold", "predicted", "correct", "precision", "recall", "f1")
SENTENCE_KEY = 40


@lru_cache(maxsize=None)
def load_gold(name: str) -> dict:
    """The gold annotation file ``tests/gold/<name>.yml``."""
    return yaml.safe_load((repo_root() / "tests" / "gold" / f"{name}.yml").read_text(encoding="utf-8"))


def seed_ids() -> list[str]:
    """The texts our hand annotation of quotations, designations and timexes covers (the seed texts): the scores
    "on the seed texts" are computed over these alone, whatever else the corpus holds."""
    ids = {str(g["article"]) for g in load_gold("quotes")["quotes"]}
    ids |= {str(g["article"]) for g in load_gold("designations")["mentions"]}
    ids |= {str(g["article_id"]) for g in load_gold("timexes")["timexes"]}
    return sorted(ids)


def score(task: str, gold: list, predicted: list) -> dict:
    """Precision, recall and F1 of ``predicted`` keys against ``gold`` keys, matched as multisets."""
    correct = sum((Counter(gold) & Counter(predicted)).values())
    precision = correct / len(predicted) if predicted else 1.0
    recall = correct / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"task": task, "gold": len(gold), "predicted": len(predicted), "correct": correct,
            "precision": precision, "recall": recall, "f1": f1}


def evaluate_quotes(found: pd.DataFrame, gold: list[dict]) -> pd.DataFrame:
    """Scores of pressframe.extract.quotes against gold quote records.

    - spans: (article, quoted text) of every quoted span, quotation or scare quote;
    - quotations / scare quotes: the same, of one kind (so a span of the wrong kind counts against both);
    - speaker: (article, quoted text, speaker) over quotations, the end-to-end attribution score;
    - speaker type: (article, quoted text, speaker type) over quotations;
    - cue: (article, quoted text, cue) over quotations.

    These gold sets (the five texts, the constructed, held-out and fresh cases) were annotated before
    quotations had three kinds: there a span of three or more words is a ``quote`` and a shorter one a
    ``scare`` quote, whoever said it. The extractor's kinds are read the same way here (``old_kind``), so
    the figures keep measuring what they measured; the three kinds are scored on the real articles.
    """
    pred = found.assign(article=found.article_id, kind=found.quote.map(old_kind))
    rows = [score("quoted spans", [(g["article"], g["quote"]) for g in gold],
                  [(p.article, p.quote) for p in pred.itertuples()])]
    for kind, label in (("quote", "quotations"), ("scare", "scare quotes")):
        rows.append(score(label, [(g["article"], g["quote"]) for g in gold if g["kind"] == kind],
                          [(p.article, p.quote) for p in pred.itertuples() if p.kind == kind]))
    quotes_gold = [g for g in gold if g["kind"] == "quote"]
    quotes_pred = pred[pred.kind == "quote"]
    for field, label in (("speaker", "speaker"), ("speaker_type", "speaker type"), ("cue", "cue")):
        rows.append(score(f"{label} of quotations", [(g["article"], g["quote"], g[field]) for g in quotes_gold],
                          [(p.article, p.quote, getattr(p, field)) for p in quotes_pred.itertuples()]))
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def old_kind(quote: str) -> str:
    """The kind a quoted span had in the two-kind scheme of the older gold sets: ``quote`` from three
    whitespace-separated words on, else ``scare``."""
    return "quote" if len(quote.split()) >= 3 else "scare"


def quote_disagreements(found: pd.DataFrame, gold: list[dict]) -> pd.DataFrame:
    """Quotations where extractor and annotation differ in kind, speaker or presence (for the methods appendix;
    kinds of the two-kind scheme, see ``evaluate_quotes``)."""
    found = found.assign(kind=found.quote.map(old_kind))
    pred = {(p.article_id, p.quote): p for p in found.itertuples()}
    rows = []
    for g in gold:
        p = pred.pop((g["article"], g["quote"]), None)
        if p is None:
            rows.append((g["article"], g["quote"], f"{g['kind']}: {g['speaker']}", "missed"))
        elif (p.kind, p.speaker) != (g["kind"], g["speaker"]) and not (g["kind"] == p.kind == "scare"):
            rows.append((g["article"], g["quote"], f"{g['kind']}: {g['speaker']}", f"{p.kind}: {p.speaker}"))
    rows += [(a, q, "not annotated", f"{p.kind}: {p.speaker}") for (a, q), p in pred.items()]
    return pd.DataFrame(rows, columns=["article", "quoted", "annotation", "extractor"])


def evaluate_designations(mentions: pd.DataFrame, sentences: pd.DataFrame, gold: list[dict]) -> pd.DataFrame:
    """Scores of pressframe.extract.designations against gold mentions.

    A mention's key is (article, line of its sentence, actor[, designation]): the annotators marked
    whole noun phrases ("der russische Präsident"), the gazetteer its head. The annotators located a
    mention by the first 40 characters of its sentence; that sentence's line is the one whose kept
    sentence starts so (or, where cleaning cut a kicker off the headline, starts the line so). Gold
    records without ``sentence_start`` (the constructed cases) are matched per article instead.
    """
    line = dict(zip(sentences.sentence_id, sentences.line_no))
    located = all("sentence_start" in g for g in gold)
    pred = [(m.article_id, line[m.sentence_id] if located else 0, m.actor, m.designation) for m in mentions.itertuples()]
    gold_keys = [(g["article"], _line_of(sentences, g["article"], g["sentence_start"]) if located else 0, g["actor"],
                  g["designation"]) for g in gold]
    rows = [score("mentions (actor)", [k[:3] for k in gold_keys], [k[:3] for k in pred]),
            score("mentions (actor and designation)", gold_keys, pred)]
    for actor in ("Putin", "Kim", "both"):
        rows.append(score(f"mentions of {actor}", [k for k in gold_keys if k[2] == actor], [k for k in pred if k[2] == actor]))
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def _line_of(sentences: pd.DataFrame, article_id: str, start: str) -> int:
    """The line of the kept sentence of ``article_id`` that begins with ``start`` (its first 40 characters),
    or of one that begins that text where cleaning split it (a kicker cut off its headline); 0 if none."""
    key = start[:SENTENCE_KEY]
    texts = sentences[sentences.article_id == article_id]
    for text, line in zip(texts.text, texts.line_no):
        if text[:SENTENCE_KEY] == key:
            return int(line)
    for text, line in zip(texts.text, texts.line_no):
        if key.startswith(text.strip()):
            return int(line)
    return 0


def designation_disagreements(mentions: pd.DataFrame, sentences: pd.DataFrame, gold: list[dict]) -> pd.DataFrame:
    """Designations counted differently by extractor and annotation, per article and label."""
    pred = Counter((m.article_id, m.actor, m.designation) for m in mentions.itertuples())
    want = Counter((g["article"], g["actor"], g["designation"]) for g in gold)
    rows = [(a, actor, label, want[(a, actor, label)], pred[(a, actor, label)])
            for (a, actor, label) in sorted(set(pred) | set(want)) if pred[(a, actor, label)] != want[(a, actor, label)]]
    return pd.DataFrame(rows, columns=["article", "actor", "designation", "annotated", "found"])


def case_set(name: str) -> tuple[pd.DataFrame, list[dict], list[dict]]:
    """A set of constructed cases (``tests/gold/<name>.yml``: ``constructed`` or ``heldout``) as a sentences
    table (one article per case, one line per paragraph, part "body"), with its gold quotes and mentions
    keyed by case id."""
    from ..corpus.text import sentences_from_paragraphs

    frames, quotes, mentions = [], [], []
    for case in load_gold(name)["cases"]:
        frames.append(sentences_from_paragraphs(case["id"], case["paragraphs"]))
        quotes += [{**q, "article": case["id"]} for q in case.get("quotes") or []]
        mentions += [{**m, "article": case["id"]} for m in case.get("mentions") or []]
    return pd.concat(frames, ignore_index=True), quotes, mentions


def case_scores(name: str) -> pd.DataFrame:
    """Scores of the quote and designation extractors on a case set: column ``extractor`` then ``SCORE_COLUMNS``."""
    from ..extract.designations import find_mentions
    from ..extract.quotes import find_quotes

    sentences, quotes, mentions = case_set(name)
    return pd.concat([evaluate_quotes(find_quotes(sentences), quotes).assign(extractor="quotes"),
                      evaluate_designations(find_mentions(sentences), sentences, mentions).assign(extractor="designations")],
                     ignore_index=True)[["extractor", *SCORE_COLUMNS]]


def first_run(name: str) -> pd.DataFrame:
    """The scores recorded the first time the extractors met a case set (``tests/gold/<name>_first_run.csv``); frames
    by their names, as ``evaluate_frames`` gives them ("human interest")."""
    table = pd.read_csv(repo_root() / "tests" / "gold" / f"{name}_first_run.csv")
    if "frame" in table:
        table["frame"] = table.frame.str.replace("_", " ")
    return table


def evaluate_summaries(sentences: pd.DataFrame, *, k: int) -> pd.DataFrame:
    """ROUGE F1 of TextRank and of lead-k against each article's own summary (standfirst, key points).

    One row per article that has such a summary and per system; articles without one are left out.
    """
    from ..extract.summary import lead, references, textrank
    from .rouge import rouge

    ranked, first = textrank(sentences, k=k), lead(sentences, k=k)
    rows = []
    for article_id, reference in references(sentences).items():
        for system, chosen in (("TextRank", ranked), (f"lead-{k}", first)):
            text = " ".join(chosen[chosen.article_id == article_id].text)
            scores = rouge(text, reference).set_index("metric").f1
            rows.append({"article": article_id, "summary": system, **scores.to_dict()})
    return pd.DataFrame(rows, columns=["article", "summary", "ROUGE-1", "ROUGE-2", "ROUGE-L"])


def score_facts(scores: pd.DataFrame, prefix: str) -> dict[str, float]:
    """``{<prefix>_<task slug>_<measure>: value}`` for glueing a scores table's figures into prose: precision, recall,
    f1, the gold count, and the items ``missed`` (annotated, not found) and ``extra`` (found, not annotated)."""
    facts = {}
    for row in scores.itertuples():
        slug = "_".join(row.task.replace("(", "").replace(")", "").split())
        for measure in ("precision", "recall", "f1"):
            facts[f"{prefix}_{slug}_{measure}"] = float(getattr(row, measure))
        facts[f"{prefix}_{slug}_gold"] = int(row.gold)
        facts[f"{prefix}_{slug}_missed"] = int(row.gold - row.correct)
        facts[f"{prefix}_{slug}_extra"] = int(row.predicted - row.correct)
    return facts


def summary_facts(scores: pd.DataFrame) -> dict[str, object]:
    """How TextRank fares against lead-k in a table from ``evaluate_summaries``."""
    wide = scores.pivot(index="article", columns="summary", values="ROUGE-1")
    lead_name = next(c for c in wide.columns if c != "TextRank")
    means = scores.groupby("summary")[["ROUGE-1", "ROUGE-2", "ROUGE-L"]].mean()
    return {
        "n_with_reference": len(wide),
        "n_textrank_wins_r1": int((wide["TextRank"] > wide[lead_name]).sum()),
        "lead_name": lead_name,
        "textrank_mean_r1": float(means.loc["TextRank", "ROUGE-1"]),
        "lead_mean_r1": float(means.loc[lead_name, "ROUGE-1"]),
        "textrank_mean_r2": float(means.loc["TextRank", "ROUGE-2"]),
        "lead_mean_r2": float(means.loc[lead_name, "ROUGE-2"]),
        "textrank_mean_rl": float(means.loc["TextRank", "ROUGE-L"]),
        "lead_mean_rl": float(means.loc[lead_name, "ROUGE-L"]),
    }


def compare_runs(name: str, extractor: str) -> pd.DataFrame:
    """Precision, recall and F1 of one extractor on a case set, at its first run and now, side by side."""
    then = first_run(name)
    then = then[then.extractor == extractor].set_index("task")
    now = case_scores(name)
    now = now[now.extractor == extractor].set_index("task")
    table = pd.DataFrame({"gold": now.gold,
                          "F1 first run": then.f1.reindex(now.index),
                          "precision now": now.precision, "recall now": now.recall, "F1 now": now.f1})
    return table.rename_axis("task").reset_index()


def run_facts(table: pd.DataFrame, prefix: str) -> dict[str, float]:
    """``{<prefix>_<task slug>_first|now: F1}`` from a ``compare_runs`` table, for glueing."""
    facts = {}
    for _, row in table.iterrows():
        slug = "_".join(row["task"].replace("(", "").replace(")", "").split())
        facts[f"{prefix}_{slug}_first"] = float(row["F1 first run"])
        facts[f"{prefix}_{slug}_now"] = float(row["F1 now"])
    return facts


TIMEX_SCORE_COLUMNS = ("measure", "gold", "predicted", "correct", "precision", "recall", "f1")


def _timex_scores(gold: list[tuple], found: list[tuple]) -> pd.DataFrame:
    """Strict and relaxed extent scores and value accuracy over ``(unit, start, end, value)`` records.

    Strict: same unit (article line or case), same start and end. Relaxed: same unit and overlapping
    extents, each gold record matched at most once. Value accuracy: among the relaxed matches, the
    share whose value equals the gold value (HeidelTime's "value" measure); its ``recall`` is the
    share of all gold records found with the right value.
    """
    strict = score("extent (strict)", [g[:3] for g in gold], [f[:3] for f in found])
    free = list(gold)
    pairs = []
    for f in found:
        match = next((g for g in free if g[0] == f[0] and g[1] < f[2] and f[1] < g[2]), None)
        if match is not None:
            free.remove(match)
            pairs.append((match, f))
    relaxed = dict(strict, measure="extent (relaxed)", correct=len(pairs))
    relaxed["precision"] = len(pairs) / len(found) if found else 1.0
    relaxed["recall"] = len(pairs) / len(gold) if gold else 1.0
    p, r = relaxed["precision"], relaxed["recall"]
    relaxed["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    right = sum(1 for g, f in pairs if g[3] == f[3])
    value = {"measure": "value", "gold": len(gold), "predicted": len(pairs), "correct": right,
             "precision": right / len(pairs) if pairs else 1.0, "recall": right / len(gold) if gold else 1.0}
    value["f1"] = value["precision"]
    strict["measure"] = strict.pop("task")
    return pd.DataFrame([strict, relaxed, value], columns=list(TIMEX_SCORE_COLUMNS))


def seed_timex_records(articles, sentences: pd.DataFrame, timexes: pd.DataFrame) -> tuple[list, list, int]:
    """Gold (``tests/gold/timexes.yml``) and found timexes of the five texts as ``(unit, start, end, value)``
    with line offsets; gold records outside the kept sentences (site chrome, source lines) are left out and
    counted: the tagger only reads what the analysis keeps."""
    lines = {(a.article_id, n): line for a in articles for n, line in enumerate(a.lines, start=1)}
    kept = {}
    for s in sentences.itertuples():
        kept.setdefault((s.article_id, s.line_no), []).append((s.char_start, s.char_end))
    gold, outside = [], 0
    for g in load_gold("timexes")["timexes"]:
        line = lines[(g["article_id"], g["line"])]
        start = -1
        for _ in range(g.get("occurrence", 1)):
            start = line.index(g["text"], start + 1)
        end = start + len(g["text"])
        unit = (g["article_id"], g["line"])
        if any(a <= start and end <= b for a, b in kept.get(unit, [])):
            gold.append((unit, start, end, str(g["value"])))
        else:
            outside += 1
    where = sentences.set_index("sentence_id")[["line_no", "char_start"]]
    found = [((t.article_id, int(where.line_no[t.sentence_id])), int(where.char_start[t.sentence_id]) + t.start,
              int(where.char_start[t.sentence_id]) + t.end, t.value) for t in timexes.itertuples()]
    return gold, found, outside


def evaluate_timexes(articles, sentences: pd.DataFrame, timexes: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Scores of pressframe.extract.timex on the five texts, and how many gold expressions lie outside the kept text."""
    gold, found, outside = seed_timex_records(articles, sentences, timexes)
    return _timex_scores(gold, found), outside


def timex_case_scores(name: str = "timex_cases") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scores of pressframe.extract.timex on constructed sentences (``tests/gold/<name>.yml``), and the disagreements.

    Each case is one sentence with a publication date and its expected expressions (text, value); a
    near-miss case expects none.
    """
    from datetime import date as _date

    from ..extract.timex import find_timexes

    gold, found, rows = [], [], []
    for case in load_gold(name)["cases"]:
        sentence = pd.DataFrame({"article_id": [case["id"]], "sentence_id": [case["id"]], "text": [case["text"]]})
        got = find_timexes(sentence, published=_date.fromisoformat(str(case["published"])))
        expected = []
        position = 0
        for e in case.get("timexes") or []:
            start = case["text"].index(e["text"], position)
            expected.append((case["id"], start, start + len(e["text"]), str(e["value"])))
            position = start + 1
        predicted = [(case["id"], t.start, t.end, t.value) for t in got.itertuples()]
        gold += expected
        found += predicted
        if sorted(expected) != sorted(predicted):
            rows.append({"case": case["id"], "text": case["text"],
                         "annotation": "; ".join(f"{case['text'][a:b]} = {v}" for _, a, b, v in expected) or "none",
                         "tagger": "; ".join(f"{case['text'][a:b]} = {v}" for _, a, b, v in predicted) or "none"})
    return _timex_scores(gold, found), pd.DataFrame(rows, columns=["case", "text", "annotation", "tagger"])


def cohen_kappa(a: list[bool], b: list[bool]) -> float:
    """Cohen's kappa of two binary codings of the same items; undefined (NaN) when both codings are constant, since
    then there is no agreement beyond chance to measure (a frame neither coder nor dictionary gave any item)."""
    n = len(a)
    if n == 0:
        return float("nan")
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return float("nan") if expected == 1 else (observed - expected) / (1 - expected)


def load_frame_coding(name: str = "frames") -> pd.DataFrame:
    """Our hand coding (``tests/gold/<name>.csv``): sentences by frames, True where the coder saw the frame."""
    from ..extract.frames import frame_names

    coded = pd.read_csv(repo_root() / "tests" / "gold" / f"{name}.csv", dtype=str, keep_default_na=False)
    frames = frame_names()
    table = pd.DataFrame(False, index=pd.Index(coded.sentence_id, name="sentence_id"), columns=frames)
    for row in coded.itertuples():
        for frame in filter(None, (f.strip() for f in row.frames.split(";"))):
            if frame not in frames:
                raise ValueError(f"tests/gold/{name}.csv: sentence {row.sentence_id}: unknown frame '{frame}'")
            table.loc[row.sentence_id, frame] = True
    return table


def evaluate_frames(present: pd.DataFrame, coded: pd.DataFrame) -> pd.DataFrame:
    """Agreement of the dictionary (``present``, from pressframe.extract.frames.presence) with the hand coding, per frame:
    sentences coded, sentences the dictionary marks, both, Cohen's kappa, and the dictionary's precision and
    recall against the coding. Only sentences in both tables count."""
    common = coded.index.intersection(present.index)
    rows = []
    for frame in coded.columns:
        gold, found = coded.loc[common, frame].tolist(), present.loc[common, frame].tolist()
        both = sum(g and f for g, f in zip(gold, found))
        rows.append({"frame": frame.replace("_", " "), "coded": sum(gold), "dictionary": sum(found), "both": both,
                     "kappa": cohen_kappa(gold, found),
                     "precision": both / sum(found) if sum(found) else float("nan"),
                     "recall": both / sum(gold) if sum(gold) else float("nan")})
    return pd.DataFrame(rows)


def compare_timex_runs(name: str) -> pd.DataFrame:
    """The tagger's scores on a case set at its first run (``tests/gold/<name>_first_run.csv``) and now."""
    first = first_run(name)
    now, _ = timex_case_scores(name)
    return pd.DataFrame({"measure": now.measure, "gold": now.gold, "F1 first run": first.f1,
                         "precision now": now.precision, "recall now": now.recall, "F1 now": now.f1})


def kappa_facts(agreement: pd.DataFrame, prefix: str) -> dict[str, object]:
    """Mean and lowest kappa, and the frame with the lowest, from an ``evaluate_frames`` table, for glueing; a frame
    without a kappa (neither coding marks it) is left out."""
    lowest = agreement.set_index("frame").kappa
    return {f"{prefix}_kappa_mean": float(lowest.mean()), f"{prefix}_kappa_min": float(lowest.min()),
            f"{prefix}_kappa_min_frame": lowest.idxmin().replace("_", " ")}


def load_claim_coding(name: str = "claims") -> list[dict]:
    """The blind coding of which claims each seed text carries (``tests/gold/<name>.yml``): one dict per claim with
    ``id``, ``claim``, ``predefined`` and ``texts`` (article id: body and display sentence ids)."""
    return load_gold(name)["claims"]


def claims_inventory(coding: list[dict]) -> pd.DataFrame:
    """Per coded claim: its id, the claim, whether the claims file defines it, and how many texts carry it in
    their body."""
    rows = [{"claim_id": c["id"], "claim": c["claim"], "predefined": bool(c.get("predefined")),
             "texts": sum(1 for sides in (c.get("texts") or {}).values() if (sides or {}).get("body"))}
            for c in coding]
    return pd.DataFrame(rows)


def evaluate_claims(found: pd.DataFrame, coding: list[dict]) -> pd.DataFrame:
    """The claims matcher (``found``, from pressframe.extract.claims.find_claims) against the blind coding, per predefined claim
    (its id and wording) and in all: texts that carry the claim (coded, matched, both) and body sentences (coded, matched, both), with
    precision and recall of each, the coding as the reference. Only texts the coding covers count."""
    coded_texts = sorted({a for c in coding for a in (c.get("texts") or {})})
    found = found[found.article_id.isin(coded_texts)]
    rows, totals = [], Counter()
    for claim in (c for c in coding if c.get("predefined")):
        texts = {a for a, sides in (claim.get("texts") or {}).items() if (sides or {}).get("body")}
        sentences = {s for sides in (claim.get("texts") or {}).values() for s in (sides or {}).get("body", [])}
        mine = found[found.claim_id == claim["id"]]
        counts = {"texts coded": len(texts), "texts matched": mine.article_id.nunique(),
                  "texts both": len(texts & set(mine.article_id)), "sentences coded": len(sentences),
                  "sentences matched": len(mine), "sentences both": len(sentences & set(mine.sentence_id))}
        totals.update(counts)
        rows.append({"claim_id": claim["id"], "claim": claim["claim"], **counts})
    rows.append({"claim_id": "all", "claim": "all claims the matcher looks for",
                 **{k: totals[k] for k in rows[0] if k not in ("claim_id", "claim")}} if rows else {"claim_id": "all"})
    table = pd.DataFrame(rows)
    for unit in ("texts", "sentences"):
        both = table[f"{unit} both"]
        table[f"{unit} precision"] = both / table[f"{unit} matched"].where(table[f"{unit} matched"] > 0)
        table[f"{unit} recall"] = both / table[f"{unit} coded"].where(table[f"{unit} coded"] > 0)
    return table


def claims_facts(found: pd.DataFrame, coding: list[dict]) -> dict[str, object]:
    """What the chapters say about the claims matcher against the blind coding, for glueing."""
    inventory = claims_inventory(coding)
    scores = evaluate_claims(found, coding).set_index("claim_id").loc["all"]
    return {"n_coded_claims_shared": int((inventory.texts >= 2).sum()),
            "n_coded_claims_predefined": int(inventory.predefined.sum()),
            "n_coded_texts": len({a for c in coding for a in (c.get("texts") or {})}),
            "claims_pairs_coded": int(scores["texts coded"]), "claims_pairs_both": int(scores["texts both"]),
            "claims_text_recall": float(scores["texts recall"]), "claims_text_precision": float(scores["texts precision"]),
            "claims_sentence_recall": float(scores["sentences recall"]),
            "claims_sentence_precision": float(scores["sentences precision"])}
