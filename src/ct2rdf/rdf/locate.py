"""Where a node of the graph comes from: its source file and character offsets.

A validation result names a focus node by IRI; a user needs the file and the
place in it.  The graph has them: a fact's passage (``prov:wasDerivedFrom``,
or an annotation's ``oa:hasTarget``) is an ``oa:SpecificResource`` whose
``oa:hasSource`` carries ``ct:sourceFile`` and whose position selector has
``oa:start``/``oa:end``.  The source is the ``eli:LegalExpression`` in graphs
of contract v1 and an ``eli:Format`` that ``eli:embodies`` the expression in
v2; both are read.  Documents, paragraphs and other nodes without a passage
of their own are found through the graph (the expression that realizes the
document, the document a paragraph is part of, the paragraph that confers a
task, the first place a cited document or a body is cited or mentioned).
The graph is an rdflib Graph or a :class:`TripleIndex` over N-Triples text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from .namespace import CT, ELI, OA


@dataclass(frozen=True, order=True)
class Location:
    """A source file and, when known, the code-point span in it (end exclusive)."""

    file: str
    start: int | None = None
    end: int | None = None

    def __str__(self) -> str:
        if self.start is None:
            return self.file
        return f"{self.file}, characters {self.start}-{self.end}"


def source_file(g: Graph | TripleIndex, source) -> str | None:
    """The file name of a passage's ``oa:hasSource``: v1 expression or v2 format node."""
    name = g.value(source, CT.sourceFile)
    if name is None:  # v1 layout seen from the expression, v2 from the format
        for fmt in g.subjects(ELI.embodies, source):
            name = g.value(fmt, CT.sourceFile)
            if name is not None:
                break
    return None if name is None else str(name)


def passage(g: Graph | TripleIndex, sr) -> Location | None:
    """The location of an ``oa:SpecificResource``."""
    source = g.value(sr, OA.hasSource)
    name = source_file(g, source) if source is not None else None
    if name is None:
        return None
    for sel in g.objects(sr, OA.hasSelector):
        start, end = g.value(sel, OA.start), g.value(sel, OA.end)
        if start is not None:
            return Location(name, int(start), int(end) if end is not None else None)
    return Location(name)


def locate(g: Graph | TripleIndex, node) -> Location | None:
    """Where ``node`` comes from, or None (unknown, or reference data never mentioned)."""
    return _locate(g, node, depth=0)


def _first(locations) -> Location | None:
    found = [loc for loc in locations if loc is not None]
    return min(found) if found else None


def _locate(g: Graph | TripleIndex, node, depth: int) -> Location | None:
    if not isinstance(node, URIRef) or depth > 4:
        return None
    # a passage, or a selector of one
    if (node, RDF.type, OA.SpecificResource) in g or (node, OA.hasSource, None) in g:
        return passage(g, node)
    for sr in g.subjects(OA.hasSelector, node):
        return passage(g, sr)
    # a fact with its own passage, or an annotation's target
    own = _first(passage(g, sr) for p in (PROV.wasDerivedFrom, OA.hasTarget) for sr in g.objects(node, p))
    if own is not None:
        return own
    # a source file or expression: the file itself
    name = source_file(g, node)
    if name is not None:
        return Location(name)
    # a document read from a file
    for expr in g.subjects(ELI.realizes, node):
        name = source_file(g, expr)
        if name is not None:
            return Location(name)
    # an expression embodied by nothing with a file: its document's
    for parent_property in (ELI.realizes, ELI.embodies, ELI.is_part_of, DCTERMS.isPartOf, CT.conferredBy):
        for parent in g.objects(node, parent_property):
            found = _locate(g, parent, depth + 1)
            if found is not None:
                return found
    # a cited document: the first place it is cited or mentioned
    return _first(
        passage(g, sr) for ann in g.subjects(OA.hasBody, node) for sr in g.objects(ann, OA.hasTarget)
    )


def cited_in(g: Graph | TripleIndex, document, value) -> Location | None:
    """Where the input ``document`` cites ``value`` (a node, or the symbol of one), if it does."""
    home = locate(g, document)
    if home is None:
        return None
    targets = [value] if isinstance(value, URIRef) else list(g.subjects(DCTERMS.identifier, value))
    return _first(
        loc
        for t in targets
        for ann in g.subjects(OA.hasBody, t)
        for sr in g.objects(ann, OA.hasTarget)
        if (loc := passage(g, sr)) is not None and loc.file == home.file
    )


class TripleIndex:
    """The part of rdflib's Graph API that :func:`locate` reads, over RDF text parsed by Oxigraph.

    A worker's findings are located in its document's graph, which it holds
    as N-Triples text: indexing the text takes a tenth of the time rdflib's
    parser needs, and only the few terms returned become rdflib terms.
    """

    def __init__(self, data: str, fmt: str = "ntriples"):
        import pyoxigraph as ox

        formats = {"ntriples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
                   "turtle": ox.RdfFormat.TURTLE}
        self._out: dict[tuple, list] = defaultdict(list)  # (subject, predicate) → objects
        self._in: dict[tuple, list] = defaultdict(list)  # (predicate, object) → subjects
        for t in ox.parse(data, format=formats[fmt]):
            s, p, o = _ox_key(t.subject), t.predicate.value, t.object
            self._out[s, p].append(o)
            self._in[p, _ox_key(o)].append(t.subject)

    def objects(self, s, p):
        return (_rdflib(o) for o in self._out.get((_key(s), str(p)), ()))

    def subjects(self, p, o):
        return (_rdflib(s) for s in self._in.get((str(p), _key(o)), ()))

    def value(self, s, p):
        return next(self.objects(s, p), None)

    def __contains__(self, triple) -> bool:
        s, p, o = triple
        if o is None:
            return (_key(s), str(p)) in self._out
        return _key(o) in {_ox_key(x) for x in self._out.get((_key(s), str(p)), ())}


def _key(term) -> tuple:
    """A term's identity, the same for an rdflib term and its Oxigraph twin."""
    if isinstance(term, Literal):
        kind = f"@{term.language}" if term.language else str(term.datatype or XSD.string)
        return ("literal", str(term), kind)
    return ("blank" if isinstance(term, BNode) else "iri", str(term))


def _ox_key(term) -> tuple:
    import pyoxigraph as ox

    if isinstance(term, ox.Literal):
        return ("literal", term.value, f"@{term.language}" if term.language else term.datatype.value)
    return ("blank" if isinstance(term, ox.BlankNode) else "iri", term.value)


def _rdflib(term):
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))
