"""Chaining list items found one at a time into runs (a helper of citations and committees).

A list of resolutions (第1267(1999)号、第1989(2011)号和第2253(2015)号决议) is
found item by item, each match bounded, and chained in code where the text
between two items joins them.  One regex ``ITEM(?:JOIN ITEM)*`` would
backtrack through every item at every start of a long list that nothing
closes: quadratic.  One pass here: linear in the number of items.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator


def runs(
    items: Iterable[re.Match],
    joined: Callable[[re.Match, re.Match], bool],
    skip: Callable[[re.Match], bool] | None = None,
) -> Iterator[list[re.Match]]:
    """``items`` grouped into maximal runs where ``joined(prev, item)`` holds.

    An item for which ``skip`` holds is dropped and ends the run before it.
    """
    run: list[re.Match] = []
    for m in items:
        if skip is not None and skip(m):
            if run:
                yield run
            run = []
            continue
        if run and not joined(run[-1], m):
            yield run
            run = []
        run.append(m)
    if run:
        yield run
