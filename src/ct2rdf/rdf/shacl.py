"""The shapes checker used per document and on the summary graph (stand-in: pyshacl)."""

from __future__ import annotations

from functools import lru_cache


class Checker:
    """Loads the shapes once; :meth:`check` validates N-Triples text."""

    def check(self, data: str) -> tuple:
        from rdflib import Graph

        from .validate import validate

        g = Graph().parse(data=data, format="nt")
        return validate(g).violations


@lru_cache(maxsize=1)
def checker() -> Checker:
    """This process's checker."""
    return Checker()
