"""Facts → an rdflib Graph.  The only module that calls ``Graph.add``.

Every node has an IRI (no blank nodes), derived from the document symbol and
the source offsets, so two runs over overlapping corpora merge cleanly in a
triple store and the output is byte-stable.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

from .. import __version__
from ..merge import Corpus, Entry
from ..model import Doc, ParaRef, Span
from ..reference import gazetteer, verbs
from ..symbols import Symbol
from .labels import annex_labels, citation_names, document_labels, meeting_labels, paragraph_labels
from .namespace import CITO, CT, ELI, LANGUAGE_ZHO, MEDIA_TYPE_TEXT, OA, PREFIXES, REFERENCE_BASE, UNDOCS

_DOC_CLASS = {
    "resolution": CT.Resolution,
    "prst": CT.PresidentialStatement,
    "letter": CT.Letter,
    "document": CT.Document,
    "other": CT.Document,
}
# Characters of source text around a quote (oa:prefix, oa:suffix): enough to
# find the passage again in a changed file.
QUOTE_CONTEXT = 32
_PARA_CLASS = {"pp": CT.PreambularParagraph, "op": CT.OperativeParagraph, "p": None}


def iri(base: str, path: str) -> URIRef:
    """``base`` + ``path``, percent-encoding all but the IRI path characters ``( ) / .``."""
    return URIRef(base + quote(path, safe="/().-_~"))


def reference(path: str) -> URIRef:
    """A reference entity (body, verb or theme concept, the software agent).

    These never move with ``--base``: graphs built with different bases share
    them, as they share the vocabularies.
    """
    return iri(REFERENCE_BASE, path)


class _Builder:
    def __init__(self, base: str, run: str, inputs: set[Symbol]):
        self.base = base
        self.g = Graph()
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns, override=True, replace=True)
        self.run = iri(base, f"run/{run}")
        self.agent = reference(f"software/ct2rdf/{__version__}")
        self.sources: list[URIRef] = []  # the input files' nodes, for prov:used
        self.inputs = inputs  # the symbols of the input documents

    def add(self, s, p, o) -> None:
        self.g.add((s, p, o))

    # *** shared pieces ***

    def body(self, key: str) -> URIRef:
        return reference(f"org/{key}")

    def doc_node(self, symbol: Symbol) -> URIRef:
        return iri(self.base, symbol.path)

    def generated(self, node: URIRef) -> None:
        self.add(node, PROV.wasGeneratedBy, self.run)

    def passages(self, src: URIRef, doc: Doc, span: Span | None) -> list[URIRef]:
        """The oa:SpecificResources of a span: one per contiguous piece of the source."""
        return [self.passage(src, doc.norm.source, *piece) for piece in _pieces(doc, span)]

    def passage(self, src: URIRef, source: str, normalized: str, start: int, end: int) -> URIRef:
        """One oa:SpecificResource: position and quote selectors over ``source[start:end]``.

        ``oa:exact`` is the selected source text itself (line breaks, page
        furniture, Traditional characters and all), as the Web Annotation model
        defines it; the cleaned passage is ``ct:normalizedText``.
        """
        sr = URIRef(f"{src}/span/{start}-{end}")
        pos = URIRef(f"{src}/pos/{start}-{end}")
        qs = URIRef(f"{src}/quote/{start}-{end}")
        self.add(sr, RDF.type, OA.SpecificResource)
        self.add(sr, OA.hasSource, src)
        self.add(sr, OA.hasSelector, pos)
        self.add(sr, OA.hasSelector, qs)
        self.add(sr, CT.normalizedText, Literal(normalized))
        self.add(pos, RDF.type, OA.TextPositionSelector)
        self.add(pos, OA.start, Literal(start, datatype=XSD.integer))
        self.add(pos, OA.end, Literal(end, datatype=XSD.integer))
        self.add(qs, RDF.type, OA.TextQuoteSelector)
        self.add(qs, OA.exact, Literal(source[start:end]))
        prefix, suffix = source[max(0, start - QUOTE_CONTEXT) : start], source[end : end + QUOTE_CONTEXT]
        if prefix:
            self.add(qs, OA.prefix, Literal(prefix))
        if suffix:
            self.add(qs, OA.suffix, Literal(suffix))
        return sr

    def derived(self, node: URIRef, src: URIRef, doc: Doc, span: Span | None) -> None:
        for sr in self.passages(src, doc, span):
            self.add(node, PROV.wasDerivedFrom, sr)

    def annotation(self, kind: str, target: URIRef, src, doc, span, motivation, key="", source_span=None,
                   paragraph: URIRef | None = None):
        """An oa:Annotation of one occurrence: its body, its passage(s), its motivation, its paragraph."""
        pieces = _pieces(doc, span, source_span)
        targets = [self.passage(src, doc.norm.source, *piece) for piece in pieces]
        start, end = pieces[0][1], pieces[-1][2]
        ann = URIRef(f"{src}/{kind}/{start}-{end}" + (f"/{key}" if key else ""))
        self.add(ann, RDF.type, OA.Annotation)
        self.add(ann, OA.hasBody, target)
        for sr in targets:
            self.add(ann, OA.hasTarget, sr)
        self.add(ann, OA.motivatedBy, motivation)
        if paragraph is not None:
            self.add(ann, CT.inParagraph, paragraph)
        self.generated(ann)
        return ann

    # *** the parts of the graph ***

    def run_activity(self) -> None:
        """The build, one prov:Activity: what it used and which software ran it (no time: byte-stable)."""
        self.add(self.run, RDF.type, PROV.Activity)
        self.add(self.run, RDFS.label, Literal(f"ct2rdf {__version__} build"))
        self.add(self.run, PROV.wasAssociatedWith, self.agent)
        for src in self.sources:
            self.add(self.run, PROV.used, src)
        self.add(self.agent, RDF.type, PROV.SoftwareAgent)
        self.add(self.agent, RDFS.label, Literal(f"ct2rdf {__version__}"))
        self.add(self.agent, CT.toolVersion, Literal(__version__))

    def bodies(self) -> None:
        for b in gazetteer().bodies:
            node = self.body(b.key)
            self.add(node, RDF.type, CT.Body)
            self.add(node, RDF.type, ORG.Organization)
            self.add(node, SKOS.prefLabel, Literal(b.zh, lang="zh"))
            self.add(node, SKOS.prefLabel, Literal(b.en, lang="en"))
            self.add(node, SKOS.notation, Literal(b.key))
            for alias in b.aliases:
                self.add(node, SKOS.altLabel, Literal(alias, lang="zh"))
            if b.parent:
                self.add(node, ORG.subOrganizationOf, self.body(b.parent))
            if b.established_by:
                self.add(node, CT.establishedBy, self.cited(b.established_by))

    def labels(self, node: URIRef, labels: tuple[str, str]) -> None:
        self.add(node, RDFS.label, Literal(labels[0], lang="zh"))
        self.add(node, RDFS.label, Literal(labels[1], lang="en"))

    def symbol(self, node: URIRef, symbol: Symbol) -> None:
        """A document's symbol as printed, and its copy on undocs.org."""
        self.add(node, DCTERMS.identifier, Literal(symbol.text))
        self.add(node, RDFS.seeAlso, iri(UNDOCS, symbol.path))

    def cited(self, symbol: Symbol, date: dt.date | None = None) -> URIRef:
        node = self.doc_node(symbol)
        self.add(node, RDF.type, CT.Document)
        if symbol.kind != "document":
            self.add(node, RDF.type, _DOC_CLASS[symbol.kind])
        self.symbol(node, symbol)
        if symbol not in self.inputs:  # an input document is labelled from its own text
            self.labels(node, document_labels(symbol, symbol.kind, None))
        if symbol.issuer:
            self.add(node, CT.issuedBy, self.body(symbol.issuer))
        if date is not None:
            self.add(node, ELI.date_document, Literal(date, datatype=XSD.date))
        return node

    def verb(self, slug: str) -> URIRef:
        return reference(f"verb/{slug}")

    def verbs(self) -> None:
        scheme = CT.ActionVerbs
        self.add(scheme, RDF.type, SKOS.ConceptScheme)
        self.add(scheme, SKOS.prefLabel, Literal("行动动词", lang="zh"))
        self.add(scheme, SKOS.prefLabel, Literal("action verbs", lang="en"))
        for v in verbs().verbs:
            node = self.verb(v.slug)
            self.add(node, RDF.type, SKOS.Concept)
            self.add(node, SKOS.inScheme, scheme)
            self.add(node, SKOS.prefLabel, Literal(v.zh, lang="zh"))
            self.add(node, SKOS.prefLabel, Literal(v.en, lang="en"))
            self.add(node, SKOS.notation, Literal(v.slug))
        kinds = CT.MandateKinds
        self.add(kinds, RDF.type, SKOS.ConceptScheme)
        self.add(CT.SpecialPoliticalMission, RDF.type, SKOS.Concept)
        self.add(CT.SpecialPoliticalMission, SKOS.inScheme, kinds)
        self.add(CT.SpecialPoliticalMission, SKOS.prefLabel, Literal("特别政治任务", lang="zh"))
        self.add(CT.SpecialPoliticalMission, SKOS.prefLabel, Literal("special political mission", lang="en"))

    def entry(self, e: Entry, corpus: Corpus) -> None:
        """Everything one input document contributes."""
        doc = e.result.doc
        d = iri(self.base, e.path)
        expr = URIRef(f"{d}/zh")
        src = URIRef(f"{expr}/txt")  # the input file: every offset counts in it
        self.document(d, doc)
        self.source_text(expr, d, doc)
        self.source_file(src, expr, doc)
        self.adopting_meeting(d, src, doc)
        self.paragraphs(d, src, doc)
        self.facts(e, d, src, corpus)

    def document(self, d: URIRef, doc: Doc) -> None:
        """The document node: type, symbol, issuer, date, title, letter heading."""
        h = doc.structure.header
        self.add(d, RDF.type, CT.Document)
        if h.doc_type != "other":
            self.add(d, RDF.type, _DOC_CLASS[h.doc_type])
        self.generated(d)
        self.labels(d, document_labels(doc.symbol, h.doc_type, doc.date))
        if doc.symbol is not None:
            self.symbol(d, doc.symbol)
        issuer = doc.symbol.issuer if doc.symbol else {"resolution": "SC", "prst": "SC"}.get(h.doc_type)
        if issuer:
            self.add(d, CT.issuedBy, self.body(issuer))
        date = doc.date
        if date:
            self.add(d, ELI.date_document, Literal(date, datatype=XSD.date))
        if h.title is not None:
            self.add(d, DCTERMS.title, Literal(doc.quote(h.title), lang="zh"))
        if h.agenda_item:
            self.add(d, CT.agendaItem, Literal(h.agenda_item, lang="zh"))
        for prop, value in ((CT.sender, h.sender), (CT.recipient, h.recipient),
                            (CT.signatory, h.signatory), (CT.signatoryTitle, h.signatory_title)):
            if value:
                self.add(d, prop, Literal(value, lang="zh"))
        if h.recipient:
            key = gazetteer().lookup(h.recipient)
            if key:
                self.add(d, CT.addressedTo, self.body(key))

    def source_text(self, expr: URIRef, d: URIRef, doc: Doc) -> None:
        """The Chinese text of the document, an eli:LegalExpression: language and title."""
        self.add(expr, RDF.type, ELI.LegalExpression)
        self.add(expr, ELI.realizes, d)
        self.add(expr, ELI.language, LANGUAGE_ZHO)
        self.add(expr, DCTERMS.language, Literal("zh"))
        h = doc.structure.header
        if h.title is not None:
            self.add(expr, ELI.title, Literal(doc.quote(h.title), lang="zh"))
        self.generated(expr)

    def source_file(self, src: URIRef, expr: URIRef, doc: Doc) -> None:
        """The input file, an eli:Format embodying the expression: path, digest, encoding."""
        self.add(src, RDF.type, ELI.Format)
        self.add(src, ELI.embodies, expr)
        self.add(src, ELI.format, MEDIA_TYPE_TEXT)
        self.add(src, CT.sourceFile, Literal(doc.name))
        self.add(src, CT.sha256, Literal(doc.sha256))
        self.add(src, CT.encoding, Literal(doc.encoding))
        self.add(src, CT.traditionalScript, Literal(doc.norm.traditional))
        self.generated(src)
        self.sources.append(src)

    def adopting_meeting(self, d: URIRef, src: URIRef, doc: Doc) -> None:
        """The Council meeting that adopted the document (S/PV.N), if the text names it."""
        h = doc.structure.header
        if h.meeting_number:
            mt = self.council_meeting(h.meeting_number)
            self.add(d, CT.adoptedAt, mt)
            if h.date:
                self.add(mt, DCTERMS.date, Literal(h.date, datatype=XSD.date))
            self.derived(mt, src, doc, h.meeting_span)
            self.generated(mt)

    def council_meeting(self, number: int) -> URIRef:
        """The Security Council's Nth meeting, an event; its verbatim record S/PV.N is on undocs.org."""
        mt = iri(self.base, f"meeting/SC/{number}")
        self.add(mt, RDF.type, CT.Meeting)
        self.add(mt, CT.meetingNumber, Literal(number, datatype=XSD.integer))
        self.add(mt, RDFS.seeAlso, URIRef(f"{UNDOCS}S/PV.{number}"))
        self.labels(mt, meeting_labels(number))
        return mt

    def paragraphs(self, d: URIRef, src: URIRef, doc: Doc) -> None:
        """Annexes, then every paragraph with its number and provenance."""
        own = document_labels(doc.symbol, doc.structure.header.doc_type, doc.date)
        names = citation_names(doc.symbol, own)
        parts = {"": d}
        for part in doc.structure.parts:
            a = URIRef(f"{d}/{part.key}")
            parts[part.key] = a
            self.add(a, RDF.type, CT.Document)
            self.add(a, RDF.type, CT.Annex)
            self.add(a, DCTERMS.isPartOf, d)
            self.add(a, DCTERMS.title, Literal(doc.quote(part.title or part.heading), lang="zh"))
            self.labels(a, annex_labels(own, part.key.split("/")[1]))
            self.derived(a, src, doc, part.heading)
            self.generated(a)
        # paragraphs
        for p in doc.structure.paragraphs:
            node = self.paragraph(d, p.ref)
            self.add(node, RDF.type, CT.Paragraph)
            if _PARA_CLASS[p.ref.kind] is not None:
                self.add(node, RDF.type, _PARA_CLASS[p.ref.kind])
            self.add(node, ELI.is_part_of, parts[p.ref.part])
            self.add(node, CT.number, Literal(p.ref.number, datatype=XSD.integer))
            self.labels(node, paragraph_labels(names, p.ref))
            self.derived(node, src, doc, p.span)
            self.generated(node)

    def task(self, cls: URIRef, fact, d: URIRef, src: URIRef, doc: Doc) -> URIRef:
        """The node of a mandate, directive or reporting duty: type, paragraph, provenance."""
        node = URIRef(f"{d}/{fact.key}")
        self.add(node, RDF.type, cls)
        self.add(node, CT.conferredBy, self.paragraph(d, fact.paragraph))
        self.derived(node, src, doc, fact.span)
        self.generated(node)
        return node

    def paragraph(self, d: URIRef, ref: ParaRef) -> URIRef:
        return URIRef(f"{d}/{ref.path}")

    def facts(self, e: Entry, d: URIRef, src: URIRef, corpus: Corpus) -> None:
        """Citations, mentions, verbs, mandates, directives, duties and meetings."""
        doc = e.result.doc
        facts = e.result.facts
        for c in facts.get("citations", ()):
            target = self.cited(c.symbol, corpus.cited_dates.get(c.symbol))
            self.add(d, DCTERMS.references, target)
            para = self.paragraph(d, c.paragraph) if c.paragraph is not None else None
            if para is not None:
                self.add(para, CITO.cites, target)
            self.annotation("cite", target, src, doc, c.span, OA.linking, source_span=c.source_span,
                            paragraph=para)
        for m in facts.get("bodies", ()):
            body = self.body(m.key) if m.key else None
            if not hasattr(m, "alias"):  # a Mention
                para = self.paragraph(d, m.paragraph) if m.paragraph is not None else None
                if para is not None:
                    self.add(para, CT.mentions, body)
                self.annotation("mention", body, src, doc, m.span, OA.identifying, key=m.key, paragraph=para)
            elif body is not None:  # an alias the text defines for a known body
                self.add(body, SKOS.altLabel, Literal(m.alias, lang="zh"))
        for v in facts.get("verbs", ()):
            node = self.paragraph(d, v.paragraph)
            self.add(node, CT.operativeVerb, self.verb(v.slug))
            self.add(node, CT.verbPhrase, Literal(v.phrase, lang="zh"))
        for m in facts.get("mandates", ()):
            node = self.task(CT.Mandate, m, d, src, doc)
            self.add(node, CT.holder, self.body(m.holder))
            end = corpus.mandate_ends.get((e.path, m.key), m.end)  # the text's, or from a duration
            if end:
                self.add(node, CT.endDate, Literal(end, datatype=XSD.date))
            if m.duration:
                self.add(node, CT.duration, Literal(m.duration, datatype=XSD.duration))
            if m.start:
                self.add(node, CT.startDate, Literal(m.start, datatype=XSD.date))
            if m.review:
                self.add(node, CT.reviewDate, Literal(m.review, datatype=XSD.date))
            if m.guidance:
                self.add(node, CT.underGuidanceOf, self.body(m.guidance))
            if m.kind:
                self.add(node, CT.mandateKind, getattr(CT, m.kind))
            earlier = corpus.renewals.get((e.path, m.key))
            if earlier:
                self.add(node, CT.renews, URIRef(f"{iri(self.base, earlier[0])}/{earlier[1]}"))
        for x in facts.get("directives", ()):
            node = self.task(CT.Directive, x, d, src, doc)
            self.add(node, CT.addressee, self.body(x.addressee))
            self.add(node, CT.dueDate, Literal(x.due, datatype=XSD.date))
            if x.concerns:
                self.add(node, CT.concerns, self.cited(x.concerns, corpus.cited_dates.get(x.concerns)))
        for x in facts.get("reporting", ()):
            node = self.task(CT.ReportingDuty, x, d, src, doc)
            self.add(node, CT.addressee, self.body(x.addressee))
            self.add(node, CT.reportsTo, self.body(x.reports_to))
            if x.frequency:
                self.add(node, CT.frequency, Literal(x.frequency, datatype=XSD.duration))
        for m in facts.get("meetings", ()):
            if m.number:
                node = self.council_meeting(m.number)
            else:  # a meeting the text announces without a number: not known to be the Council's
                node = URIRef(f"{d}/meeting/{m.date.isoformat()}")
                self.add(node, RDF.type, CT.Meeting)
            self.add(node, DCTERMS.date, Literal(m.date, datatype=XSD.date))
            if m.time:
                start = dt.datetime.combine(m.date, m.time)
                self.add(node, CT.startTime, Literal(start, datatype=XSD.dateTime))
            self.add(node, CT.virtual, Literal(m.virtual))
            self.add(node, CT.describedIn, d)
            for span in m.spans:
                self.derived(node, src, doc, span)
            self.generated(node)


def _pieces(doc: Doc, span: Span | None, source_span=None) -> list[tuple[str, int, int]]:
    """``(normalized text, source start, source end)`` of each contiguous piece of a span.

    A span is one piece unless a page's footnotes or URL lines interrupt it
    (see :meth:`Normalized.source_pieces`).  Without a normalized span (a
    citation read from a URL line) ``source_span`` gives the source offsets.
    """
    norm = doc.norm
    if span is None:
        start, end = source_span
        return [(norm.source[start:end], start, end)]
    return [(norm.text[a:b], s, e) for a, b, s, e in norm.source_pieces(span.start, span.end)]


def build_graph(corpus: Corpus, base: str) -> Graph:
    """The whole graph for a merged corpus."""
    b = _Builder(base, corpus.run, {e.result.doc.symbol for e in corpus.entries if e.result.doc.symbol})
    b.bodies()
    b.verbs()
    for e in corpus.entries:
        b.entry(e, corpus)
    b.run_activity()
    return b.g


__all__ = ["build_graph", "iri", "reference"]
