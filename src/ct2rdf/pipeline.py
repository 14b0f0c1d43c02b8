"""Per-document work: file bytes (+ reference data) → that document's facts.

:func:`process` is pure: it reads nothing but its arguments and the packaged
reference data, so it can run in worker processes or on a cluster.  Build-wide
steps (minting IRIs for documents without symbols, merging cited documents,
linking renewals) happen afterwards in :mod:`ct2rdf.merge`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from . import patterns as P
from .errors import InputError
from .extract import EXTRACTORS
from .model import Doc
from .symbols import Symbol, parse
from .text.decode import decode
from .text.normalize import normalize
from .text.structure import parse_structure


@dataclass(frozen=True)
class Result:
    """What one input file produced: a document and its facts, or an error."""

    name: str
    doc: Doc | None = None
    facts: dict = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    error: InputError | None = None


def process(name: str, data: bytes, catalog_entry: dict | None = None, themes: bool = True,
            max_facts: int = 100_000) -> Result:
    """Decode, normalize, structure and run every extractor on one file.

    Args:
        name: the file's path relative to the input root (used in messages and
            as ``ct:sourceFile``).
        data: the file's bytes.
        catalog_entry: the catalog row for this file, if any.
        themes: run the themes extractor (False: no theme facts at all).
        max_facts: the most facts of one kind a document may have (0: no limit);
            past it the file is an error, not a graph of millions of triples.
    """
    try:
        text, encoding = decode(data, name)
        if not text.strip():
            raise InputError(name, "the file is empty", "Remove it or give it the document's text")
        norm = normalize(text)
        structure = parse_structure(norm)
        if structure.header.doc_type == "other" and not P.COMMON_CHINESE_RE.search(norm.text):
            raise InputError(
                name,
                "no recognizable document: no Chinese text found",
                "Give ct2rdf the Chinese text of a UN document",
            )
    except InputError as e:
        return Result(name, error=e)
    warnings = [w] if (w := _invisible_warning(name, norm)) else []
    symbol, warning = _symbol(name, structure.header.symbol, catalog_entry)
    if warning:
        warnings.append(warning)
    if structure.header.doc_type != "other" and symbol is not None:
        expected = {"resolution": "resolution", "prst": "prst"}.get(structure.header.doc_type)
        if expected and symbol.kind != expected:
            warnings.append(
                f"{name}: the text reads as a {structure.header.doc_type} but its symbol is {symbol}"
            )
    doc = Doc(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        norm=norm,
        structure=structure,
        symbol=symbol,
        date=structure.header.date or _catalog_date(catalog_entry),
        catalog=dict(catalog_entry or {}),
    )
    # A missing symbol or date is a warning, never an error: excerpts and news items
    # often state neither, and the rest of their facts still count.
    if symbol is None and structure.header.doc_type != "other":
        warnings.append(
            f"{name}: no symbol found in the text; add one to the catalog (column 'symbol') "
            "or the document gets a minted IRI"
        )
    if max_facts and len(structure.paragraphs) > max_facts:  # checked first: it saves the extraction
        return Result(name, error=_too_many(name, "paragraphs", max_facts))
    facts = {key: tuple(islice(fn(doc), max_facts + 1) if max_facts else fn(doc))
             for key, fn in EXTRACTORS if themes or key != "themes"}
    over = [k for k, v in facts.items() if max_facts and len(v) > max_facts]
    if over:
        return Result(name, error=_too_many(name, over[0], max_facts))
    if doc.date is None:  # an impossible or implausible date is named below, not "not found"
        bad = facts.get("datechecks")
        what = "no valid date in the text (see below)" if bad else "no date found in the text"
        warnings.append(f"{name}: {what}; add one to the catalog (column 'date')")
    for fact in (f for group in facts.values() for f in group):
        if getattr(fact, "warning", None):
            start, _ = norm.source_span(fact.span.start, fact.span.end)
            warnings.append(f"{name}: {fact.warning} at character {start}")
    return Result(name, doc, facts, tuple(warnings))


def _too_many(name: str, what: str, limit: int) -> InputError:
    return InputError(name, f"more than {limit:,} {what} in one document, the limit per kind of fact",
                      "Split the document, or raise the limit with --max-facts")


def _invisible_warning(name: str, norm) -> str | None:
    """One warning for all the invisible characters normalization deleted for matching."""
    count, first = norm.invisible
    if not count:
        return None
    line = norm.source.count("\n", 0, first) + 1
    column = first - norm.source.rfind("\n", 0, first)
    return (f"{name}: {count} invisible format character{'s' * (count > 1)} (bidirectional controls, "
            "zero-width spaces, soft hyphens) ignored for matching, the first "
            f"(U+{ord(norm.source[first]):04X}) at line {line}, column {column}; the quotes keep them")


def _symbol(name: str, from_text: Symbol | None, entry: dict | None) -> tuple[Symbol | None, str | None]:
    """The catalog's symbol wins over the text's; disagreement is a warning."""
    raw = (entry or {}).get("symbol", "").strip()
    if not raw:
        return from_text, None
    symbol = parse(raw)
    if symbol is None:
        return from_text, f"{name}: catalog symbol {raw!r} is not a UN symbol; ignored"
    if from_text is not None and from_text != symbol:
        return symbol, f"{name}: catalog says {symbol}, the text says {from_text}; using the catalog"
    return symbol, None


def _catalog_date(entry: dict | None) -> dt.date | None:
    raw = (entry or {}).get("date", "").strip()
    try:
        return dt.date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def read_catalog(path: Path) -> dict[str, dict]:
    """Read a catalog CSV with at least the columns ``file`` and ``symbol``.

    Other columns (``date``, ``note``) are kept.  Keys are file names as
    written, relative to the catalog's folder.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise InputError(
            str(path), f"cannot read the catalog ({e})", "Fix or remove the catalog file"
        ) from None
    if rows and "file" not in rows[0]:
        raise InputError(str(path), "the catalog has no 'file' column", "Give it a header row: file,symbol")
    return {row["file"].strip(): row for row in rows if row.get("file")}
