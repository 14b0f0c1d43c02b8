"""The operative verb of each paragraph: its leading action.

决定, 指示, 请, 鼓励… as concepts of ``ct:ActionVerbs``.  Modifiers (又, 还,
再次, 特别, 并) are stripped; a compound (欢迎并鼓励) keeps its first verb and
the whole phrase.  A statement's paragraphs open with “安全理事会, which is
skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Doc, ParaRef, Span
from .clauses import clauses


@dataclass(frozen=True)
class VerbUse:
    """The leading action of one paragraph."""

    paragraph: ParaRef
    slug: str
    phrase: str
    span: Span


def extract(doc: Doc) -> list[VerbUse]:
    """One VerbUse per paragraph whose first clause opens with a known verb."""
    out = []
    for p in doc.structure.paragraphs:
        first = clauses(doc, p)[0]
        if first.verb is not None:
            out.append(VerbUse(p.ref, first.verb.slug, first.phrase, first.verb_span))
    return out
