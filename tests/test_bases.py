"""--base moves the corpus's own nodes, never the reference entities.

Bodies, verb concepts (and theme concepts) are shared reference data: graphs
built with different bases must name them alike so they merge in a store.
"""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from conftest import SEEDS
from ct2rdf.build import build
from ct2rdf.rdf.namespace import CT

REF = "https://w3id.org/ct2rdf/id/"
BASES = ["https://w3id.org/ct2rdf/id/", "https://example.org/un/"]


@pytest.fixture(scope="module", params=BASES, ids=["default-base", "other-base"])
def built(request):
    return request.param, build([SEEDS], base=request.param, check=False).graph


# (reference entity, its type): the same IRI whatever the base
REFERENCE = [
    ("org/CTED", CT.Body),  # a body from the gazetteer
    ("org/SC", CT.Body),  # the issuer of every S/RES and S/PRST
    ("verb/decides", SKOS.Concept),  # an operative verb concept
]


@pytest.mark.parametrize("path,cls", REFERENCE, ids=[p for p, _ in REFERENCE])
def test_reference_entities_ignore_the_base(built, path, cls):
    _, g = built
    assert (URIRef(REF + path), RDF.type, cls) in g


def test_documents_move_with_the_base(built):
    base, g = built
    assert (URIRef(base + "S/RES/2129(2013)"), RDF.type, CT.Resolution) in g


def test_no_body_or_concept_under_another_base(built):
    _, g = built
    for cls in (CT.Body, SKOS.Concept):
        for node in g.subjects(RDF.type, cls):
            assert str(node).startswith(REF) or str(node).startswith(str(CT)), node
