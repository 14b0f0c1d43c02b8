"""Build-wide steps over every document's facts, deterministic whatever the input order.

* IRI paths: a document with a symbol gets the symbol's path; one without
  gets ``doc/<type>-<date>``, with ``-2``, ``-3`` on clashes ordered by the
  file's sha256.
* Duplicates: two files giving the same symbol keep the one with the lowest
  sha256; the other is reported, not silently merged.
* Cited documents: the dates that citing texts give them, one per symbol.
* Mandate ends from durations: see :func:`extend_durations`.
* Mandate renewals: see :func:`link_renewals`.
* The build's identity: see :func:`run_id`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import __version__
from .dates import add_period
from .pipeline import Result
from .symbols import Symbol

_TYPE_SLUG = {"resolution": "res", "prst": "prst", "letter": "letter", "other": "doc"}


@dataclass(frozen=True)
class Entry:
    """An input document and the IRI path it was given."""

    path: str
    result: Result


@dataclass(frozen=True)
class Corpus:
    """Everything the graph builder needs."""

    entries: tuple[Entry, ...]
    cited_dates: dict[Symbol, dt.date]
    renewals: dict  # mandate key → earlier mandate key
    warnings: tuple[str, ...]
    # (doc path, mandate key) → end date, the text's or computed from a duration
    mandate_ends: dict = field(default_factory=dict)
    run: str = ""  # the build's id, see run_id


def merge(results: list[Result]) -> Corpus:
    """Merge per-document results into one corpus."""
    ok = sorted((r for r in results if r.doc is not None), key=lambda r: (r.doc.sha256, r.name))
    warnings: list[str] = []
    entries: list[Entry] = []
    seen: dict[Symbol, Result] = {}
    minted: dict[str, int] = defaultdict(int)
    for r in ok:
        doc = r.doc
        if doc.symbol is not None:
            if doc.symbol in seen:
                warnings.append(
                    f"{r.name}: same document as {seen[doc.symbol].name} ({doc.symbol}); skipped"
                )
                continue
            seen[doc.symbol] = r
            entries.append(Entry(doc.symbol.path, r))
            continue
        date = doc.date
        stem = f"doc/{_TYPE_SLUG[doc.structure.header.doc_type]}-{date.isoformat() if date else 'undated'}"
        minted[stem] += 1
        entries.append(Entry(stem if minted[stem] == 1 else f"{stem}-{minted[stem]}", r))
    entries.sort(key=lambda e: e.path)
    ends = extend_durations(entries)
    return Corpus(
        tuple(entries), _cited_dates(entries, warnings), link_renewals(entries, ends), tuple(warnings), ends,
        run_id(__version__, [r.doc.sha256 for r in ok], {r.name: r.doc.catalog for r in ok}),
    )


def run_id(version: str, digests: list[str], catalog: dict[str, dict]) -> str:
    """16 hex digits naming one build: sha256 over the tool version, the sorted
    sha256 of every input file and the catalog rows the inputs used.

    Equal inputs give an equal id whatever their order or the machine;
    any changed byte, file or catalog row gives another.  The catalog counts
    as the rows that apply to the inputs (canonical JSON), so a row for a
    file not in the build does not change it.
    """
    h = hashlib.sha256()
    h.update(f"ct2rdf {version}\n".encode())
    for digest in sorted(digests):
        h.update(f"{digest}\n".encode())
    rows = {name: row for name, row in catalog.items() if row}
    h.update(json.dumps(rows, sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()[:16]


def _cited_dates(entries: list[Entry], warnings: list[str]) -> dict[Symbol, dt.date]:
    """One date per cited symbol: the most often given, the earliest on a tie.

    Documents in the input keep their own date; citing texts do not override it.
    """
    own = {e.result.doc.symbol for e in entries if e.result.doc.symbol}
    given: dict[Symbol, Counter] = defaultdict(Counter)
    for e in entries:
        for c in e.result.facts.get("citations", ()):
            if c.date is not None and c.symbol not in own:
                given[c.symbol][c.date] += 1
    out = {}
    for symbol, counts in sorted(given.items()):
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        out[symbol] = best[0][0]
        if len(best) > 1:
            warnings.append(
                f"{symbol} is given different dates ({', '.join(str(d) for d, _ in best)});"
                f" using {best[0][0]}"
            )
    return out


_DURATION_RE = re.compile(r"P(\d+)([YMD])")
_UNIT = {"Y": "年", "M": "个月", "D": "天"}


def extend_durations(entries: list[Entry]) -> dict:
    """Every mandate's end: the text's, else the holder's previous end plus the duration.

    将监察员办公室的任务期限延长30个月 (S/RES/2610 (2021)) ends 30 months after
    the end of the Ombudsperson's mandate in the latest earlier document of the
    corpus that gives one (S/RES/2368 (2017): 2021-12-17 → 2024-06-17).  Documents
    are taken in date order, so a chain of extensions by duration resolves.
    A mandate whose end stays unknown is left out of the result.

    Returns ``{(doc path, mandate key): end date}``.
    """
    found = sorted(
        ((e.result.doc.date or dt.date.min, e.path, m) for e in entries
         for m in e.result.facts.get("mandates", ())),
        key=lambda f: (f[0], f[1], f[2].key),
    )
    ends: dict = {}
    latest: dict[tuple, tuple[dt.date, dt.date]] = {}  # holder → (document date, end)
    for date, path, m in found:
        end = m.end
        prev = latest.get(m.holder)
        if end is None and m.duration and prev and prev[0] < date:
            n, unit = _DURATION_RE.fullmatch(m.duration).groups()
            end = add_period(prev[1], int(n), _UNIT[unit])
        if end is not None:
            ends[(path, m.key)] = end
            latest[m.holder] = (date, end)
    return ends


def link_renewals(entries: list[Entry], ends: dict | None = None) -> dict:
    """Link each mandate to the latest earlier mandate of the same holder and kind.

    Returns ``{(doc path, mandate id): (doc path, mandate id)}``; mandates whose
    end is unknown (``ends``, else their own) are not linked.
    """
    found = []
    for e in entries:
        for m in e.result.facts.get("mandates", ()):
            end = (ends or {}).get((e.path, m.key), m.end)
            if end is not None:
                found.append((m.holder, m.kind, end, e.path, m.key))
    out = {}
    for holder, kind, end, path, key in found:
        earlier = [f for f in found if f[0] == holder and f[1] == kind and f[2] < end]
        if earlier:
            prev = max(earlier, key=lambda f: (f[2], f[3], f[4]))
            out[(path, key)] = (prev[3], prev[4])
    return out
