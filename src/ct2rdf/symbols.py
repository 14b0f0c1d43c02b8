"""UN document symbols: parsing, the official printed form, and the IRI path.

The official form keeps the space before a resolution's year
(``S/RES/2129 (2013)``); the IRI path drops it, as undocs.org does
(``S/RES/2129(2013)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P

_SYMBOL_FULL_RE = re.compile(r"^(?:" + P.SYMBOL[len(r"(?<![A-Za-z0-9/])") :] + r")$")


# Symbol series the graph holds (shape S01 says the same).
_MODELLED = ("S/", "A/", "E/", "SC/", "GA/")


@dataclass(frozen=True, order=True)
class Symbol:
    """A document symbol in its official printed form."""

    text: str

    @property
    def path(self) -> str:
        """The IRI path: the symbol without spaces."""
        return self.text.replace(" ", "")

    @property
    def kind(self) -> str:
        """``resolution``, ``prst`` or ``document``."""
        if self.text.startswith(("S/RES/", "A/RES/")):
            return "resolution"
        if self.text.startswith("S/PRST/"):
            return "prst"
        return "document"

    @property
    def modelled(self) -> bool:
        """Whether the graph holds documents of this series: the Council's and
        the Assembly's (S/…, A/…), the Economic and Social Council's (E/RES/…,
        E/CN.4/RES/…) and press releases (SC/7158, GA/…), the series shape S01
        admits.  Anything else a pattern recognizes is not cited."""
        return self.text.startswith(_MODELLED)

    @property
    def issuer(self) -> str | None:
        """The gazetteer key of the issuing body, where the symbol tells."""
        if self.text.startswith(("S/RES/", "S/PRST/")):
            return "SC"
        if self.text.startswith("A/RES/"):
            return "GA"
        return None

    @property
    def year(self) -> int | None:
        """The year printed in the symbol (S/RES/1373 (2001), S/PRST/2012/17, S/2015/939)."""
        m = re.search(r"\((\d{4})\)$|^S/(?:PRST/)?(\d{4})/", self.text)
        return int(m.group(1) or m.group(2)) if m else None

    def __str__(self) -> str:
        return self.text


def sc_resolution(number: int, year: int | None) -> Symbol:
    """``S/RES/1373 (2001)``; ``S/RES/2122`` when the year is unknown."""
    return Symbol(f"S/RES/{number} ({year})" if year else f"S/RES/{number}")


def prst(year: int, number: int) -> Symbol:
    """``S/PRST/2012/17``."""
    return Symbol(f"S/PRST/{year}/{number}")


def ga_resolution(session: int, number: int) -> Symbol:
    """``A/RES/60/288``."""
    return Symbol(f"A/RES/{session}/{number}")


def ga_resolution_roman(number: int, session: str) -> Symbol:
    """``A/RES/2625(XXV)``: the first thirty sessions numbered resolutions this way."""
    return Symbol(f"A/RES/{number}({session.upper()})")


def hrc_resolution(session: int, number: int) -> Symbol:
    """``A/HRC/RES/35/21``: a Human Rights Council resolution (not the Assembly's)."""
    return Symbol(f"A/HRC/RES/{session}/{number}")


def ecosoc_resolution(year: int, number: int) -> Symbol:
    """``E/RES/2004/28``: an Economic and Social Council resolution."""
    return Symbol(f"E/RES/{year}/{number}")


def chr_resolution(year: int, number: int) -> Symbol:
    """``E/CN.4/RES/2004/87``: a resolution of the Commission on Human Rights (to 2006)."""
    return Symbol(f"E/CN.4/RES/{year}/{number}")


def from_match(m: re.Match) -> Symbol:
    """Build a symbol from a :data:`ct2rdf.patterns.SYMBOL_RE` match."""
    g = m.groupdict()
    if g.get("other") or g.get("old") or g.get("press"):
        return Symbol(g["other"] or g["old"] or g["press"])
    if g.get("res_num"):
        return sc_resolution(int(g["res_num"]), int(g["res_year"]) if g.get("res_year") else None)
    if g.get("prst_num"):
        return prst(int(g["prst_year"]), int(g["prst_num"]))
    if g.get("ga_num"):
        return ga_resolution(int(g["ga_session"]), int(g["ga_num"]))
    if g.get("gar_num"):
        return ga_resolution_roman(int(g["gar_num"]), g["gar_session"])
    suffix = "".join(  # /ADD.1 → /Add.1
        f"/{part.split('.')[0].capitalize()}.{part.split('.')[1]}"
        for part in (g.get("doc_suffix") or "").split("/") if part
    )
    return Symbol(f"{g['doc_organ']}/{g['doc_series']}/{int(g['doc_num'])}{suffix}")


def parse(text: str) -> Symbol | None:
    """Parse a symbol written as in a catalog, a header line or a URL path.

    >>> parse("S/RES/2129 (2013)"), parse("s/prst/2012/17")
    (Symbol(text='S/RES/2129 (2013)'), Symbol(text='S/PRST/2012/17'))
    """
    compact = "".join(text.split()).upper()
    m = _SYMBOL_FULL_RE.match(compact)
    return from_match(m) if m else None
