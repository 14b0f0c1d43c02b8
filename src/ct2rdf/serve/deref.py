"""Dereferenceable IRIs: GET a path under the served base, get what the graph says about it.

``/S/RES/2129(2013)`` (or the base's own path, ``/ct2rdf/id/S/RES/2129(2013)``,
as a proxy behind w3id.org would send it) describes
``https://w3id.org/ct2rdf/id/S/RES/2129(2013)``: every triple it is the
subject of and the first :data:`INCOMING` triples pointing at it (a
document's paragraphs, a body's mentions).  Turtle by default, HTML for a
browser, N-Triples, JSON-LD or RDF/XML on request.  The IRI is bound into the
query as a term, never pasted into its text.
"""

from __future__ import annotations

import html
from urllib.parse import quote, unquote, urlsplit

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from .negotiate import GRAPHS, HTML, choose, supported
from .protocol import error, run
from .worker import PREFIXES

INCOMING = 1000
DESCRIBE = ("CONSTRUCT { ?x ?p ?o . ?s ?q ?x } WHERE { { ?x ?p ?o } UNION "
            f"{{ SELECT ?s ?q ?x WHERE {{ ?s ?q ?x }} LIMIT {INCOMING} }} }}")
OFFERS = (GRAPHS[0], HTML, *GRAPHS[1:])
LABELS = ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel")
# What rdf/graph.py leaves unescaped in the path of an IRI it mints.
IRI_SAFE = "/().-_~"


def iri_of(request: Request, base: str) -> str | None:
    """The IRI a request path names under ``base``; None when it is not a valid IRI."""
    raw = request.scope.get("raw_path") or request.url.path.encode()
    path = canonical(raw.split(b"?")[0].decode("latin-1"))
    base_path = urlsplit(base).path or "/"
    relative = path[len(base_path):] if path.startswith(base_path) else path.lstrip("/")
    try:
        return ox.NamedNode(base + relative).value
    except ValueError:
        return None


def canonical(path: str) -> str:
    """``path`` escaped as ct2rdf writes IRIs: all but ``( ) / . - _ ~`` and ASCII letters and digits.

    Clients differ: ``/S/RES/2129%282013%29`` (Python's ``quote``) and
    ``/S/RES/2129(2013)`` (browsers, curl) name the same IRI; so do a
    Chinese path as typed and as a browser escapes it.
    """
    return quote(unquote(path), safe=IRI_SAFE)


async def describe(request: Request) -> Response:
    """What the served graphs say about the IRI of this path."""
    service = request.app.state.service
    iri = iri_of(request, service.settings.base)
    if iri is None:
        return error(404, "this path is not an IRI of the served graphs")
    media = choose(request.headers.get("accept"), OFFERS)
    if media is None:
        return error(406, f"no media type in the Accept header can carry the answer; "
                          f"descriptions are written as {supported(OFFERS)}")
    # the result limit leaves room for the incoming links the query caps itself
    job = {"query": DESCRIBE, "bind": {"x": iri}, "limit": service.settings.max_results + INCOMING,
           "format": "application/n-triples" if media == HTML[1] else media,
           "empty": f"the served graphs say nothing about <{iri}>"}
    answer = await run(service, job, request)
    if media != HTML[1] or answer.status_code != 200:
        return answer
    triples = list(ox.parse(answer.body, format=ox.RdfFormat.N_TRIPLES))
    return HTMLResponse(page(iri, triples, service.settings.base), headers={"Vary": "Accept"})


def page(iri: str, triples: list, base: str) -> str:
    """An HTML page listing what ``triples`` say about ``iri``: its properties, then who points at it."""
    labels = {t.object.language: t.object.value for t in triples
              if t.subject.value == iri and t.predicate.value in LABELS and isinstance(t.object, ox.Literal)}
    title = labels.get("en") or labels.get("zh") or iri
    outgoing = sorted((t for t in triples if t.subject.value == iri),
                      key=lambda t: (t.predicate.value, str(t.object)))
    incoming = sorted((t for t in triples if t.subject.value != iri),
                      key=lambda t: (t.predicate.value, str(t.subject)))
    rows = "".join(f"<tr><td>{term(t.predicate, base)}</td><td>{term(t.object, base)}</td></tr>"
                   for t in outgoing)
    back = "".join(f"<tr><td>{term(t.subject, base)}</td><td>{term(t.predicate, base)}</td></tr>"
                   for t in incoming)
    more = f"<p>The first {INCOMING} shown.</p>" if len(incoming) >= INCOMING else ""
    turtle = "/sparql?query=" + quote(DESCRIBE.replace("?x", f"<{iri}>"), safe="")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/style.css"></head>
<body><header><a href="/">ct2rdf</a> · <a href="/void">dataset</a></header>
<main><h1>{html.escape(title)}</h1><p class="iri"><code>{html.escape(iri)}</code> ·
<a href="{html.escape(turtle)}">Turtle</a></p>
<table class="describe"><thead><tr><th>property</th><th>value</th></tr></thead><tbody>{rows}</tbody></table>
<h2>Pointing here</h2>{more}
<table class="describe"><thead><tr><th>from</th><th>property</th></tr></thead><tbody>{back}</tbody></table>
</main></body></html>
"""


def term(node, base: str) -> str:
    """One term as HTML: IRIs as links (local for those under ``base``), literals with language or type."""
    if isinstance(node, ox.NamedNode):
        href = "/" + node.value[len(base):] if node.value.startswith(base) else node.value
        return f'<a href="{html.escape(href)}">{html.escape(curie(node.value))}</a>'
    if isinstance(node, ox.Literal):
        tag = f"@{node.language}" if node.language else "" if node.datatype.value.endswith("#string") \
            else f"^^{curie(node.datatype.value)}"
        return html.escape(node.value) + (f'<span class="tag">{html.escape(tag)}</span>' if tag else "")
    return html.escape(str(node))


def curie(iri: str) -> str:
    """``ct:holder`` for ``https://w3id.org/ct2rdf/ontology#holder``; other IRIs as they are."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and iri != namespace:
            return f"{prefix}:{iri[len(namespace):]}"
    return iri
