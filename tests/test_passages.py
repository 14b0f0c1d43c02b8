"""Normalized spans map back to contiguous source pieces that hold their passage only.

A PDF page break may put the page's footnotes and URL lines in the middle of a
paragraph; the paragraph's span is then two passages, one per side of the
interruption.  Line breaks, page furniture and deleted footnote markers are
part of the passage they sit in.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from ct2rdf.text.normalize import normalize

# (source, the source pieces of the first block, as text)
PIECES = [
    # a paragraph in one piece: its line break stays inside the quote
    (" 安全理事会谴责恐怖主义，无论是何\n\n人所为。 ", ["安全理事会谴责恐怖主义，无论是何\n\n人所为。"]),
    # a run of URL lines inside a paragraph cuts it in two
    (" 安理会回顾第 1373(2001)号决议，\n\nhttps://undocs.org/ch/S/RES/1373(2001)\n"
     "https://undocs.org/ch/S/RES/1373(2001)\n 并强调合作。 ",
     ["安理会回顾第 1373(2001)号决议，", "并强调合作。"]),
    # layout: the page's footnotes between the two halves of a word (国 / 际)
    (" 安理会在决议1 中触及议题，包括执法、国\n\n__________ \n\n 1 包括第 1624(2005)、\n\n"
     "2354(2017)号决议。 \n\n际合作和打击资助恐怖主义行为。 \n\n 2. 决定继续处理此案。 ",
     ["安理会在决议1 中触及议题，包括执法、国", "际合作和打击资助恐怖主义行为。"]),
    # a footnote marker deleted from the text stays inside the quote (决议1 中)
    (" 安理会在若干关键决议1 中触及议题。 \n\n__________ \n\n 1 包括第 1624(2005)号决议。 ",
     ["安理会在若干关键决议1 中触及议题。"]),
    # page furniture inside a word (job number, running head) stays inside the quote
    (" 安全理事会请反恐执\n\n2/3 17-23196\n\nS/RES/2395 (2017)\n\n行局继续工作。 \n\n 2. 决定继续。 ",
     ["安全理事会请反恐执\n\n2/3 17-23196\n\nS/RES/2395 (2017)\n\n行局继续工作。"]),
]


@pytest.mark.parametrize("source,expected", PIECES, ids=["one-piece", "url-lines", "footnotes", "marker",
                                                          "furniture"])
def test_source_pieces(source, expected):
    norm = normalize(source)
    block = norm.blocks[0]
    pieces = norm.source_pieces(block.start, block.end)
    assert [source[s:e] for _, _, s, e in pieces] == expected
    # the pieces tile the normalized span, in order
    assert pieces[0][0] == block.start and pieces[-1][1] == block.end
    assert all(a[1] == b[0] for a, b in pairwise(pieces))


def test_a_span_inside_one_piece_is_one_piece():
    source = PIECES[1][0]
    norm = normalize(source)
    start = norm.text.index("并强调")
    assert [source[s:e] for _, _, s, e in norm.source_pieces(start, start + 3)] == ["并强调"]
