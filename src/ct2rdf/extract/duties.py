"""Shared helpers for the mandate, directive and reporting-duty extractors."""

from __future__ import annotations

from collections.abc import Iterator

from ..clauses import Clause, clauses
from ..model import Doc, Paragraph, Span
from .bodies import Mention, mentions


def operative_clauses(doc: Doc) -> Iterator[tuple[Paragraph, Clause]]:
    """Every clause of every operative paragraph (numbered paragraphs of a resolution)."""
    for p in doc.structure.paragraphs:
        if p.ref.kind == "op":
            for c in clauses(doc, p):
                yield p, c


def bodies_in(doc: Doc, a: int, b: int) -> list[Mention]:
    """Body mentions inside ``[a, b)``, in text order."""
    return [m for m in mentions(doc) if a <= m.span.start and m.span.end <= b]


def body_at(doc: Doc, a: int, b: int) -> Mention | None:
    """The first body mention inside ``[a, b)``."""
    found = bodies_in(doc, a, b)
    return found[0] if found else None


def clause_text(doc: Doc, c: Clause) -> tuple[str, int]:
    """The clause's text and its offset in the normalized text."""
    return doc.text[c.span.start : c.span.end], c.span.start


def span_of(base: int, m, group: int | str = 0) -> Span:
    return Span(base + m.start(group), base + m.end(group))
