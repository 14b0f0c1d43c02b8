"""Content negotiation: the media type to answer with, from a request's Accept header.

The endpoint answers SELECT and ASK in the four SPARQL 1.1 results formats and
CONSTRUCT and DESCRIBE in Turtle, N-Triples, JSON-LD or RDF/XML; the first
of each list is the default (``Accept: */*`` or none).  Common aliases
(``application/json``, ``text/xml``, ``text/plain``) are answered in the
format they stand for, under its proper media type.
"""

from __future__ import annotations

# (media range a client may ask for, media type answered); the first is the default.
RESULTS = (
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv; charset=utf-8"),
    ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
    ("application/json", "application/sparql-results+json"),
    ("application/xml", "application/sparql-results+xml"),
    ("text/xml", "application/sparql-results+xml"),
)
GRAPHS = (
    ("text/turtle", "text/turtle"),
    ("application/n-triples", "application/n-triples"),
    ("application/ld+json", "application/ld+json"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("application/x-turtle", "text/turtle"),
    ("text/plain", "application/n-triples"),
    ("application/json", "application/ld+json"),
)
HTML = ("text/html", "text/html; charset=utf-8")


def offers_for(form: str | None) -> tuple[tuple[str, str], ...]:
    """What a query of ``form`` (SELECT, ASK, CONSTRUCT, DESCRIBE) can be answered in."""
    return GRAPHS if form in ("CONSTRUCT", "DESCRIBE") else RESULTS


def choose(accept: str | None, offers: tuple[tuple[str, str], ...]) -> str | None:
    """The answered media type of the offer ``accept`` likes best; None when it likes none.

    Each offer gets the q-value of the most specific media range matching it
    (``type/sub`` over ``type/*`` over ``*/*``); ties go to the earlier offer.
    """
    if not accept or not accept.strip():
        return offers[0][1]
    ranges = parse_accept(accept)
    best, best_q = None, 0.0
    for offered, answered in offers:
        q = _quality(offered, ranges)
        if q > best_q:
            best, best_q = answered, q
    return best


def parse_accept(accept: str) -> list[tuple[str, float]]:
    """``[(media range, q)]`` of an Accept header, lower-cased; malformed q-values count as 1."""
    ranges = []
    for item in accept.split(","):
        media, *params = (part.strip() for part in item.split(";"))
        if "/" not in media:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 1.0
        ranges.append((media.lower(), q))
    return ranges


def _quality(offered: str, ranges: list[tuple[str, float]]) -> float:
    kind = offered.split("/")[0]
    best_rank, best_q = -1, 0.0
    for media, q in ranges:
        rank = 2 if media == offered else 1 if media == f"{kind}/*" else 0 if media == "*/*" else -1
        if rank > best_rank:
            best_rank, best_q = rank, q
    return best_q


def supported(offers: tuple[tuple[str, str], ...]) -> str:
    """The media types of ``offers``, for a 406 message."""
    return ", ".join(dict.fromkeys(answered.split(";")[0] for _, answered in offers))
