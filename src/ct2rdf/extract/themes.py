"""What each paragraph is about: the themes of ``data/themes.toml``.

A paragraph carries a theme where its text holds one of the theme's trigger
terms (``skos:hiddenLabel``) as whole words: jieba (``HMM=False``, the
gazetteer's names and every trigger as its user dictionary, see
:func:`.bodies.boundaries`) must put a word boundary at both ends of the
trigger.  So 核 counts in 运送核、化学、生物…材料 but not inside 核心 or
核可; 宗教 not inside 宗教领袖 (a trigger of civil society); 制裁 not inside
分析支助和制裁监测组, a body's name, because the name is one word of the
dictionary: a body named is not a theme discussed.  Where triggers overlap,
the leftmost, then the longest whole one wins, and the search goes on after it.

Every trigger found is a tag, with its span: a paragraph that names a theme
three times has three, each the provenance of ``dcterms:subject``.

**Negated and quoted mentions count.**  A theme is what a paragraph talks
about, and a paragraph that rules something out talks about it:
不能也不应将恐怖主义与任何宗教、国籍或文明相联系 states the principle of
intercultural-dialogue (宗教, 文明), and 不得向恐怖分子支付赎金 is about
kidnapping for ransom.  A title or a quoted term counts too: 《制止向恐怖主义
提供资助的国际公约》 names the convention on financing, 下称“外国恐怖主义战斗人员”
defines the term the paragraph is about.  No trigger is a word whose meaning a
negation would reverse (no 支持 or 反对), so counting negated mentions never
tags the opposite theme.

Only paragraphs are read: headers, the page's furniture and footnotes outside
a paragraph carry no theme.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Doc, ParaRef, Span
from ..reference import themes
from .bodies import boundaries


@dataclass(frozen=True)
class ThemeTag:
    """A paragraph's theme, from the trigger term at ``span``."""

    key: str
    span: Span
    paragraph: ParaRef
    text: str


def extract(doc: Doc) -> list[ThemeTag]:
    """Every trigger of every theme found as whole words in ``doc``'s paragraphs, in text order."""
    scheme = themes()
    table, keys = scheme.by_first_char, scheme.by_trigger
    text = doc.text
    bounds = None  # segmenting is paid for only by a text holding a trigger
    out = []
    for p in doc.structure.paragraphs:
        i, end = p.span.start, p.span.end
        while i < end:
            found = None
            for t in table.get(text[i], ()):
                j = i + len(t)
                if j <= end and text.startswith(t, i):
                    if bounds is None:
                        bounds = boundaries(doc)
                    if i in bounds and j in bounds:
                        found = t
                        break
            if found is None:
                i += 1
                continue
            out.append(ThemeTag(keys[found], Span(i, i + len(found)), p.ref, found))
            i += len(found)
    return out


def subjects(tags) -> dict[ParaRef, tuple[str, ...]]:
    """Each tagged paragraph's themes (sorted keys, each once)."""
    out: dict[ParaRef, set[str]] = {}
    for t in tags:
        out.setdefault(t.paragraph, set()).add(t.key)
    return {p: tuple(sorted(keys)) for p, keys in out.items()}
