"""Planted faults: one graph-level mutation per reporting shape, applied to a real built graph.

Each row names the shape id it must trip and a function that mutates a graph
built by ct2rdf (out/ct.ttl, or a bench corpus) and returns the focus node the
shape must report.  Every row works on its own node (a clone of a real
mandate, directive or passage where the graph has too few), so all rows can
be planted in one graph and each engine run once: tests/test_engines.py
checks that pyshacl reports every planted fault, that nothing else appears,
and that the other engines report exactly the same results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from ct2rdf.rdf.namespace import CT, ELI, OA


def nodes(g: Graph, cls) -> list[URIRef]:
    """The nodes of class ``cls`` as built (no planted copies), in IRI order."""
    return sorted((n for n in set(g.subjects(RDF.type, cls)) if "/planted/" not in n), key=str)


def inputs(g: Graph, cls=CT.Document) -> list[URIRef]:
    """The input documents (realized by a source text) of class ``cls``."""
    return [d for d in sorted(set(g.objects(None, ELI.realizes)), key=str) if (d, RDF.type, cls) in g]


def cited(g: Graph, cls, dated: bool) -> list[URIRef]:
    """Cited (not input) documents of ``cls`` with a Council symbol, with or without a date."""
    own = set(g.objects(None, ELI.realizes))
    return [d for d in nodes(g, cls) if d not in own and str(g.value(d, DCTERMS.identifier)).startswith("S/")
            and ((d, ELI.date_document, None) in g) is dated]


def clone(g: Graph, node: URIRef, tag: str, drop=()) -> URIRef:
    """A copy of ``node`` and its statements under a new IRI (``…/planted/<tag>``)."""
    new = URIRef(f"{node}/planted/{tag}")
    for p, o in list(g.predicate_objects(node)):
        if p not in drop:
            g.add((new, p, o))
    return new


def put(g: Graph, s, p, o) -> None:
    """Replace every value of ``p`` on ``s`` by ``o``."""
    g.remove((s, p, None))
    g.add((s, p, o))


def day(value, days: int = 0, years: int = 0) -> Literal:
    """An xsd:date ``days`` (and ``years``) after ``value``."""
    d = dt.date.fromisoformat(str(value)) + dt.timedelta(days=days)
    return Literal(d.replace(year=d.year + years), datatype=XSD.date)


def doc_date(g: Graph, task: URIRef):
    """The date of the document that confers ``task`` (through annexes to their letter)."""
    doc = g.value(g.value(task, CT.conferredBy), ELI.is_part_of)
    while g.value(doc, ELI.date_document) is None and g.value(doc, DCTERMS.isPartOf) is not None:
        doc = g.value(doc, DCTERMS.isPartOf)
    return g.value(doc, ELI.date_document)


def mandate(g: Graph, tag: str) -> URIRef:
    """A copy of a real mandate with a review and an end date; not a renewal (that is S09's)."""
    m = next(m for m in nodes(g, CT.Mandate) if (m, CT.reviewDate, None) in g and (m, CT.endDate, None) in g)
    return clone(g, m, tag, drop=(CT.renews,))


def directive(g: Graph, tag: str) -> URIRef:
    return clone(g, next(d for d in nodes(g, CT.Directive) if (d, CT.dueDate, None) in g), tag)


def duty(g: Graph, tag: str) -> URIRef:
    return clone(g, next(d for d in nodes(g, CT.ReportingDuty) if (d, CT.frequency, None) in g), tag)


def preambular(g: Graph, i: int) -> URIRef:
    return nodes(g, CT.PreambularParagraph)[i]


# ---- documents -------------------------------------------------------------

def s01_resolution(g):
    r = cited(g, CT.Resolution, dated=False)[0]
    put(g, r, DCTERMS.identifier, Literal(str(g.value(r, DCTERMS.identifier)).replace(" (", "(")))
    return r


def s01_statement(g):
    d = inputs(g, CT.PresidentialStatement)[0]
    _, kind, year, n = str(g.value(d, DCTERMS.identifier)).split("/")
    put(g, d, DCTERMS.identifier, Literal(f"S/{kind}/{n}/{year}"))
    return d


def s01_document(g):
    d = next(d for d in cited(g, CT.Document, dated=False) if (d, RDF.type, CT.Resolution) not in g)
    put(g, d, DCTERMS.identifier, Literal(str(g.value(d, DCTERMS.identifier)).replace("/", "／")))
    return d


def s02(g):
    r = cited(g, CT.Resolution, dated=True)[0]
    put(g, r, ELI.date_document, day(g.value(r, ELI.date_document), years=1))
    return r


def s03_date(g):
    d = inputs(g, CT.PresidentialStatement)[-1]
    g.remove((d, ELI.date_document, None))
    return d


def s03_date_value(g):
    d = inputs(g, CT.Letter)[0]
    put(g, d, ELI.date_document, Literal(str(g.value(d, ELI.date_document))))
    return d


def s03_symbol(g):
    d = inputs(g, CT.Resolution)[0]
    g.remove((d, DCTERMS.identifier, None))
    return d


def s03_type(g):
    d = inputs(g, CT.Letter)[0]
    g.remove((d, RDF.type, CT.Document))
    # sh:class follows rdfs:subClassOf in the data: only sh:hasValue on rdf:type fails
    g.add((CT.Letter, RDFS.subClassOf, CT.Document))
    return d


def expression(g, tag):
    return clone(g, nodes(g, ELI.LegalExpression)[0], tag)


def source_file(g, tag):
    return clone(g, nodes(g, ELI.Format)[0], tag)


def s03_realizes(g):
    e = expression(g, "realizes")
    g.remove((e, ELI.realizes, None))
    return e


def s03_language(g):
    e = expression(g, "language")
    put(g, e, DCTERMS.language, Literal("zh-Hans"))
    return e


def s03_sha256(g):
    f = source_file(g, "sha256")
    put(g, f, CT.sha256, Literal(str(g.value(f, CT.sha256)).upper()))
    return f


def s03_file(g):
    f = source_file(g, "file")
    g.remove((f, CT.sourceFile, None))
    return f


# ---- paragraphs, passages, meetings ----------------------------------------

def s04_document(g):
    p = preambular(g, 0)
    doc = g.value(p, ELI.is_part_of)
    put(g, p, ELI.is_part_of, next(g.subjects(ELI.realizes, doc)))  # the expression, not the work
    return p


def s04_number(g):
    p = preambular(g, 1)
    put(g, p, CT.number, Literal("三"))
    return p


def s05_source(g):
    sr = clone(g, nodes(g, OA.SpecificResource)[0], "source")
    put(g, sr, OA.hasSource, g.value(g.value(g.value(sr, OA.hasSource), ELI.embodies), ELI.realizes))
    return sr


def s05_selector(g):
    sr = clone(g, nodes(g, OA.SpecificResource)[1], "selector")
    for sel in list(g.objects(sr, OA.hasSelector)):
        if (sel, RDF.type, OA.TextPositionSelector) in g:
            g.remove((sr, OA.hasSelector, sel))
    return sr


def position(g, tag):
    return clone(g, nodes(g, OA.TextPositionSelector)[0], tag)


def s05_start(g):
    p = position(g, "start")
    put(g, p, OA.start, Literal(-1))
    return p


def s05_end(g):
    p = position(g, "end")
    g.remove((p, OA.end, None))
    return p


def s05_order(g):
    p = position(g, "order")
    put(g, p, OA.start, g.value(p, OA.end))
    return p


def adopted(g):
    return sorted(set(g.objects(None, CT.adoptedAt)), key=str)


def s06_number(g):
    m = adopted(g)[1]
    put(g, m, CT.meetingNumber, Literal(str(g.value(m, CT.meetingNumber))))
    return m


def s06_date(g):
    # a meeting that adopted nothing: a second date contradicts no document (that is S18)
    m = next(m for m in nodes(g, CT.Meeting) if m not in adopted(g) and (m, DCTERMS.date, None) in g)
    g.add((m, DCTERMS.date, day(g.value(m, DCTERMS.date), 1)))
    return m


def s07(g):
    doc = inputs(g, CT.Resolution)[-1]
    ops = sorted((p for p in g.subjects(ELI.is_part_of, doc) if (p, RDF.type, CT.OperativeParagraph) in g),
                 key=lambda p: int(g.value(p, CT.number)))
    put(g, ops[-1], CT.number, g.value(ops[0], CT.number))
    return doc


# ---- tasks -------------------------------------------------------------------

def s08_holder(g):
    m = mandate(g, "holder")
    g.remove((m, CT.holder, None))
    return m


def s08_paragraph(g):
    m = mandate(g, "paragraph")
    doc = g.value(g.value(m, CT.conferredBy), ELI.is_part_of)
    pp = next(p for p in nodes(g, CT.PreambularParagraph) if (p, ELI.is_part_of, doc) in g)
    put(g, m, CT.conferredBy, pp)
    return m


def s08_end(g):
    m = mandate(g, "end")
    g.remove((m, CT.endDate, None))
    return m


def s08_enddate(g):
    m = mandate(g, "enddate")
    g.add((m, CT.endDate, day(g.value(m, CT.endDate), 1)))
    return m


def s08_duration(g):
    m = mandate(g, "duration")
    g.add((m, CT.duration, Literal("24个月")))
    return m


def s08_start(g):
    m = mandate(g, "start")
    date = doc_date(g, m)
    g.add((m, CT.startDate, day(date)))
    g.add((m, CT.startDate, day(date, 1)))
    return m


def s08_review(g):
    m = mandate(g, "review")
    g.add((m, CT.reviewDate, day(g.value(m, CT.reviewDate), -1)))
    return m


def s08_order(g):
    m = mandate(g, "order")
    put(g, m, CT.reviewDate, day(g.value(m, CT.endDate), 1))
    return m


def s08_guidance(g):
    m = mandate(g, "guidance")
    other = next(b for b in nodes(g, CT.Body) if (m, CT.underGuidanceOf, b) not in g)
    g.add((m, CT.underGuidanceOf, other))
    return m


def s09(g):
    m = mandate(g, "renews")
    original = URIRef(str(m).rsplit("/planted/", 1)[0])
    g.add((m, CT.renews, original))  # ends the same day: it does not end earlier
    return m


def s10_addressee(g):
    d = directive(g, "addressee")
    g.remove((d, CT.addressee, None))
    return d


def s10_due(g):
    d = directive(g, "due")
    g.remove((d, CT.dueDate, None))
    return d


def s10_paragraph(g):
    d = directive(g, "paragraph")
    put(g, d, CT.conferredBy, g.value(g.value(d, CT.conferredBy), ELI.is_part_of))
    return d


def s10_concerns(g):
    d = directive(g, "concerns")
    g.add((d, CT.concerns, nodes(g, CT.Body)[0]))
    return d


def s13(prop, tag, value=None):
    def plant(g):
        d = duty(g, tag)
        g.remove((d, prop, None))
        if value is not None:
            g.add((d, prop, value))
        return d
    return plant


# ---- bodies, mentions --------------------------------------------------------

def s11_label(g):
    b = nodes(g, CT.Body)[0]
    for label in list(g.objects(b, SKOS.prefLabel)):
        if label.language == "zh":
            g.remove((b, SKOS.prefLabel, label))
    return b


def s11_languages(g):
    b = nodes(g, CT.Body)[1]
    g.add((b, SKOS.prefLabel, Literal("a second English name", lang="en")))
    return b


def s11_notation(g):
    b = nodes(g, CT.Body)[2]
    put(g, b, SKOS.notation, Literal(str(g.value(b, SKOS.notation)).lower()))
    return b


def s12_mentions(g):
    p = sorted(set(g.subjects(CT.mentions, None)), key=str)[0]
    g.add((p, CT.mentions, cited(g, CT.Resolution, dated=True)[0]))
    return p


def s12_identifying(g):
    a = sorted(set(g.subjects(OA.motivatedBy, OA.identifying)), key=str)[0]
    put(g, a, OA.hasBody, cited(g, CT.Resolution, dated=True)[0])
    return a


def themes_used(g) -> list[URIRef]:
    """The theme concepts some paragraph is about, in IRI order."""
    return sorted({o for o in g.objects(None, DCTERMS.subject) if (o, SKOS.inScheme, None) in g}, key=str)


def classifying(g, k: int) -> URIRef:
    """The ``k``-th theme annotation, in IRI order."""
    return sorted(set(g.subjects(OA.motivatedBy, OA.classifying)), key=str)[k]


def s19_subject(g):
    p = sorted(set(g.subjects(CT.operativeVerb, None)), key=str)[0]
    g.add((p, DCTERMS.subject, g.value(p, CT.operativeVerb)))  # a verb concept: not a theme
    return p


def s19_label(g):
    t = themes_used(g)[0]
    for label in list(g.objects(t, SKOS.prefLabel)):
        if label.language == "en":
            g.remove((t, SKOS.prefLabel, label))
    return t


def s19_notation(g):
    t = themes_used(g)[1]
    put(g, t, SKOS.notation, Literal(str(g.value(t, SKOS.notation)).upper()))
    return t


def s20_body(g):
    a = classifying(g, 0)
    g.add((a, OA.hasBody, themes_used(g)[2]))  # a second theme
    return a


def s20_target(g):
    a = classifying(g, 1)
    target = g.value(a, OA.hasTarget)
    new = URIRef(f"{target}/planted/target")
    g.add((new, RDF.type, OA.SpecificResource))
    for sel in g.objects(target, OA.hasSelector):  # the position selector only
        if (sel, RDF.type, OA.TextPositionSelector) in g:
            g.add((new, OA.hasSelector, sel))
    g.add((new, OA.hasSource, g.value(target, OA.hasSource)))
    put(g, a, OA.hasTarget, new)
    return a


def s20_paragraph(g):
    a = classifying(g, 2)
    g.remove((a, CT.inParagraph, None))
    return a


# ---- plausibility ------------------------------------------------------------

def s14_due(g):
    d = directive(g, "dueAfterDocument")
    put(g, d, CT.dueDate, day(doc_date(g, d), -1))
    return d


def s14_end(g):
    m = mandate(g, "endAfterDocument")
    g.remove((m, CT.reviewDate, None))  # else review ≤ end (S08-Mandate-order) fails too
    put(g, m, CT.endDate, day(doc_date(g, m), -1))
    return m


def s14_review(g):
    m = mandate(g, "reviewAfterDocument")
    put(g, m, CT.reviewDate, day(doc_date(g, m), -1))
    return m


def s15(g):
    m = mandate(g, "startOrder")
    g.add((m, CT.startDate, day(g.value(m, CT.reviewDate), 1)))
    return m


def s16(g):
    m = mandate(g, "endWithin30Years")
    put(g, m, CT.endDate, day(doc_date(g, m), years=31))
    return m


def s17(g):
    d = inputs(g, CT.Resolution)[-1]
    cite = URIRef(f"{d}/planted/cites")
    g.add((d, DCTERMS.references, cite))
    g.add((cite, DCTERMS.identifier, Literal("S/RES/1373 (2010)")))  # 1373 is of 2001
    return d


def s18(g):
    m = adopted(g)[0]
    put(g, m, DCTERMS.date, day(g.value(m, DCTERMS.date), 1))
    return m


class Planted(NamedTuple):
    shape: str
    plant: Callable[[Graph], URIRef]


ROWS = [
    # a cited resolution's symbol without the space before the year: S/RES/1267(1999)
    Planted("S01-Resolution-symbol", s01_resolution),
    # a statement's symbol with number and year swapped: S/PRST/17/2012
    Planted("S01-PresidentialStatement-symbol", s01_statement),
    # a cited report's symbol with full-width slashes: S／2015／939
    Planted("S01-Document-symbol", s01_document),
    # a cited resolution dated a year after the year in its symbol
    Planted("S02-Resolution-year", s02),
    # a statement without its date (a Warning)
    Planted("S03-InputDocument-date", s03_date),
    # a letter's date as a plain string, not an xsd:date
    Planted("S03-InputDocument-dateValue", s03_date_value),
    # a resolution without its symbol (a Warning)
    Planted("S03-InputDocument-symbol", s03_symbol),
    # a letter typed ct:Letter only (ct:Letter ⊑ ct:Document stated in the data)
    Planted("S03-InputDocument-type", s03_type),
    # a second text of a document that realizes nothing
    Planted("S03-SourceText-realizes", s03_realizes),
    # a text in "zh-Hans", not "zh"
    Planted("S03-SourceText-language", s03_language),
    # an input file with an upper-case digest
    Planted("S03-SourceText-sha256", s03_sha256),
    # an input file that names no file
    Planted("S03-SourceText-file", s03_file),
    # a preambular paragraph part of the expression, not of the document
    Planted("S04-Paragraph-document", s04_document),
    # a paragraph numbered "三"
    Planted("S04-Paragraph-number", s04_number),
    # a passage whose source is the document, not the input file
    Planted("S05-Derived-source", s05_source),
    # a passage with a quote selector only
    Planted("S05-Derived-selector", s05_selector),
    # a text position starting at -1
    Planted("S05-Position-start", s05_start),
    # a text position without its end
    Planted("S05-Position-end", s05_end),
    # a text position that starts where it ends
    Planted("S05-Position-order", s05_order),
    # a meeting number as a string
    Planted("S06-Meeting-number", s06_number),
    # a meeting with a second date
    Planted("S06-Meeting-date", s06_date),
    # a resolution's last operative paragraph numbered as its first
    Planted("S07-Operative-unique", s07),
    # a mandate without its holder
    Planted("S08-Mandate-holder", s08_holder),
    # a mandate conferred by a preambular paragraph
    Planted("S08-Mandate-paragraph", s08_paragraph),
    # a mandate with neither end date nor duration
    Planted("S08-Mandate-end", s08_end),
    # a mandate with two end dates
    Planted("S08-Mandate-enddate", s08_enddate),
    # a mandate whose duration is text ("24个月"), not an xsd:duration
    Planted("S08-Mandate-duration", s08_duration),
    # a mandate with two start dates
    Planted("S08-Mandate-start", s08_start),
    # a mandate with two review dates
    Planted("S08-Mandate-review", s08_review),
    # a mandate reviewed the day after it ends
    Planted("S08-Mandate-order", s08_order),
    # a mandate under the guidance of two bodies
    Planted("S08-Mandate-guidance", s08_guidance),
    # a mandate renewing one that ends the same day
    Planted("S09-Mandate-renews", s09),
    # a directive addressed to no one
    Planted("S10-Directive-addressee", s10_addressee),
    # a directive without its due date
    Planted("S10-Directive-due", s10_due),
    # a directive conferred by the document, not a paragraph
    Planted("S10-Directive-paragraph", s10_paragraph),
    # a directive concerning a body, not a document
    Planted("S10-Directive-concerns", s10_concerns),
    # a body without its Chinese name
    Planted("S11-Body-label", s11_label),
    # a body with two English names
    Planted("S11-Body-languages", s11_languages),
    # a body with a lower-case key
    Planted("S11-Body-notation", s11_notation),
    # a paragraph mentioning a resolution as if it were a body
    Planted("S12-Mentions-body", s12_mentions),
    # a mention annotation whose body is a resolution
    Planted("S12-Identifying-body", s12_identifying),
    # a paragraph "about" a verb concept, which is no theme
    Planted("S19-Subject-theme", s19_subject),
    # a theme without its English label
    Planted("S19-Theme-label", s19_label),
    # a theme whose key is in capitals
    Planted("S19-Theme-notation", s19_notation),
    # a theme's annotation with two themes
    Planted("S20-Classifying-body", s20_body),
    # a theme's annotation whose target has no quote selector
    Planted("S20-Classifying-target", s20_target),
    # a theme's annotation naming no paragraph
    Planted("S20-Classifying-paragraph", s20_paragraph),
    # a reporting duty addressed to no one
    Planted("S13-ReportingDuty-addressee", s13(CT.addressee, "addressee")),
    # a reporting duty reporting to no one
    Planted("S13-ReportingDuty-recipient", s13(CT.reportsTo, "recipient")),
    # a reporting duty conferred by nothing
    Planted("S13-ReportingDuty-paragraph", s13(CT.conferredBy, "paragraph")),
    # a reporting duty every "每隔60天", text not a duration
    Planted("S13-ReportingDuty-frequency", s13(CT.frequency, "frequency", Literal("每隔60天"))),
    # a directive due the day before the document that gives it
    Planted("S14-Directive-dueAfterDocument", s14_due),
    # a mandate ending the day before the document that confers it
    Planted("S14-Mandate-endAfterDocument", s14_end),
    # a mandate reviewed the day before the document that confers it
    Planted("S14-Mandate-reviewAfterDocument", s14_review),
    # a mandate starting the day after its review
    Planted("S15-Mandate-startOrder", s15),
    # a mandate ending 31 years after its document (a Warning)
    Planted("S16-Mandate-endWithin30Years", s16),
    # a resolution citing S/RES/1373 (2010): 1373 was adopted in 2001
    Planted("S17-Resolution-numberYear", s17),
    # an adopting meeting dated the day after the document it adopted
    Planted("S18-Meeting-adoptionDate", s18),
]


def plant_all(g: Graph) -> dict[str, URIRef]:
    """Plant every row's fault in ``g`` (in place); each row's shape id → its focus node."""
    return {row.shape: row.plant(g) for row in ROWS}
