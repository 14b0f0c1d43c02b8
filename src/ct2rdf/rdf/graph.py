"""Facts → triples.  The only module that makes the graph's triples.

Every node has an IRI (no blank nodes), derived from the document symbol and
the source offsets, so two runs over overlapping corpora merge cleanly in a
triple store and the output is byte-stable.

The graph is made in three parts, so that each document can be turned into
triples on its own, in a worker process, and cached:

* :func:`document_triples` — everything one input document says, the
  triples of its named graph.  It needs nothing from other documents: the
  build's IRI is a placeholder (:data:`RUN_PLACEHOLDER`, replaced when the
  output is written) and cited documents are only pointed at.
* :func:`reference_triples` — the bodies, verb and theme concepts: packaged data.
* :func:`build_triples` — what only the whole build knows: the build
  activity, the cited documents (typed, labelled, with the dates the citing
  texts agree on), mandate ends computed from durations, renewal links.

Triples are tuples of N-Triples terms (see :mod:`ct2rdf.rdf.nt`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import namespace as _ns

from .. import __version__
from ..model import Doc, ParaRef, Span
from ..reference import gazetteer, themes, verbs
from ..symbols import Symbol
from . import namespace as _ours
from . import nt
from .labels import annex_labels, citation_names, document_labels, meeting_labels, paragraph_labels
from .namespace import LANGUAGE_ZHO, MEDIA_TYPE_TEXT, REFERENCE_BASE, UNDOCS


class _Terms:
    """A namespace whose terms are plain ``str``, looked up once.

    A ``DefinedNamespace`` attribute costs a ``__getattr__`` call (with its
    ``_fail`` check) and returns a ``URIRef``, which is not equal to the str of
    its IRI; a document needs thousands.  The check still runs, on first use.
    """

    def __init__(self, ns):
        self._ns = ns

    def __getattr__(self, name: str) -> str:
        value = str.__str__(getattr(self._ns, name))  # the exact str of the IRI
        setattr(self, name, value)
        return value


CT, ELI, OA, CITO = (_Terms(n) for n in (_ours.CT, _ours.ELI, _ours.OA, _ours.CITO))
DCTERMS, ORG, PROV, RDF, RDFS, SKOS = (_Terms(n) for n in (_ns.DCTERMS, _ns.ORG, _ns.PROV, _ns.RDF,
                                                          _ns.RDFS, _ns.SKOS))

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
# Stands for the build's id in a document's triples until the whole build is
# known (the id hashes every input); the writer replaces it.  No IRI ct2rdf
# makes from a text can hold it: "~" is not in a symbol or a minted path.
RUN_PLACEHOLDER = "~ct2rdf-run~"
_I = nt.iri


def iri(base: str, path: str) -> str:
    """``base`` + ``path``, percent-encoding all but the IRI path characters ``( ) / .``."""
    return base + quote(path, safe="/().-_~")


def reference(path: str) -> str:
    """A reference entity (body, verb or theme concept, the software agent).

    These never move with ``--base``: graphs built with different bases share
    them, as they share the vocabularies.
    """
    return iri(REFERENCE_BASE, path)


def run_iri(base: str, run: str) -> str:
    """The build activity's IRI: ``base`` + ``run/`` + the build's id."""
    return f"{base}run/{run}"


def meeting_iri(base: str, number: int | str) -> str:
    """The Security Council's Nth meeting (``meeting/SC/N``); with ``""``, the prefix all share."""
    return iri(base, f"meeting/SC/{number}")


def body(key: str) -> str:
    return reference(f"org/{key}")


def verb(slug: str) -> str:
    return reference(f"verb/{slug}")


# The theme scheme; its concepts are theme/KEY below it.
THEME_SCHEME = reference("theme/")


def theme(key: str) -> str:
    return reference(f"theme/{key}")


@dataclass(frozen=True)
class DocumentTriples:
    """One document's triples and what the build-wide steps need from them.

    ``own`` have a subject under the document's IRI (only this document
    makes them); ``shared`` are about other nodes (meetings, bodies) that
    other documents may describe too, so a triple file lists them once.
    ``stubs`` type the documents this one cites, as the build will: enough for
    the shapes to check this document alone.
    """

    iri: str
    own: tuple[nt.Triple, ...]
    shared: tuple[nt.Triple, ...]
    stubs: tuple[nt.Triple, ...]
    cited: tuple[tuple[Symbol, dt.date | None], ...]  # every citation: the symbol, the date given


class _Emitter:
    def __init__(self, base: str, run: str):
        self.base = base
        self.run = run_iri(base, run)
        self.out: list[nt.Triple] = []

    def add(self, s: str, p: str, o: str) -> None:
        # s and p are plain str (see _Terms), never rdflib's URIRef: a URIRef
        # is not equal to the str of the same IRI, and triples are compared as text
        self.out.append((s, p, o))

    def labels(self, node: str, labels: tuple[str, str]) -> None:
        self.add(node, RDFS.label, nt.text(labels[0], "zh"))
        self.add(node, RDFS.label, nt.text(labels[1], "en"))

    def symbol(self, node: str, symbol: Symbol) -> None:
        """A document's symbol as printed, and its copy on undocs.org."""
        self.add(node, DCTERMS.identifier, nt.text(symbol.text))
        self.add(node, RDFS.seeAlso, _I(iri(UNDOCS, symbol.path)))

    def generated(self, node: str) -> None:
        self.add(node, PROV.wasGeneratedBy, _I(self.run))

    def identity(self, node: str, symbol: Symbol) -> None:
        """What a symbol alone says of a document: its type, symbol and issuer."""
        self.add(node, RDF.type, _I(CT.Document))
        if symbol.kind != "document":
            self.add(node, RDF.type, _I(_DOC_CLASS[symbol.kind]))
        self.symbol(node, symbol)
        if symbol.issuer:
            self.add(node, CT.issuedBy, _I(body(symbol.issuer)))

    def council_meeting(self, number: int) -> str:
        """The Security Council's Nth meeting, an event; its verbatim record S/PV.N is on undocs.org."""
        mt = meeting_iri(self.base, number)
        self.add(mt, RDF.type, _I(CT.Meeting))
        self.add(mt, CT.meetingNumber, nt.integer(number))
        self.add(mt, RDFS.seeAlso, _I(f"{UNDOCS}S/PV.{number}"))
        self.labels(mt, meeting_labels(number))
        return mt


class _Document(_Emitter):
    """The triples of one input document (see :func:`document_triples`)."""

    def __init__(self, base: str, path: str, doc: Doc):
        super().__init__(base, RUN_PLACEHOLDER)
        self.doc = doc
        self.d = iri(base, path)
        self.src = f"{self.d}/zh/txt"  # the input file: every offset counts in it
        self.cited: list[tuple[Symbol, dt.date | None]] = []  # every citation, in text order

    def cite(self, symbol: Symbol, date: dt.date | None = None) -> str:
        """A cited document's node; the build describes it (:func:`build_triples`)."""
        self.cited.append((symbol, date))
        return iri(self.base, symbol.path)

    def passages(self, span: Span | None) -> list[str]:
        """The oa:SpecificResources of a span: one per contiguous piece of the source."""
        return [self.passage(*piece) for piece in _pieces(self.doc, span)]

    def passage(self, normalized: str, start: int, end: int) -> str:
        """One oa:SpecificResource: position and quote selectors over ``source[start:end]``.

        ``oa:exact`` is the selected source text itself (line breaks, page
        furniture, Traditional characters and all), as the Web Annotation model
        defines it; the cleaned passage is ``ct:normalizedText``.
        """
        src, source = self.src, self.doc.norm.source
        sr, pos, qs = f"{src}/span/{start}-{end}", f"{src}/pos/{start}-{end}", f"{src}/quote/{start}-{end}"
        add = self.add
        add(sr, RDF.type, _I(OA.SpecificResource))
        add(sr, OA.hasSource, _I(src))
        add(sr, OA.hasSelector, _I(pos))
        add(sr, OA.hasSelector, _I(qs))
        add(sr, CT.normalizedText, nt.text(normalized))
        add(pos, RDF.type, _I(OA.TextPositionSelector))
        add(pos, OA.start, nt.integer(start))
        add(pos, OA.end, nt.integer(end))
        add(qs, RDF.type, _I(OA.TextQuoteSelector))
        add(qs, OA.exact, nt.text(source[start:end]))
        prefix, suffix = source[max(0, start - QUOTE_CONTEXT) : start], source[end : end + QUOTE_CONTEXT]
        if prefix:
            add(qs, OA.prefix, nt.text(prefix))
        if suffix:
            add(qs, OA.suffix, nt.text(suffix))
        return sr

    def derived(self, node: str, span: Span | None) -> None:
        for sr in self.passages(span):
            self.add(node, PROV.wasDerivedFrom, _I(sr))

    def annotation(self, kind: str, target: str, span, motivation, key="", source_span=None,
                   paragraph: str | None = None) -> str:
        """An oa:Annotation of one occurrence: its body, its passage(s), its motivation, its paragraph."""
        pieces = _pieces(self.doc, span, source_span)
        targets = [self.passage(*piece) for piece in pieces]
        start, end = pieces[0][1], pieces[-1][2]
        ann = f"{self.src}/{kind}/{start}-{end}" + (f"/{key}" if key else "")
        self.add(ann, RDF.type, _I(OA.Annotation))
        self.add(ann, OA.hasBody, _I(target))
        for sr in targets:
            self.add(ann, OA.hasTarget, _I(sr))
        self.add(ann, OA.motivatedBy, _I(motivation))
        if paragraph is not None:
            self.add(ann, CT.inParagraph, _I(paragraph))
        self.generated(ann)
        return ann

    def paragraph(self, ref: ParaRef) -> str:
        return f"{self.d}/{ref.path}"

    # *** the parts of the document ***

    def document(self) -> None:
        """The document node: type, symbol, issuer, date, title, letter heading."""
        d, doc = self.d, self.doc
        h = doc.structure.header
        self.add(d, RDF.type, _I(CT.Document))
        kind = h.doc_type
        if doc.symbol is not None and kind in ("resolution", "prst") and doc.symbol.kind != kind:
            # The symbol tells whose it is: a Human Rights Council resolution (A/HRC/RES/40/16)
            # reads like one of the Council's, but ct:Resolution is the Council's or the Assembly's.
            kind = doc.symbol.kind
        if kind != "other":
            self.add(d, RDF.type, _I(_DOC_CLASS[kind]))
        self.generated(d)
        self.labels(d, document_labels(doc.symbol, h.doc_type, doc.date))
        if doc.symbol is not None:
            self.symbol(d, doc.symbol)
        issuer = doc.symbol.issuer if doc.symbol else {"resolution": "SC", "prst": "SC"}.get(h.doc_type)
        if issuer:
            self.add(d, CT.issuedBy, _I(body(issuer)))
        if doc.date:
            self.add(d, ELI.date_document, nt.date(doc.date))
        if h.title is not None:
            self.add(d, DCTERMS.title, nt.text(doc.quote(h.title), "zh"))
        if h.agenda_item:
            self.add(d, CT.agendaItem, nt.text(h.agenda_item, "zh"))
        for prop, value in ((CT.sender, h.sender), (CT.recipient, h.recipient),
                            (CT.signatory, h.signatory), (CT.signatoryTitle, h.signatory_title)):
            if value:
                self.add(d, prop, nt.text(value, "zh"))
        if h.recipient:
            key = gazetteer().lookup(h.recipient)
            if key:
                self.add(d, CT.addressedTo, _I(body(key)))

    def source_text(self) -> None:
        """The Chinese text (an eli:LegalExpression) and the input file (an eli:Format)."""
        d, doc, src = self.d, self.doc, self.src
        expr = f"{d}/zh"
        self.add(expr, RDF.type, _I(ELI.LegalExpression))
        self.add(expr, ELI.realizes, _I(d))
        self.add(expr, ELI.language, _I(LANGUAGE_ZHO))
        self.add(expr, DCTERMS.language, nt.text("zh"))
        h = doc.structure.header
        if h.title is not None:
            self.add(expr, ELI.title, nt.text(doc.quote(h.title), "zh"))
        self.generated(expr)
        self.add(src, RDF.type, _I(ELI.Format))
        self.add(src, ELI.embodies, _I(expr))
        self.add(src, ELI.format, _I(MEDIA_TYPE_TEXT))
        self.add(src, CT.sourceFile, nt.text(doc.name))
        self.add(src, CT.sha256, nt.text(doc.sha256))
        self.add(src, CT.encoding, nt.text(doc.encoding))
        self.add(src, CT.traditionalScript, nt.boolean(doc.norm.traditional))
        self.generated(src)

    def adopting_meeting(self) -> None:
        """The Council meeting that adopted the document (S/PV.N), if the text names it."""
        h = self.doc.structure.header
        if h.meeting_number:
            mt = self.council_meeting(h.meeting_number)
            self.add(self.d, CT.adoptedAt, _I(mt))
            if h.date:
                self.add(mt, DCTERMS.date, nt.date(h.date))
            self.derived(mt, h.meeting_span)
            self.generated(mt)

    def paragraphs(self) -> None:
        """Annexes, then every paragraph with its number and provenance."""
        d, doc = self.d, self.doc
        own = document_labels(doc.symbol, doc.structure.header.doc_type, doc.date)
        names = citation_names(doc.symbol, own)
        parts = {"": d}
        for part in doc.structure.parts:
            a = parts[part.key] = f"{d}/{part.key}"
            self.add(a, RDF.type, _I(CT.Document))
            self.add(a, RDF.type, _I(CT.Annex))
            self.add(a, DCTERMS.isPartOf, _I(d))
            self.add(a, DCTERMS.title, nt.text(doc.quote(part.title or part.heading), "zh"))
            self.labels(a, annex_labels(own, part.key.split("/")[1]))
            self.derived(a, part.heading)
            self.generated(a)
        for p in doc.structure.paragraphs:
            node = self.paragraph(p.ref)
            self.add(node, RDF.type, _I(CT.Paragraph))
            if _PARA_CLASS[p.ref.kind] is not None:
                self.add(node, RDF.type, _I(_PARA_CLASS[p.ref.kind]))
            self.add(node, ELI.is_part_of, _I(parts[p.ref.part]))
            self.add(node, CT.number, nt.integer(p.ref.number))
            self.labels(node, paragraph_labels(names, p.ref))
            self.derived(node, p.span)
            self.generated(node)

    def task(self, cls: str, fact) -> str:
        """The node of a mandate, directive or reporting duty: type, paragraph, provenance."""
        node = f"{self.d}/{fact.key}"
        self.add(node, RDF.type, _I(cls))
        self.add(node, CT.conferredBy, _I(self.paragraph(fact.paragraph)))
        self.derived(node, fact.span)
        self.generated(node)
        return node

    def occurrences(self, facts: dict) -> None:
        """Citations, body mentions and aliases, operative verbs, themes."""
        d = self.d
        for c in facts.get("citations", ()):
            target = self.cite(c.symbol, c.date)
            self.add(d, DCTERMS.references, _I(target))
            para = self.paragraph(c.paragraph) if c.paragraph is not None else None
            if para is not None:
                self.add(para, CITO.cites, _I(target))
            self.annotation("cite", target, c.span, OA.linking, source_span=c.source_span, paragraph=para)
        for m in facts.get("bodies", ()):
            node = body(m.key) if m.key else None
            if not hasattr(m, "alias"):  # a Mention
                para = self.paragraph(m.paragraph) if m.paragraph is not None else None
                if para is not None:
                    self.add(para, CT.mentions, _I(node))
                self.annotation("mention", node, m.span, OA.identifying, key=m.key, paragraph=para)
            elif node is not None:  # an alias the text defines for a known body
                self.add(node, SKOS.altLabel, nt.text(m.alias, "zh"))
        for v in facts.get("verbs", ()):
            node = self.paragraph(v.paragraph)
            self.add(node, CT.operativeVerb, _I(verb(v.slug)))
            self.add(node, CT.verbPhrase, nt.text(v.phrase, "zh"))
        for t in facts.get("themes", ()):  # one annotation per trigger: the provenance of every span
            node, para = theme(t.key), self.paragraph(t.paragraph)
            self.add(para, DCTERMS.subject, _I(node))
            self.add(d, DCTERMS.subject, _I(node))  # the document's: the union of its paragraphs'
            self.annotation("theme", node, t.span, OA.classifying, key=t.key, paragraph=para)

    def tasks(self, facts: dict) -> None:
        """Mandates (with the ends the text gives), directives, reporting duties, meetings."""
        for m in facts.get("mandates", ()):
            node = self.task(CT.Mandate, m)
            self.add(node, CT.holder, _I(body(m.holder)))
            for prop, value in ((CT.endDate, m.end), (CT.startDate, m.start), (CT.reviewDate, m.review)):
                if value:
                    self.add(node, prop, nt.date(value))
            if m.duration:
                self.add(node, CT.duration, nt.duration(m.duration))
            if m.guidance:
                self.add(node, CT.underGuidanceOf, _I(body(m.guidance)))
            if m.kind:
                self.add(node, CT.mandateKind, _I(getattr(CT, m.kind)))
        for x in facts.get("directives", ()):
            node = self.task(CT.Directive, x)
            self.add(node, CT.addressee, _I(body(x.addressee)))
            self.add(node, CT.dueDate, nt.date(x.due))
            if x.concerns:
                self.add(node, CT.concerns, _I(self.cite(x.concerns)))
        for x in facts.get("reporting", ()):
            node = self.task(CT.ReportingDuty, x)
            self.add(node, CT.addressee, _I(body(x.addressee)))
            self.add(node, CT.reportsTo, _I(body(x.reports_to)))
            if x.frequency:
                self.add(node, CT.frequency, nt.duration(x.frequency))
        for m in facts.get("meetings", ()):
            if m.number:
                node = self.council_meeting(m.number)
            else:  # a meeting the text announces without a number: not known to be the Council's
                node = f"{self.d}/meeting/{m.date.isoformat()}"
                self.add(node, RDF.type, _I(CT.Meeting))
            self.add(node, DCTERMS.date, nt.date(m.date))
            if m.time:
                self.add(node, CT.startTime, nt.date_time(dt.datetime.combine(m.date, m.time)))
            self.add(node, CT.virtual, nt.boolean(m.virtual))
            self.add(node, CT.describedIn, _I(self.d))
            for span in m.spans:
                self.derived(node, span)
            self.generated(node)

    def result(self) -> DocumentTriples:
        inside = self.d + "/"
        own, shared = [], []
        for t in nt.ordered(self.out):
            (own if t[0] == self.d or t[0].startswith(inside) else shared).append(t)
        stubs = _Emitter(self.base, RUN_PLACEHOLDER)
        for symbol in {s for s, _ in self.cited}:
            stubs.identity(iri(self.base, symbol.path), symbol)
        return DocumentTriples(self.d, tuple(own), tuple(shared), tuple(nt.ordered(stubs.out)),
                               tuple(self.cited))


def document_triples(doc: Doc, facts: dict, path: str, base: str) -> DocumentTriples:
    """Everything one input document contributes, given the IRI path it gets."""
    e = _Document(base, path, doc)
    e.document()
    e.source_text()
    e.adopting_meeting()
    e.paragraphs()
    e.occurrences(facts)
    e.tasks(facts)
    return e.result()


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


# *** the build-wide parts ***


def reference_triples(with_themes: bool = True) -> list[nt.Triple]:
    """The bodies, the verb concepts and (unless ``with_themes`` is False: ``--no-themes``)
    the whole theme scheme: packaged data, the same for every build and base."""
    e = _Emitter(REFERENCE_BASE, RUN_PLACEHOLDER)
    for b in gazetteer().bodies:
        node = body(b.key)
        e.add(node, RDF.type, _I(CT.Body))
        e.add(node, RDF.type, _I(ORG.Organization))
        e.add(node, SKOS.prefLabel, nt.text(b.zh, "zh"))
        e.add(node, SKOS.prefLabel, nt.text(b.en, "en"))
        e.add(node, SKOS.notation, nt.text(b.key))
        for alias in b.aliases:
            e.add(node, SKOS.altLabel, nt.text(alias, "zh"))
        if b.parent:
            e.add(node, ORG.subOrganizationOf, _I(body(b.parent)))
    scheme = CT.ActionVerbs
    e.add(scheme, RDF.type, _I(SKOS.ConceptScheme))
    e.add(scheme, SKOS.prefLabel, nt.text("行动动词", "zh"))
    e.add(scheme, SKOS.prefLabel, nt.text("action verbs", "en"))
    for v in verbs().verbs:
        node = verb(v.slug)
        e.add(node, RDF.type, _I(SKOS.Concept))
        e.add(node, SKOS.inScheme, _I(scheme))
        e.add(node, SKOS.prefLabel, nt.text(v.zh, "zh"))
        e.add(node, SKOS.prefLabel, nt.text(v.en, "en"))
        e.add(node, SKOS.notation, nt.text(v.slug))
    kinds, spm = CT.MandateKinds, CT.SpecialPoliticalMission
    e.add(kinds, RDF.type, _I(SKOS.ConceptScheme))
    e.add(spm, RDF.type, _I(SKOS.Concept))
    e.add(spm, SKOS.inScheme, _I(kinds))
    e.add(spm, SKOS.prefLabel, nt.text("特别政治任务", "zh"))
    e.add(spm, SKOS.prefLabel, nt.text("special political mission", "en"))
    if with_themes:
        e.out += theme_triples()
    agent = reference(f"software/ct2rdf/{__version__}")
    e.add(agent, RDF.type, _I(PROV.SoftwareAgent))
    e.add(agent, RDFS.label, nt.text(f"ct2rdf {__version__}"))
    e.add(agent, CT.toolVersion, nt.text(__version__))
    return nt.ordered(e.out)


def theme_triples() -> list[nt.Triple]:
    """The theme scheme (``data/themes.toml``) as SKOS: also ``ontology/themes.ttl``.

    The whole scheme, not only the themes a build uses: the reference graph
    stays the same whatever the documents (replacing one document never
    changes it), and a theme no paragraph carries still answers a query, with 0.
    """
    e = _Emitter(REFERENCE_BASE, RUN_PLACEHOLDER)
    scheme = THEME_SCHEME
    e.add(scheme, RDF.type, _I(SKOS.ConceptScheme))
    e.add(scheme, SKOS.prefLabel, nt.text("反恐主题", "zh"))
    e.add(scheme, SKOS.prefLabel, nt.text("counter-terrorism themes", "en"))
    scheme_data = themes()
    for th in scheme_data.themes:
        node = theme(th.key)
        e.add(node, RDF.type, _I(SKOS.Concept))
        e.add(node, SKOS.inScheme, _I(scheme))
        e.add(node, SKOS.prefLabel, nt.text(th.zh, "zh"))
        e.add(node, SKOS.prefLabel, nt.text(th.en, "en"))
        e.add(node, SKOS.definition, nt.text(th.def_zh, "zh"))
        e.add(node, SKOS.definition, nt.text(th.def_en, "en"))
        e.add(node, SKOS.notation, nt.text(th.key))
        for t in th.triggers:
            if t != th.zh:  # SKOS: a label is preferred or hidden, never both
                e.add(node, SKOS.hiddenLabel, nt.text(t, "zh"))
        if th.broader:
            e.add(node, SKOS.broader, _I(theme(th.broader)))
        else:
            e.add(node, SKOS.topConceptOf, _I(scheme))
            e.add(scheme, SKOS.hasTopConcept, _I(node))
        for key in scheme_data.narrower(th.key):
            e.add(node, SKOS.narrower, _I(theme(key)))
    return nt.ordered(e.out)


@dataclass(frozen=True)
class BuildFacts:
    """What the build-wide steps decided (see :mod:`ct2rdf.merge`)."""

    run: str  # the build's id
    sources: tuple[str, ...]  # the input-file nodes of the documents kept
    inputs: frozenset  # the symbols of the input documents
    cited: dict  # every cited symbol → its date (or None)
    ends: dict  # mandate node IRI → end date computed from a duration
    renewals: dict  # mandate node IRI → the mandate node it renews


def build_triples(facts: BuildFacts, base: str) -> list[nt.Triple]:
    """The build activity, the cited documents, computed mandate ends and renewals."""
    e = _Emitter(base, facts.run)
    run, agent = e.run, reference(f"software/ct2rdf/{__version__}")
    e.add(run, RDF.type, _I(PROV.Activity))
    e.add(run, RDFS.label, nt.text(f"ct2rdf {__version__} build"))
    e.add(run, PROV.wasAssociatedWith, _I(agent))
    for src in facts.sources:
        e.add(run, PROV.used, _I(src))
    for b in gazetteer().bodies:
        if b.established_by:
            e.add(body(b.key), CT.establishedBy, _I(_cited(e, b.established_by, facts)))
    for symbol in facts.cited:
        _cited(e, symbol, facts)
    for node, end in facts.ends.items():
        e.add(node, CT.endDate, nt.date(end))
    for node, earlier in facts.renewals.items():
        e.add(node, CT.renews, _I(earlier))
    return nt.ordered(e.out)


def _cited(e: _Emitter, symbol: Symbol, facts: BuildFacts) -> str:
    node = iri(e.base, symbol.path)
    if symbol not in facts.inputs:  # an input document describes itself
        e.identity(node, symbol)
        e.labels(node, document_labels(symbol, symbol.kind, None))
        date = facts.cited.get(symbol)
        if date is not None:
            e.add(node, ELI.date_document, nt.date(date))
    return node


__all__ = ["RUN_PLACEHOLDER", "THEME_SCHEME", "BuildFacts", "DocumentTriples", "build_triples",
           "document_triples", "iri", "reference", "reference_triples", "run_iri", "theme", "theme_triples"]
