"""The command line of pressframe: check the corpus, export its tables, write and execute the chapters,
typeset the PDF edition, draft a new text's metadata row, score the extractors on the real articles.

A corpus problem is reported as one line per problem on standard error, naming file, line and
field, with exit status 2 and no traceback; nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .base.paths import corpus_dir
from .corpus.load import CorpusError, load_corpus

EXIT_BAD_INPUT = 2


def _validate(args: argparse.Namespace) -> int:
    articles = load_corpus(args.corpus)
    groups = sorted({a.country_group for a in articles})
    print(f"corpus OK: {len(articles)} articles in {args.corpus} ({', '.join(groups)})")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .publish.tables import export

    for path in export(args.dir, args.corpus):
        print(f"wrote {path}")
    return 0


def _chapters(args: argparse.Namespace) -> int:
    from .publish.build import sync_article_chapters

    written, removed = sync_article_chapters(args.book, args.corpus)
    for path in written:
        print(f"wrote {path}")
    for path in removed:
        print(f"removed {path} (its article is no longer in the corpus)")
    print(f"article chapters: {len(written)} written, {len(removed)} removed")
    return 0


def _execute(args: argparse.Namespace) -> int:
    from nbclient.exceptions import CellExecutionError

    from .publish.build import book_notebooks, execute_book

    try:
        executed = execute_book(args.book, force=args.force)
    except CellExecutionError as err:
        if err.ename != "GuardError":
            raise
        print(f"error: {err.evalue}", file=sys.stderr)
        print("the chapter was not written; its stored outputs are those of its last good run", file=sys.stderr)
        return EXIT_BAD_INPUT
    total = len(book_notebooks(args.book))
    for path in executed:
        print(f"executed {path}")
    print(f"{len(executed)} of {total} notebooks executed, {total - len(executed)} current")
    return 0


def _pdf(args: argparse.Namespace) -> int:
    from .base.paths import repo_root
    from .publish.edition import EditionError, build

    try:
        target, written = build(repo_root(), output=args.output, target=args.target)
    except EditionError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"wrote {target}" if written else f"{target} is current (nothing it is made from changed)")
    return 0


def _site(args: argparse.Namespace) -> int:
    import subprocess

    from .base.paths import repo_root
    from .publish.sitebuild import build_site

    try:
        ran = build_site(repo_root(), args.builder, force=args.force)
    except subprocess.CalledProcessError as err:
        print(f"error: the {args.builder} build failed (exit status {err.returncode}); see the messages above",
              file=sys.stderr)
        return err.returncode or 1
    if not ran:
        print(f"_build/{args.builder}/ is current (nothing it is made from changed); Sphinx not run")
    return 0


def _realworld(args: argparse.Namespace) -> int:
    from .evaluation.realworld import RealworldMissing, score_realworld, write_scores

    try:
        table = score_realworld()
    except RealworldMissing as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    with pd_options():
        print(table.to_string(index=False))
    if args.write:
        print(f"wrote {write_scores(table, args.write)}")
    return 0


def _pages(args: argparse.Namespace) -> int:
    from .evaluation.realworld import PAGE_SETS, constructed_pages, score_pages, write_scores

    for name in args.sets or PAGE_SETS:
        table = score_pages(name)
        with pd_options():
            print(table.to_string(index=False))
        if args.write:
            with constructed_pages(name):
                print(f"wrote {write_scores(table, args.write)}")
    return 0


def pd_options():
    import pandas as pd

    return pd.option_context("display.width", 200, "display.max_rows", 500, "display.float_format", "{:.3f}".format)


def _add(args: argparse.Namespace) -> int:
    from .extract.drafting import draft, format_draft, write

    if not args.file.is_file():
        print(f"error: {args.file}: no such file", file=sys.stderr)
        return EXIT_BAD_INPUT
    proposal = draft(args.file, args.corpus)
    print(format_draft(proposal))
    if not args.write:
        print("review the draft; run again with --write to add the text and its row to the corpus")
        return 0
    for path in write(proposal, args.file, args.corpus):
        print(f"wrote {path}")
    load_corpus(args.corpus)          # the corpus must still be valid: CorpusError names the problem
    print("corpus OK; run `make book` to give the text its chapter")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m pressframe", description=" ".join(__doc__.split("\n\n")[0].split()))
    commands = top.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check the corpus and its metadata")
    validate.add_argument("corpus", nargs="?", type=Path, default=None, help="corpus folder (default: seeds/)")
    validate.set_defaults(run=_validate)
    export = commands.add_parser("export", help="write the book's tables as CSV files")
    export.add_argument("dir", type=Path, help="folder to write the CSV files into")
    export.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: seeds/)")
    export.set_defaults(run=_export)
    chapters = commands.add_parser("chapters", help="write one chapter per article from the template")
    chapters.add_argument("book", nargs="?", type=Path, default=None, help="book folder (default: book/)")
    chapters.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: seeds/)")
    chapters.set_defaults(run=_chapters)
    execute = commands.add_parser("execute", help="re-execute the book's notebooks whose inputs changed")
    execute.add_argument("book", nargs="?", type=Path, default=None, help="book folder (default: book/)")
    execute.add_argument("--force", action="store_true", help="execute every notebook")
    execute.set_defaults(run=_execute)
    pdf = commands.add_parser("pdf", help="typeset the PDF edition from the single-page HTML build")
    pdf.add_argument("--output", type=Path, default=None, help="the single-page build (default: _build/singlehtml/)")
    pdf.add_argument("--target", type=Path, default=None,
                     help="the PDF to write (default: _build/site-extra/allies-in-isolation.pdf, copied into the site)")
    pdf.set_defaults(run=_pdf)
    site = commands.add_parser("site", help="build the HTML site with Jupyter Book, unless nothing it is made from changed")
    site.add_argument("builder", nargs="?", choices=("html", "singlehtml"), default="html",
                      help="html (the site) or singlehtml (the single page the PDF is typeset from)")
    site.add_argument("--force", action="store_true", help="build even when the output is current")
    site.set_defaults(run=_site)
    add = commands.add_parser("add", help="draft the metadata row of a new text (and add it with --write)")
    add.add_argument("file", type=Path, help="the text, UTF-8 (inside the corpus folder or to be copied into it)")
    add.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: seeds/)")
    add.add_argument("--write", action="store_true", help="copy the text into the corpus and append its row")
    add.set_defaults(run=_add)
    realworld = commands.add_parser("realworld", help="score the extractors on the real-article corpus (../shared/realworld)")
    realworld.add_argument("--write", choices=("scores", "first_run"), default=None,
                           help="also write the table to tests/gold/realworld/<name>.csv")
    realworld.set_defaults(run=_realworld)
    pages = commands.add_parser("pages", help="score the extractors on the constructed page sets (tests/gold/pages)")
    pages.add_argument("sets", nargs="*", help="tune, score (default: both)")
    pages.add_argument("--write", choices=("scores", "first_run"), default=None,
                       help="also write each set's table to tests/gold/pages/<set>/<name>.csv")
    pages.set_defaults(run=_pages)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "corpus", "unset") is None:
        args.corpus = corpus_dir()
    try:
        return args.run(args)
    except CorpusError as err:
        for problem in err.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(err.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return EXIT_BAD_INPUT
