"""The ontology, the Python namespace and the graph agree.

``ct2rdf.rdf.namespace.CT`` must declare exactly the terms of ontology/ct.ttl, and
every ct: term the seed graph uses must be declared there, with labels in zh
and en and a comment; properties also with domain or range.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from conftest import ROOT
from ct2rdf.rdf.namespace import CT, PREFIXES

NS = str(CT)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    g = Graph()
    g.parse(ROOT / "ontology" / "ct.ttl", format="turtle")
    return g


def declared(g: Graph) -> set[str]:
    return {str(s)[len(NS):] for s in g.subjects(RDF.type, None) if str(s).startswith(NS) and str(s) != NS}


def test_ontology_header(ontology):
    onto = URIRef(NS)
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionInfo) is not None
    assert not list(ontology.objects(onto, OWL.imports)), "no owl:imports: nothing may be fetched"


def test_namespace_matches_ontology(ontology):
    in_python = set(CT.__annotations__)
    assert in_python == declared(ontology), (
        f"only in namespace.py: {sorted(in_python - declared(ontology))}; "
        f"only in ct.ttl: {sorted(declared(ontology) - in_python)}"
    )


def test_unknown_term_fails():
    with pytest.raises(AttributeError):
        CT.adoptedOn  # noqa: B018  (a misspelling must not mint a new IRI)


@pytest.mark.parametrize("term", sorted(CT.__annotations__))
def test_term_documented(ontology, term):
    node = URIRef(NS + term)
    labels = {lit.language for lit in ontology.objects(node, RDFS.label)} | {
        lit.language for lit in ontology.objects(node, SKOS.prefLabel)
    }
    assert {"zh", "en"} <= labels, f"{term}: labels in zh and en"
    assert {lit.language for lit in ontology.objects(node, RDFS.comment)} >= {"zh", "en"}
    if (node, RDF.type, OWL.ObjectProperty) in ontology or (node, RDF.type, OWL.DatatypeProperty) in ontology:
        assert ontology.value(node, RDFS.domain) is not None, f"{term}: rdfs:domain"
        assert ontology.value(node, RDFS.range) is not None, f"{term}: rdfs:range"


def test_graph_uses_only_declared_terms(seed_build, ontology):
    used = set()
    for _, p, o in seed_build.graph:
        for t in (p, o if p == RDF.type else None):
            if t is not None and str(t).startswith(NS):
                used.add(str(t)[len(NS):])
    assert used <= declared(ontology), sorted(used - declared(ontology))


def test_output_has_every_contract_prefix():
    for prefix in ("ct", "eli", "cito", "oa", "dcterms", "skos", "org", "prov", "xsd", "rdfs", "owl"):
        assert prefix in PREFIXES


ELI_NS = "http://data.europa.eu/eli/ontology#"
OA_NS = "http://www.w3.org/ns/oa#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
PROV_NS = "http://www.w3.org/ns/prov#"

# (term, domain, range): where graph contract v2 puts each term
V2_TERMS = [
    ("sourceFile", ELI_NS + "Format", XSD_NS + "string"),  # the input file's path, on the eli:Format
    ("sha256", ELI_NS + "Format", XSD_NS + "string"),  # its digest
    ("encoding", ELI_NS + "Format", XSD_NS + "string"),  # its encoding
    ("normalizedText", OA_NS + "SpecificResource", XSD_NS + "string"),  # the cleaned passage beside oa:exact
    ("inParagraph", OA_NS + "Annotation", NS + "Paragraph"),  # an occurrence's paragraph
    ("toolVersion", PROV_NS + "SoftwareAgent", XSD_NS + "string"),  # the software agent's version
]


@pytest.mark.parametrize("term,domain,range_", V2_TERMS, ids=[t for t, _, _ in V2_TERMS])
def test_v2_terms(ontology, term, domain, range_):
    node = URIRef(NS + term)
    assert str(ontology.value(node, RDFS.domain)) == domain
    assert str(ontology.value(node, RDFS.range)) == range_
