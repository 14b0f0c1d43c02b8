"""Namespaces, defined once.

``CT`` mirrors ``ontology/ct.ttl`` term for term (a test checks both ways).
``ELI``, ``OA`` and ``CITO`` declare the terms of those vocabularies that
ct2rdf uses or may reasonably use; tests/test_namespaces.py checks each against
the vocabulary's published term list (shipped under tests/vocab/).  With
``_fail = True`` a misspelt term is an AttributeError when it is used, not a
silent new IRI in the graph.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from ..bases import DEFAULT_BASE, REFERENCE_BASE  # noqa: F401  (re-exported)

# The EU language authority's Chinese (eli:language), and the IANA media type
# of the input files (eli:format).
LANGUAGE_ZHO = URIRef("http://publications.europa.eu/resource/authority/language/ZHO")
MEDIA_TYPE_TEXT = URIRef("http://www.iana.org/assignments/media-types/text/plain")
# undocs.org resolves a symbol (spaces removed) to the document in a language.
UNDOCS = "https://undocs.org/zh/"


class ELI(DefinedNamespace):
    """European Legislation Identifier ontology (FRBR levels, dates, subdivisions)."""

    _fail = True
    _NS = Namespace("http://data.europa.eu/eli/ontology#")

    LegalResource: URIRef
    LegalExpression: URIRef
    Format: URIRef
    LegalResourceSubdivision: URIRef
    realizes: URIRef
    is_realized_by: URIRef
    embodies: URIRef
    is_embodied_by: URIRef
    is_exemplified_by: URIRef
    format: URIRef
    language: URIRef
    title: URIRef
    title_short: URIRef
    date_document: URIRef
    date_publication: URIRef
    number: URIRef
    id_local: URIRef
    type_document: URIRef
    is_part_of: URIRef
    has_part: URIRef
    cites: URIRef
    cited_by: URIRef
    passed_by: URIRef
    is_about: URIRef


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary: annotations, specific resources, selectors."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    Annotation: URIRef
    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    RangeSelector: URIRef
    Motivation: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    motivatedBy: URIRef
    refinedBy: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    # motivations
    identifying: URIRef
    linking: URIRef
    classifying: URIRef
    describing: URIRef
    tagging: URIRef


class CITO(DefinedNamespace):
    """CiTO, the Citation Typing Ontology: typed citation links."""

    _fail = True
    _NS = Namespace("http://purl.org/spar/cito/")

    cites: URIRef
    isCitedBy: URIRef
    citesAsAuthority: URIRef
    citesForInformation: URIRef
    citesAsRelated: URIRef
    updates: URIRef
    extends: URIRef
    Citation: URIRef
    hasCitingEntity: URIRef
    hasCitedEntity: URIRef
    hasCitationCharacterization: URIRef


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
    duration: URIRef
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
    inParagraph: URIRef
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
