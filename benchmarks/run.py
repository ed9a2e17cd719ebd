"""Benchmark the analysis core over synthetic corpora 1x, 10x, 100x and 1000x the seeds, and the build.

Run it as ``make bench`` (see benchmarks/README.md for what each column of results.csv means).
Every measurement runs in a fresh child process (``run.py --child KIND CORPUS``) so that its peak
resident memory is its own and no cache carries over from one run to the next; the parent collects
the runs, takes median, min and max, and writes ``results.csv`` and ``machine.json`` beside this file.

Inside a child the clock runs from reading the corpus folder to the last table; interpreter
start-up and imports are outside it, as is writing the synthetic corpus.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FACTORS = (1, 10, 100, 1000)
CORE_STAGES = ("load", "clean", "sentences", "tokens", "timexes", "quotes", "designations", "frames", "claims")
COLUMNS = ("benchmark", "kind", "size", "articles", "runs", "median_s", "min_s", "max_s", "tokens", "tokens_per_s",
           "peak_mib", "exponent", "ratio", "note")
FLOOR_PATTERN = r"\w+|[^\w\s]"


# --- children: one measurement each, printed as one JSON line ---------------------------------------------------

def _peak_mib() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_core(corpus: Path) -> dict:
    """The analysis core as the book's tables compute it: corpus -> pieces -> sentences -> tokens and stems ->
    timexes, quotes, designations, frames, claims."""
    from pressframe.compare.analysis import Analysis, frames_of, timexes_of
    from pressframe.corpus.clean import clean_corpus
    from pressframe.corpus.load import load_corpus
    from pressframe.corpus.text import sentences_table, tokens_table
    from pressframe.extract.claims import find_claims
    from pressframe.extract.designations import count_designations, find_mentions
    from pressframe.extract.quotes import find_quotes

    stages: dict[str, float] = {}
    sizes: dict[str, int] = {}

    def stage(name, work):
        start = time.perf_counter()
        result = work()
        stages[name] = time.perf_counter() - start
        sizes[name] = len(result)
        return result

    start = time.perf_counter()
    articles = stage("load", lambda: load_corpus(corpus))
    pieces = stage("clean", lambda: clean_corpus(articles))
    sentences = stage("sentences", lambda: sentences_table(pieces))
    tokens = stage("tokens", lambda: tokens_table(sentences))
    analysis = Analysis(articles, pieces, sentences, tokens)
    stage("timexes", lambda: timexes_of(analysis))
    stage("quotes", lambda: find_quotes(sentences))
    stage("designations", lambda: count_designations(find_mentions(sentences)))
    stage("frames", lambda: frames_of(analysis))
    stage("claims", lambda: find_claims(sentences, tokens=tokens))
    total = time.perf_counter() - start
    return {"seconds": total, "stages": stages, "rows": sizes, "articles": len(articles), "tokens": len(tokens),
            "peak_mib": _peak_mib()}


def _texts(corpus: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]


def child_floor(corpus: Path) -> dict:
    """The floor: read the texts and split them with one regular expression, nothing else."""
    start = time.perf_counter()
    pattern = re.compile(FLOOR_PATTERN)
    texts = _texts(corpus)
    tokens = sum(len(pattern.findall(text)) for text in texts)
    return {"seconds": time.perf_counter() - start, "articles": len(texts), "tokens": tokens, "peak_mib": _peak_mib()}


def child_spacy(corpus: Path) -> dict:
    """spaCy's blank German pipeline with the rule-based sentencizer (no model): tokens and sentences."""
    import spacy

    start = time.perf_counter()
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    texts = _texts(corpus)
    tokens = sentences = 0
    for doc in nlp.pipe(texts, batch_size=64):
        tokens += len(doc)
        sentences += sum(1 for _ in doc.sents)
    return {"seconds": time.perf_counter() - start, "articles": len(texts), "tokens": tokens,
            "sentences": sentences, "peak_mib": _peak_mib(), "version": spacy.__version__}


CHILDREN = {"core": child_core, "floor": child_floor, "spacy": child_spacy}


# --- the parent: corpora, runs, aggregation -----------------------------------------------------------------------

def run_child(kind: str, corpus: Path) -> dict:
    """One measurement in a fresh interpreter; its JSON result."""
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", kind, str(corpus)],
                          capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child '{kind}' on {corpus} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def spread(values: list[float]) -> dict[str, float]:
    return {"median_s": statistics.median(values), "min_s": min(values), "max_s": max(values)}


def exponent(t1: float, t2: float, n1: float, n2: float) -> float:
    """The scaling exponent between two sizes: log(t2 / t1) / log(n2 / n1); 1 is linear, 2 quadratic."""
    return math.log(t2 / t1) / math.log(n2 / n1)


def row(**values) -> dict:
    out = {column: "" for column in COLUMNS}
    for key, value in values.items():
        out[key] = round(value, 4) if isinstance(value, float) else value
    return out


def measure_corpora(factors: list[int], runs_of: dict[int, int], workdir: Path, baselines: bool, log) -> list[dict]:
    """Core, stages, floor and spaCy at every factor: rows of results.csv."""
    from synthetic import make_corpus  # benchmarks/synthetic.py, beside this script

    from pressframe.corpus.load import load_corpus

    seeds = load_corpus(REPO / "seeds")
    rows, core_of = [], {}
    for factor in factors:
        corpus = make_corpus(workdir / f"x{factor}", factor=factor, seeds=seeds)
        runs = runs_of[factor]
        results = []
        for n in range(runs):
            results.append(run_child("core", corpus))
            log(f"core x{factor} run {n + 1}/{runs}: {results[-1]['seconds']:.2f} s, "
                f"{results[-1]['peak_mib']:.0f} MiB")
        first = results[0]
        times = spread([r["seconds"] for r in results])
        core_of[factor] = (times["median_s"], first["tokens"])
        rows.append(row(benchmark="core", kind="core", size=factor, articles=first["articles"], runs=runs, **times,
                        tokens=first["tokens"], tokens_per_s=first["tokens"] / times["median_s"],
                        peak_mib=max(r["peak_mib"] for r in results)))
        for name in CORE_STAGES:
            stage_times = spread([r["stages"][name] for r in results])
            rows.append(row(benchmark=f"core:{name}", kind="stage", size=factor, articles=first["articles"], runs=runs,
                            **stage_times, tokens=first["tokens"], ratio=stage_times["median_s"] / times["median_s"],
                            note=f"{first['rows'][name]} rows"))
        if baselines:
            for kind in ("floor", "spacy"):
                try:
                    base = [run_child(kind, corpus) for _ in range(runs)]
                except RuntimeError as error:
                    log(f"{kind} x{factor} skipped: {str(error).splitlines()[-1]}")
                    rows.append(row(benchmark=kind, kind="baseline", size=factor, note="skipped: " + str(error).splitlines()[-1]))
                    continue
                base_times = spread([r["seconds"] for r in base])
                note = f"regex {FLOOR_PATTERN}" if kind == "floor" else \
                    f"spacy {base[0]['version']} blank('de') + sentencizer, {base[0]['sentences']} sentences"
                rows.append(row(benchmark=kind, kind="baseline", size=factor, articles=base[0]["articles"], runs=runs,
                                **base_times, tokens=base[0]["tokens"],
                                tokens_per_s=base[0]["tokens"] / base_times["median_s"],
                                peak_mib=max(r["peak_mib"] for r in base),
                                ratio=base_times["median_s"] / times["median_s"], note=note))
                log(f"{kind} x{factor}: {base_times['median_s']:.3f} s")
        shutil.rmtree(corpus)
    previous = None
    for r in rows:
        if r["kind"] == "core":
            if previous is not None:
                (t1, n1), (t2, n2) = core_of[previous], core_of[r["size"]]
                r["exponent"] = round(exponent(t1, t2, n1, n2), 4)
            previous = r["size"]
    return rows


# --- build timings: the make targets in a throwaway clone ---------------------------------------------------------

BUILD_TARGETS = {"setup": 60, "html_clean": 60, "html_nochange": 10, "pdf": 60, "test": 300}
"""The issue's targets, in seconds, for the rows this part writes (the one-article rebuild is judged by what it re-runs)."""


def _run(clone: Path, command: str, env: dict) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(["bash", "-c", command], cwd=clone, env=env, capture_output=True, text=True)
    return time.perf_counter() - start, done


def _executed(output: str) -> list[str]:
    """The chapters `pressframe execute` re-ran, from its 'executed book/...' lines."""
    return sorted(line.split("executed ", 1)[1].strip() for line in output.splitlines() if line.startswith("executed "))


def _change_one_article(clone: Path, n: int) -> str:
    """Append a new paragraph to the last seed text: a change that keeps the corpus valid."""
    text = sorted((clone / "seeds").glob("*.txt"))[-1]
    with open(text, "a", encoding="utf-8") as f:
        f.write(f"\nEin Absatz, der nur für den Benchmark da ist, Nummer {n}.\n")
    return text.name


# Each step: (name, what it measures, command timed, command run before each timed run, untimed).
BUILD_STEPS = (
    ("setup", "set-up from nothing: .venv from requirements.lock", "make validate", "rm -rf .venv"),
    ("html_clean", "clean HTML build, every chapter executed", "make html EXECUTE_ARGS=--force", "rm -rf _build"),
    ("html_nochange", "HTML and PDF rebuild, nothing changed", "make book", "make book"),
    ("pdf", "PDF build from a clean single-page build", "make pdf",
     "rm -rf _build/singlehtml _build/site-extra/*.pdf _build/.pdf-digest"),
    ("html_one_article", "HTML and PDF rebuild after one article's text changed", "make book", "git checkout -- seeds && make book"),
    ("test", "the test command (make test), everything built already", "make test", "make book"),
)


def measure_build(log, runs: int) -> list[dict]:
    """Time each make step of ``BUILD_STEPS`` ``runs`` times in a fresh clone of this repository's HEAD."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="pressframe-build-") as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(clone)], check=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH"))}
        for name, what, command, before in BUILD_STEPS:
            times, note, failed = [], what, False
            step_runs = 1 if name == "test" else runs
            for n in range(step_runs):
                _, prepared = _run(clone, before, env)
                if prepared.returncode != 0:
                    note, failed = f"{what}; preparing failed: {prepared.stderr.strip()[-200:]}", True
                    break
                if name == "html_one_article":
                    changed = _change_one_article(clone, n)
                seconds, done = _run(clone, command, env)
                if done.returncode != 0:
                    said = [l for l in done.stdout.splitlines() if re.search(r"\b(failed|error)\b", l, re.IGNORECASE)]
                    said = said or done.stderr.strip().splitlines() or [""]
                    note, failed = f"{what}; FAILED with exit {done.returncode}: " + said[-1].strip()[:200], True
                    break
                times.append(seconds)
                if name == "html_one_article":
                    note = f"{what} ({changed}); re-executed: {', '.join(_executed(done.stdout))}"
                log(f"build {name} run {n + 1}/{step_runs}: {seconds:.1f} s")
            if name == "html_one_article":
                _run(clone, "git checkout -- seeds && make book", env)
            if times:
                target = BUILD_TARGETS.get(name)
                if target and not failed:
                    note += f"; target < {target} s"
                rows.append(row(benchmark=f"build:{name}", kind="build", runs=len(times), **spread(times), note=note))
            else:
                rows.append(row(benchmark=f"build:{name}", kind="build", note=note))
    return rows


# --- the machine --------------------------------------------------------------------------------------------------

def machine() -> dict:
    """CPU model, cores, memory, Python and OS of this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        memory = f"{kib / 1024 ** 2:.1f}"
    except (OSError, StopIteration):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": memory, "python": platform.python_version(),
            "os": f"{platform.system()} {platform.release()}", "platform": platform.platform(),
            "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                                     text=True).stdout.strip(),
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d")}


def merge(old: list[dict], new: list[dict]) -> list[dict]:
    """The new rows, plus the old rows of kinds this run did not measure (the build's, when it was skipped)."""
    kinds = {r["kind"] for r in new}
    return new + [r for r in old if r["kind"] not in kinds]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", nargs=2, metavar=("KIND", "CORPUS"), help=argparse.SUPPRESS)
    parser.add_argument("--factors", type=int, nargs="+", default=list(FACTORS), help="sizes as multiples of the seeds")
    parser.add_argument("--runs", type=int, default=5, help="runs per size up to 100x (default 5)")
    parser.add_argument("--runs-large", type=int, default=3, help="runs at 1000x (default 3)")
    parser.add_argument("--no-baselines", action="store_true", help="skip the regex floor and spaCy")
    parser.add_argument("--no-build", action="store_true", help="skip the build timings (they take about 15 minutes)")
    parser.add_argument("--build-runs", type=int, default=3, help="runs per build step (the test command runs once)")
    parser.add_argument("--no-core", action="store_true", help="skip the corpora: only the build timings")
    parser.add_argument("--out", type=Path, default=HERE / "results.csv", help="where the CSV goes")
    args = parser.parse_args(argv)
    if args.child:
        kind, corpus = args.child
        print(json.dumps(CHILDREN[kind](Path(corpus))))
        return 0

    def log(message: str) -> None:
        print(f"[bench] {message}", file=sys.stderr, flush=True)

    runs_of = {f: (args.runs_large if f >= 1000 else args.runs) for f in args.factors}
    rows = []
    if not args.no_core:
        with tempfile.TemporaryDirectory(prefix="pressframe-bench-") as tmp:
            rows += measure_corpora(sorted(args.factors), runs_of, Path(tmp), not args.no_baselines, log)
    if not args.no_build:
        rows += measure_build(log, args.build_runs)
    old = list(csv.DictReader(args.out.open(encoding="utf-8"))) if args.out.is_file() else []
    rows = merge(old, rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    (args.out.parent / "machine.json").write_text(json.dumps(machine(), indent=2) + "\n", encoding="utf-8")
    log(f"wrote {args.out} and machine.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
