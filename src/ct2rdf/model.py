"""The frozen values that cross stage boundaries.

Spans are offsets into the *normalized* text of one document
(:class:`ct2rdf.text.normalize.Normalized`); the graph builder maps them back to
source offsets.  Nothing here knows about rdflib.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, wraps
from itertools import pairwise

from .symbols import Symbol
from .text.normalize import Normalized


@dataclass(frozen=True, order=True)
class Span:
    """``[start, end)`` in a document's normalized text."""

    start: int
    end: int


@dataclass(frozen=True, order=True)
class ParaRef:
    """Which paragraph: ``part`` is ``""`` for the document, ``"annex/1"`` for its annex.

    ``kind`` is ``pp`` (preambular), ``op`` (operative) or ``p`` (unnumbered).
    """

    part: str
    kind: str
    number: int

    @property
    def path(self) -> str:
        """The IRI path below the document: ``op/2``, ``annex/1/p/3``."""
        return f"{self.part + '/' if self.part else ''}{self.kind}/{self.number}"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph with its sub-items and attached footnote numbers."""

    ref: ParaRef
    span: Span
    footnotes: tuple[int, ...] = ()


@dataclass(frozen=True)
class Part:
    """An annex: its key (``annex/1``), heading and title spans."""

    key: str
    heading: Span
    title: Span | None


@dataclass(frozen=True)
class Header:
    """What the opening lines say about the document."""

    doc_type: str  # resolution | prst | letter | other
    title: Span | None = None
    symbol: Symbol | None = None
    symbol_span: Span | None = None
    date: dt.date | None = None
    date_span: Span | None = None
    meeting_number: int | None = None
    meeting_span: Span | None = None
    agenda_item: str | None = None
    sender: str | None = None
    recipient: str | None = None
    signatory: str | None = None
    signatory_title: str | None = None
    # Every line around the document's paragraphs (its own title, masthead,
    # adoption line, and the page's furniture): never citations.
    header_spans: tuple[Span, ...] = ()
    # The page's lines among them (navigation, site chrome, licence, vote lines,
    # the page's own title): no extractor reads them.  The document's own header
    # lines are not furniture: bodies read the Council in its adoption line.
    furniture_spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Structure:
    """A document's header, paragraphs and annexes."""

    header: Header
    paragraphs: tuple[Paragraph, ...]
    parts: tuple[Part, ...] = ()


def per_document(fn):
    """Cache ``fn(doc, item)`` once per document and item, for the 64 latest documents.

    Several extractors ask for every paragraph's clauses, or every clause's
    text, in turn: a cache of fixed size over (doc, item) would forget them
    all between two passes over a document longer than it; a table per
    document (a Doc hashes by identity) keeps them as long as the document.
    """

    @lru_cache(maxsize=64)
    def table(doc) -> dict:
        return {}

    @wraps(fn)
    def cached(doc, item):
        t = table(doc)
        out = t.get(item)
        if out is None:
            out = t[item] = fn(doc, item)
        return out

    return cached


# eq=False: a Doc hashes by identity, so per-document caches (lru_cache on
# extractors that others reuse) cost nothing instead of hashing the whole text.
@dataclass(frozen=True, eq=False)
class Doc:
    """One input document, ready for the extractors."""

    name: str  # path relative to the input root
    sha256: str
    encoding: str
    norm: Normalized
    structure: Structure
    symbol: Symbol | None  # the final symbol (catalog, header or title)
    date: dt.date | None  # the text's date, else the catalog's
    catalog: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def text(self) -> str:
        return self.norm.text

    def paragraph_at(self, pos: int) -> Paragraph | None:
        """The paragraph holding normalized offset ``pos``, or None.

        A position inside a footnote belongs to the paragraph whose marker
        refers to that footnote.
        """
        paras, starts, notes, note_starts, referrer = self._index
        if starts is None:  # paragraphs overlap: the first that holds pos, as listed
            p = next((p for p in paras if p.span.start <= pos < p.span.end), None)
        else:
            k = bisect.bisect_right(starts, pos) - 1
            p = paras[k] if k >= 0 and pos < paras[k].span.end else None
        if p is not None:
            return p
        k = bisect.bisect_right(note_starts, pos) - 1
        if k >= 0 and pos < notes[k].end:
            return referrer.get(notes[k].number)
        return None

    @cached_property
    def _index(self):
        # per-mention lookups (every body, citation) must not scan every
        # paragraph: a long document has thousands of both.  Paragraphs are
        # in text order and disjoint (if ever not, starts is None: linear), and
        # so are the normalized text's blocks.
        paras = self.structure.paragraphs
        starts = [p.span.start for p in paras]
        if any(a.span.end > b.span.start for a, b in pairwise(paras)):
            starts = None
        notes = sorted((b for b in self.norm.blocks if b.kind == "footnote"), key=lambda b: b.start)
        referrer: dict[int, Paragraph] = {}  # footnote number -> the first paragraph citing it
        for p in paras:
            for n in p.footnotes:
                referrer.setdefault(n, p)
        return paras, starts, notes, [b.start for b in notes], referrer

    def quote(self, span: Span) -> str:
        return self.norm.text[span.start : span.end]


# *** Facts: what the extractors return ***


@dataclass(frozen=True)
class Citation:
    """One place a document is cited."""

    symbol: Symbol
    span: Span | None  # None for a citation found only in a URL line
    paragraph: ParaRef | None
    date: dt.date | None = None  # the cited document's date, where the text gives it
    source_span: tuple[int, int] | None = None  # for URL lines: source offsets


@dataclass(frozen=True)
class Meeting:
    """A meeting the text describes (not the adopting meeting)."""

    date: dt.date
    time: dt.time | None
    virtual: bool
    number: int | None
    spans: tuple[Span, ...]
    paragraphs: tuple[ParaRef | None, ...]
