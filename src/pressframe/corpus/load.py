"""Load and validate the corpus: the raw texts in ``seeds/`` and their metadata table ``articles.csv``.

The texts are never edited. Reading one decodes it strictly as UTF-8 (a bad byte is an error that
names its offset, never a silent replacement), drops a leading byte-order mark and turns CRLF or CR
line ends into LF. Everything later in the pipeline sees that normalised text, line by line.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..base.paths import corpus_dir as default_corpus_dir

METADATA_FILE = "articles.csv"
REQUIRED_FIELDS = ("article_id", "file", "outlet", "country_group", "event", "published", "published_status")
EVIDENCE_FIELDS = ("evidence_outlet", "evidence_country_group", "evidence_event", "evidence_published")
OPTIONAL_FIELDS = ("language_note", *EVIDENCE_FIELDS, "uncertainty")
METADATA_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS
PUBLISHED_STATUSES = ("printed", "inferred")
EVIDENCE_SEPARATOR = " | "

_ARTICLE_ID = re.compile(r"\d{3,}")   # NNN; a corpus of more than 1000 texts needs more digits
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the corpus, located as precisely as we can: file, line and field."""

    path: str
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}, line {self.line}"
        what = self.message if self.field is None else f"field '{self.field}': {self.message}"
        return f"{where}: {what}"


class CorpusError(Exception):
    """The corpus cannot be used; ``problems`` lists every reason, one per line of the message."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class Article:
    """One text with its metadata. ``text`` is the normalised text (no BOM, LF line ends)."""

    article_id: str
    file: str
    outlet: str
    country_group: str
    event: str
    published: date
    published_status: str
    text: str
    language_note: str = ""
    uncertainty: str = ""
    evidence: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def outlet_named(self) -> bool:
        """Whether the text itself names its outlet: some evidence for the outlet quotes the text. Evidence in
        square brackets is a note, not a quotation, so an outlet that has only notes is an attribution."""
        return any(not quote.startswith("[") for quote in self.evidence.get("outlet", ()))

    @property
    def lines(self) -> list[str]:
        """The text's lines, without line ends; line ``n`` (1-based) of the file is ``lines[n - 1]``."""
        return split_lines(self.text)


def split_lines(text: str) -> list[str]:
    """Split normalised text into lines; a final line end does not start an extra empty line."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def decode_text(raw: bytes, *, path: str) -> str:
    """Decode strictly as UTF-8, drop a BOM, normalise CRLF/CR to LF; a bad byte raises CorpusError naming its offset."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = raw[err.start : err.end]
        raise CorpusError(
            [Problem(path, f"not valid UTF-8 at byte offset {err.start} (byte 0x{bad[:1].hex()}: {err.reason})")]
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _parse_date(value: str) -> date | None:
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _read_metadata(corpus: Path) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    """Rows of articles.csv with the physical line each starts on, and the problems of the table itself."""
    path = corpus / METADATA_FILE
    shown = f"{corpus.name}/{METADATA_FILE}"
    if not path.is_file():
        return [], [Problem(shown, "metadata table is missing")]
    try:
        text = decode_text(path.read_bytes(), path=shown)
    except CorpusError as err:
        return [], err.problems
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    problems = [Problem(shown, "required column is missing from the header", 1, name)
                for name in REQUIRED_FIELDS if name not in header]
    problems += [Problem(shown, "unknown column in the header", 1, name)
                 for name in header if name not in METADATA_FIELDS]
    if problems:
        return [], problems
    rows = []
    for row in reader:
        # the row ends on reader.line_num; quoted fields may span lines, so count back to its start
        line = reader.line_num - sum(str(v).count("\n") for v in row.values() if v is not None)
        if None in row:
            problems.append(Problem(shown, "row has more fields than the header", line))
        elif any(value is None for value in row.values()):
            problems.append(Problem(shown, "row has fewer fields than the header", line))
        else:
            rows.append((line, {k: (v or "").strip() for k, v in row.items()}))
    return rows, problems


def _check_row(corpus: Path, line: int, row: dict[str, str], shown: str) -> tuple[Article | None, list[Problem]]:
    problems = [Problem(shown, "required field is empty", line, name) for name in REQUIRED_FIELDS if not row[name]]
    if problems:
        return None, problems
    article_id, filename = row["article_id"], row["file"]
    if not _ARTICLE_ID.fullmatch(article_id):
        problems.append(Problem(shown, f"'{article_id}' is not an id of three or more digits", line, "article_id"))
    if "/" in filename or "\\" in filename or not filename.endswith(".txt"):
        problems.append(Problem(shown, f"'{filename}' is not a .txt file name inside the corpus folder", line, "file"))
    elif not filename.startswith(article_id + "_"):
        problems.append(Problem(shown, f"'{filename}' does not start with the row's id '{article_id}_'", line, "file"))
    published = _parse_date(row["published"])
    if published is None:
        problems.append(Problem(shown, f"'{row['published']}' is not a valid ISO date (YYYY-MM-DD)", line, "published"))
    elif published > date.today():
        problems.append(Problem(shown, f"'{row['published']}' lies in the future (today is {date.today().isoformat()})",
                                line, "published"))
    if row["published_status"] not in PUBLISHED_STATUSES:
        problems.append(Problem(shown, f"'{row['published_status']}' is not one of: {', '.join(PUBLISHED_STATUSES)}",
                                line, "published_status"))
    text_path = corpus / filename
    if not problems and not text_path.is_file():
        problems.append(Problem(shown, f"text file '{filename}' does not exist in {corpus.name}/", line, "file"))
    if problems:
        return None, problems
    try:
        text = decode_text(text_path.read_bytes(), path=f"{corpus.name}/{filename}")
    except CorpusError as err:
        return None, err.problems
    if not text.strip():
        return None, [Problem(f"{corpus.name}/{filename}", "text is empty or whitespace only")]
    evidence = {}
    for name in EVIDENCE_FIELDS:
        quotes = tuple(q.strip() for q in row.get(name, "").split(EVIDENCE_SEPARATOR) if q.strip())
        for quote in quotes:
            if not quote.startswith("[") and quote not in text:
                problems.append(Problem(shown, f"evidence quotation not found in {filename}: '{quote}'", line, name))
        evidence[name.removeprefix("evidence_")] = quotes
    article = Article(
        article_id=article_id, file=filename, outlet=row["outlet"], country_group=row["country_group"],
        event=row["event"], published=published, published_status=row["published_status"], text=text,
        language_note=row.get("language_note", ""), uncertainty=row.get("uncertainty", ""), evidence=evidence,
    )
    return (None if problems else article), problems


def _collect(corpus: Path) -> tuple[list[Article], list[Problem]]:
    shown = f"{corpus.name}/{METADATA_FILE}"
    if not corpus.is_dir():
        return [], [Problem(str(corpus), "corpus folder does not exist")]
    rows, problems = _read_metadata(corpus)
    articles: list[Article] = []
    first_line_of: dict[tuple[str, str], int] = {}
    for line, row in rows:
        for key in ("article_id", "file"):
            value = row.get(key, "")
            if value and (key, value) in first_line_of:
                problems.append(Problem(shown, f"duplicate {key} '{value}' (first on line {first_line_of[key, value]})",
                                        line, key))
            elif value:
                first_line_of[key, value] = line
        article, row_problems = _check_row(corpus, line, row, shown)
        problems += row_problems
        if article is not None:
            articles.append(article)
    if rows or not problems:
        listed = {row["file"] for _, row in rows}
        for text_path in sorted(corpus.glob("*.txt")):
            if text_path.name not in listed:
                problems.append(Problem(f"{corpus.name}/{text_path.name}", f"text has no row in {METADATA_FILE}"))
    if not rows and not problems:
        problems.append(Problem(shown, "metadata table has no rows"))
    return sorted(articles, key=lambda a: a.article_id), problems


def validate_corpus(corpus: Path | str | None = None) -> list[Problem]:
    """Every problem of the corpus in ``corpus`` (default: the book's corpus); an empty list means it is usable."""
    return _collect(Path(corpus) if corpus is not None else default_corpus_dir())[1]


def load_corpus(corpus: Path | str | None = None) -> list[Article]:
    """The corpus's articles sorted by id; raises CorpusError listing every problem if there is any."""
    articles, problems = _collect(Path(corpus) if corpus is not None else default_corpus_dir())
    if problems:
        raise CorpusError(problems)
    return articles
