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

import bisect
import datetime as dt
import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import __version__
from .dates import add_period
from .symbols import Symbol
from .work import DocOut, minted_path


@dataclass(frozen=True)
class Entry:
    """An input document and the IRI path it was given."""

    path: str
    result: DocOut


@dataclass(frozen=True)
class Corpus:
    """Everything the build-wide part of the graph needs."""

    entries: tuple[Entry, ...]
    cited_dates: dict[Symbol, dt.date]
    renewals: dict  # mandate node IRI → the earlier mandate's node IRI
    warnings: tuple[str, ...]
    # mandate node IRI → end date computed from a duration
    mandate_ends: dict = field(default_factory=dict)
    run: str = ""  # the build's id, see run_id


def merge(outs: list[DocOut]) -> Corpus:
    """Merge the documents' summaries: IRI paths, duplicates, dates, ends, renewals.

    A document whose entry path differs from the path its chunks were made
    with (a minted path that clashed) must be made again with the entry's
    path; :func:`ct2rdf.build.build` does that and merges again.
    """
    ok = sorted((o for o in outs if o.ok), key=lambda o: (o.sha256, o.name))
    warnings: list[str] = []
    entries: list[Entry] = []
    seen: dict[Symbol, DocOut] = {}
    minted: dict[str, int] = defaultdict(int)
    for o in ok:
        if not o.minted:
            if o.symbol in seen:
                warnings.append(f"{o.name}: same document as {seen[o.symbol].name} ({o.symbol}); skipped")
                continue
            seen[o.symbol] = o
            entries.append(Entry(o.symbol.path, o))
            continue
        stem = minted_path(o.doc_type, o.date)
        minted[stem] += 1
        entries.append(Entry(stem if minted[stem] == 1 else f"{stem}-{minted[stem]}", o))
    entries.sort(key=lambda e: e.path)
    ends = extend_durations(entries)
    return Corpus(
        tuple(entries), _cited_dates(entries, warnings), link_renewals(entries, ends), tuple(warnings), ends,
        run_id(__version__, [o.sha256 for o in ok], {o.name: o.catalog for o in ok}),
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
    own = {e.result.symbol for e in entries if e.result.symbol}
    given: dict[Symbol, Counter] = defaultdict(Counter)
    for e in entries:
        for symbol, date in e.result.cited:
            if date is not None and symbol not in own:
                given[symbol][date] += 1
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

    Returns ``{mandate node IRI: end date}`` for the ends computed here; the
    ends the texts give are on the mandates already.
    """
    found = sorted(
        ((e.result.date or dt.date.min, m) for e in entries for m in e.result.mandates),
        key=lambda f: (f[0], f[1].node),
    )
    ends: dict = {}
    latest: dict[str, tuple[dt.date, dt.date]] = {}  # holder → (document date, end)
    for date, m in found:
        end = m.end
        prev = latest.get(m.holder)
        computed = end is None and m.duration and prev and prev[0] < date
        if computed:
            n, unit = _DURATION_RE.fullmatch(m.duration).groups()
            end = add_period(prev[1], int(n), _UNIT[unit])  # None past 2100
            if end is not None:
                ends[m.node] = end
        if end is not None:
            latest[m.holder] = (date, end)
    return ends


def link_renewals(entries: list[Entry], ends: dict | None = None) -> dict:
    """Link each mandate to the latest earlier mandate of the same holder and kind.

    Returns ``{mandate node IRI: earlier mandate node IRI}``; mandates whose
    end is unknown (their own, else computed in ``ends``) are not linked.
    """
    found = []
    for e in entries:
        for m in e.result.mandates:
            end = m.end or (ends or {}).get(m.node)
            if end is not None:
                found.append((m.holder, m.kind, end, m.node))
    by_holder: dict[tuple, list] = defaultdict(list)
    for f in found:
        by_holder[f[0], f[1]].append(f)
    out = {}
    for group in by_holder.values():
        group.sort(key=lambda f: (f[2], f[3]))
        ends_in_order = [f[2] for f in group]
        for _, _, end, node in group:
            k = bisect.bisect_left(ends_in_order, end)  # group[:k] end earlier
            if k:
                out[node] = group[k - 1][3]
    return out
