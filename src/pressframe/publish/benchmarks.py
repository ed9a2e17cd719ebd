"""The benchmark's figures (``benchmarks/results.csv`` and ``machine.json``, written by ``make bench``) for a page to show.

``benchmarks/README.md`` documents the columns. The targets are those the project set itself: the
corpus 1000 times the seeds through the analysis core in under a minute and 4 GiB, and time growing
linearly (a scaling exponent of at most 1.1 between the two largest sizes).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..base.paths import repo_root

RESULT_COLUMNS = ("benchmark", "kind", "size", "articles", "runs", "median_s", "min_s", "max_s", "tokens",
                  "tokens_per_s", "peak_mib", "exponent", "ratio", "note")
KINDS = ("core", "stage", "baseline", "build")
TIME_LIMIT_S = 60.0
MEMORY_LIMIT_MIB = 4096.0
MAX_EXPONENT = 1.1
_NUMBERS = ("size", "articles", "runs", "median_s", "min_s", "max_s", "tokens", "tokens_per_s", "peak_mib",
            "exponent", "ratio")


class ResultsError(ValueError):
    """A results file that cannot be read as the benchmark writes it; the message names the file and what is wrong."""


def results_dir() -> Path:
    """Where ``make bench`` writes: ``<repository>/benchmarks``."""
    return repo_root() / "benchmarks"


def load_results(path: Path | str | None = None) -> pd.DataFrame:
    """The rows of ``results.csv`` (default: the repository's), numeric columns as numbers (NaN where empty)."""
    path = Path(path) if path is not None else results_dir() / "results.csv"
    if not path.is_file():
        raise ResultsError(f"{path}: no benchmark results; run `make bench`")
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in RESULT_COLUMNS if c not in table.columns]
    if missing:
        raise ResultsError(f"{path}: missing column(s): {', '.join(missing)}")
    unknown = sorted(set(table.kind) - set(KINDS))
    if unknown:
        raise ResultsError(f"{path}: unknown kind(s): {', '.join(unknown)} (expected one of: {', '.join(KINDS)})")
    for column in _NUMBERS:
        table[column] = pd.to_numeric(table[column].replace("", None), errors="raise").astype(float)
    return table[list(RESULT_COLUMNS)]


def load_machine(path: Path | str | None = None) -> dict[str, object]:
    """The machine the results were measured on (``machine.json``): cpu, cores, memory_gib, python, os, commit, date."""
    path = Path(path) if path is not None else results_dir() / "machine.json"
    return json.loads(path.read_text(encoding="utf-8"))


def scaling_table(results: pd.DataFrame) -> pd.DataFrame:
    """One row per corpus size: the core's time, throughput, memory and exponent, and how long the regex
    floor and spaCy take as a share of it (``floor_ratio``, ``spacy_ratio``)."""
    core = results[results.kind == "core"].sort_values("size")
    table = core[["size", "articles", "tokens", "median_s", "min_s", "max_s", "tokens_per_s", "peak_mib",
                  "exponent"]].reset_index(drop=True)
    for name in ("floor", "spacy"):
        ratios = results[(results.kind == "baseline") & (results.benchmark == name)].set_index("size").ratio
        table[f"{name}_ratio"] = table["size"].map(ratios)
    return table


def stage_table(results: pd.DataFrame, size: float) -> pd.DataFrame:
    """The core's stages at one size: stage, median seconds and share of the core's time, slowest first."""
    stages = results[(results.kind == "stage") & (results["size"] == size)]
    return (pd.DataFrame({"stage": stages.benchmark.str.removeprefix("core:"), "median_s": stages.median_s,
                          "share": stages.ratio})
            .sort_values(["median_s", "stage"], ascending=[False, True]).reset_index(drop=True))


def summary_facts(results: pd.DataFrame) -> dict[str, object]:
    """The numbers a page states: the largest size's time, throughput and memory, the exponent between the
    two largest sizes, the floor and spaCy ratios there, and whether each target is met."""
    table = scaling_table(results)
    if table.empty:
        raise ResultsError("no 'core' rows in the results")
    largest = table.iloc[-1]
    facts = {
        "largest_size": int(largest["size"]),
        "largest_articles": int(largest.articles),
        "largest_tokens": int(largest.tokens),
        "largest_seconds": float(largest.median_s),
        "largest_tokens_per_s": float(largest.tokens_per_s),
        "largest_peak_mib": float(largest.peak_mib),
        "last_exponent": float(largest.exponent) if len(table) > 1 else float("nan"),
        "max_exponent": float(table.exponent.max()) if len(table) > 1 else float("nan"),
        "floor_ratio": float(largest.floor_ratio),
        "spacy_ratio": float(largest.spacy_ratio),
    }
    facts["meets_time"] = facts["largest_seconds"] < TIME_LIMIT_S
    facts["meets_memory"] = facts["largest_peak_mib"] < MEMORY_LIMIT_MIB
    facts["meets_exponent"] = bool(facts["last_exponent"] <= MAX_EXPONENT)
    builds = results[results.kind == "build"]
    facts["build_seconds"] = {b.removeprefix("build:"): float(s) for b, s in zip(builds.benchmark, builds.median_s)
                              if s == s}
    return facts


BUILD_TARGETS_S = {"setup": None, "html_clean": 60.0, "html_nochange": 10.0, "pdf": 60.0, "html_one_article": None,
                   "test": 300.0}
"""The targets for the build steps, in seconds (None: no time target; the one-article rebuild is judged by
what it re-executes, which its note lists)."""

BUILD_STEP_NAMES = {"setup": "set-up from nothing", "html_clean": "clean HTML build, every chapter executed",
                    "html_nochange": "rebuild, nothing changed", "pdf": "PDF edition",
                    "html_one_article": "rebuild after one text changed", "test": "the test command"}


def build_table(results: pd.DataFrame) -> pd.DataFrame:
    """The build steps in the order a maintainer meets them: step, runs, median, min and max seconds, target, met."""
    builds = results[results.kind == "build"].assign(step=lambda t: t.benchmark.str.removeprefix("build:"))
    order = {name: i for i, name in enumerate(BUILD_STEP_NAMES)}
    builds = builds[builds.step.isin(order)].sort_values("step", key=lambda s: s.map(order))
    rows = []
    for b in builds.itertuples():
        target = BUILD_TARGETS_S.get(b.step)
        measured = b.median_s == b.median_s
        rows.append({"step": BUILD_STEP_NAMES[b.step], "runs": int(b.runs) if measured else 0,
                     "median_s": b.median_s, "min_s": b.min_s, "max_s": b.max_s,
                     "target": f"< {target:.0f} s" if target else "",
                     "met": ("yes" if b.median_s < target else "no") if (target and measured) else ""})
    return pd.DataFrame(rows, columns=["step", "runs", "median_s", "min_s", "max_s", "target", "met"]).rename(
        columns={"median_s": "median s", "min_s": "min s", "max_s": "max s"})


def one_article_rebuild(results: pd.DataFrame) -> list[str]:
    """The chapters the one-article rebuild re-executed, as its note lists them ([] if it was not measured)."""
    notes = results[results.benchmark == "build:html_one_article"].note
    if notes.empty or "re-executed:" not in notes.iloc[0]:
        return []
    return [name.strip() for name in notes.iloc[0].split("re-executed:", 1)[1].split(";")[0].split(",") if name.strip()]


def scaling_display(results: pd.DataFrame) -> pd.DataFrame:
    """:func:`scaling_table` for reading: whole numbers with thousands separators, seconds to two places."""
    table = scaling_table(results)
    def number(x, fmt):
        return "" if x != x else format(x, fmt)
    return pd.DataFrame({
        "size (× seeds)": [number(x, ",.0f") for x in table["size"]],
        "articles": [number(x, ",.0f") for x in table.articles],
        "tokens": [number(x, ",.0f") for x in table.tokens],
        "seconds (min–max)": [f"{m:.2f} ({lo:.2f}–{hi:.2f})" for m, lo, hi in zip(table.median_s, table.min_s, table.max_s)],
        "tokens per second": [number(x, ",.0f") for x in table.tokens_per_s],
        "peak MiB": [number(x, ",.0f") for x in table.peak_mib],
        "exponent": [number(x, ".2f") for x in table.exponent],
        "regex floor ÷ analysis": [number(x, ".3f") for x in table.floor_ratio],
        "spaCy ÷ analysis": [number(x, ".3f") for x in table.spacy_ratio],
    })
