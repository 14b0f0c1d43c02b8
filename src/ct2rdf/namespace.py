"""Namespaces, defined once.

``CT`` mirrors ``ontology/ct.ttl`` term for term (a test checks both ways);
with ``_fail = True`` a misspelt term is an AttributeError at import time, not
a silent new IRI in the graph.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

ELI = Namespace("http://data.europa.eu/eli/ontology#")
CITO = Namespace("http://purl.org/spar/cito/")
OA = Namespace("http://www.w3.org/ns/oa#")

DEFAULT_BASE = "https://w3id.org/ct2rdf/id/"


class CT(DefinedNamespace):
    """The ct2rdf ontology, ``https://w3id.org/ct2rdf/ontology#``."""

    _fail = True
    _NS = Namespace("https://w3id.org/ct2rdf/ontology#")

    # classes
    Document: URIRef
    Resolution: URIRef
    PresidentialStatement: URIRef
    Letter: URIRef
    Annex: URIRef
    Meeting: URIRef
    Paragraph: URIRef
    PreambularParagraph: URIRef
    OperativeParagraph: URIRef
    Body: URIRef
    Mandate: URIRef
    Directive: URIRef
    ReportingDuty: URIRef
    # concept schemes and concepts
    ActionVerbs: URIRef
    MandateKinds: URIRef
    SpecialPoliticalMission: URIRef
    # documents
    issuedBy: URIRef
    adoptedAt: URIRef
    agendaItem: URIRef
    sender: URIRef
    recipient: URIRef
    addressedTo: URIRef
    signatory: URIRef
    signatoryTitle: URIRef
    sourceFile: URIRef
    sha256: URIRef
    encoding: URIRef
    traditionalScript: URIRef
    # meetings
    meetingNumber: URIRef
    startTime: URIRef
    virtual: URIRef
    describedIn: URIRef
    # paragraphs
    number: URIRef
    operativeVerb: URIRef
    verbPhrase: URIRef
    mentions: URIRef
    # bodies
    establishedBy: URIRef
    # mandates, directives, reporting duties
    holder: URIRef
    conferredBy: URIRef
    startDate: URIRef
    endDate: URIRef
    reviewDate: URIRef
    underGuidanceOf: URIRef
    mandateKind: URIRef
    renews: URIRef
    addressee: URIRef
    dueDate: URIRef
    concerns: URIRef
    reportsTo: URIRef
    frequency: URIRef
    # provenance
    normalizedText: URIRef
    # the run
    toolVersion: URIRef


# Prefixes written at the top of every Turtle file, in this order.
PREFIXES: dict[str, str] = {
    "ct": str(CT),
    "eli": str(ELI),
    "cito": str(CITO),
    "oa": str(OA),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "org": str(ORG),
    "prov": str(PROV),
    "xsd": str(XSD),
    "rdfs": str(RDFS),
    "rdf": str(RDF),
    "owl": str(OWL),
}
