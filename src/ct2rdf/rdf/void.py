"""The dataset description (``void.ttl``): VoID statistics and DCAT distributions.

Written beside every build's output files, so a store, a catalogue or a
crawler learns what the files hold without loading them: triples, entities,
documents, class and property partitions, the named graphs, the input files
with their sha256, the tool version, the licence and one ``dcat:Distribution``
per written file (media type, byte size, a download URL relative to
``void.ttl``).

The counts never need the corpus' graph.  Each worker counts its document's
*own* triples (their subjects are under the document's IRI, so no other
document has them; see :class:`ct2rdf.work.DocOut`); here those counts are
summed and the build-wide block (reference data, triples documents share,
the build's triples: each once, as the writer writes them) is counted on top.
tests/test_void.py checks every number against SPARQL over the written graph.

The bytes depend on the inputs only (no timestamps), like the graph's.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from . import nt
from .namespace import PREFIXES, REFERENCE_BASE

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
SD = "http://www.w3.org/ns/sparql-service-description#"
DCTERMS, RDFS, XSD, PROV = PREFIXES["dcterms"], PREFIXES["rdfs"], PREFIXES["xsd"], PREFIXES["prov"]
CT = PREFIXES["ct"]
MEDIA_TYPES = "http://www.iana.org/assignments/media-types/"
# The graph is dedicated to the public domain; the passages it quotes are
# United Nations official documents, which the UN publishes for public use.
LICENSE = "http://creativecommons.org/publicdomain/zero/1.0/"
NAME = "void.ttl"
VOID_PREFIXES = {"void": VOID, "dcat": DCAT, "sd": SD, **PREFIXES}
# Stands for the folder of void.ttl while serializing: Oxigraph writes the
# download URLs relative to it, and the @base line naming it is dropped, so
# a reader resolves them against wherever void.ttl is.
_HERE = "file:///ct2rdf-output/"
_RDF_TYPE = nt.RDF_TYPE


class Stats:
    """The union graph's counts, summed from the documents' and the build-wide block's."""

    def __init__(self, docs, assembly):
        self.docs = tuple(docs)
        tail = [(s, p, o.replace(assembly.placeholder.decode(), assembly.run.decode()))
                for s, p, o in {*assembly.reference, *assembly.shared, *assembly.build}]
        self.predicates = Counter(t[1] for t in tail)
        self.classes = Counter(t[2][1:-1] for t in tail if t[1] == _RDF_TYPE)
        for d in self.docs:
            self.predicates.update(d.predicates)
            self.classes.update(d.classes)
        self.triples = sum(self.predicates.values())
        owners = {d.iri for d in self.docs}
        extra = {t[0] for t in tail if not _owned(t[0], owners)}
        self.subjects = sum(d.subjects for d in self.docs) + len(extra)
        # (slug, named graph, quads): each document's graph, the reference and build graphs
        self.graphs = [(d.path, d.iri, d.triples) for d in self.docs]
        self.graphs.append(("reference", f"{REFERENCE_BASE}graph/reference", len(set(assembly.reference))))
        self.graphs.append(("build", f"{assembly.base}graph/build", len(set(assembly.build))))


def _owned(subject: str, owners: set[str]) -> bool:
    """Whether ``subject`` is a document's IRI or under one (then that document counted it)."""
    node = subject
    while node:
        if node in owners:
            return True
        cut = node.rfind("/")
        node = node[:cut] if cut > 0 else ""
    return False


def describe(docs, assembly, files: dict, folder: Path) -> bytes:
    """``void.ttl``'s bytes: the dataset built from ``docs`` (DocOuts, in output
    order), written as ``files`` (path → bytes written) into ``folder``."""
    import pyoxigraph as ox

    base = assembly.base
    stats = Stats(docs, assembly)
    ds = f"{base}void"
    out: list[nt.Triple] = []

    def add(s: str, p: str, o: str) -> None:
        out.append((s, p, o))

    for cls in (f"{VOID}Dataset", f"{DCAT}Dataset"):
        add(ds, _RDF_TYPE, nt.iri(cls))
    add(ds, f"{DCTERMS}title", nt.text("ct2rdf: UN Security Council counter-terrorism documents", "en"))
    add(ds, f"{DCTERMS}title", nt.text("ct2rdf：联合国安全理事会反恐文件", "zh"))
    add(ds, f"{DCTERMS}description", nt.text(
        "Facts read from United Nations Security Council documents in Chinese (mandates, "
        "directives, reporting duties, citations, meetings, bodies), each with the exact "
        "passage of its source file.", "en"))
    add(ds, f"{DCTERMS}license", nt.iri(LICENSE))
    add(ds, f"{DCTERMS}language", nt.iri("http://publications.europa.eu/resource/authority/language/ZHO"))
    add(ds, f"{VOID}uriSpace", nt.text(base))
    add(ds, f"{PROV}wasGeneratedBy", nt.iri(assembly.run.decode()))
    agent = f"{REFERENCE_BASE}software/ct2rdf/{__version__}"
    add(ds, f"{DCTERMS}creator", nt.iri(agent))
    add(agent, f"{CT}toolVersion", nt.text(__version__))
    _counts(add, ds, stats)
    _partitions(add, ds, stats)
    _graphs(add, ds, stats)
    for d in stats.docs:
        src = f"{d.iri}/zh/txt"
        add(ds, f"{DCTERMS}source", nt.iri(src))
        add(src, f"{CT}sourceFile", nt.text(d.name))
        add(src, f"{CT}sha256", nt.text(d.sha256))
    _distributions(add, ds, files, Path(folder))
    triples = ox.parse(nt.lines(nt.ordered(out)).encode(), format=ox.RdfFormat.N_TRIPLES)
    prefixes = _used(out)
    ttl = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes, base_iri=_HERE)
    # Oxigraph's @prefix lines come in no fixed order: write ours, in a fixed one
    head = f"# Dataset description (VoID, DCAT) written by ct2rdf {__version__}.\n" + "".join(
        f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items())
    body = [line for line in ttl.split(b"\n") if not line.startswith((b"@base", b"@prefix"))]
    return head.encode() + b"\n".join(body)


def _counts(add, ds: str, stats: Stats) -> None:
    for p, n in (("triples", stats.triples), ("entities", stats.subjects),
                 ("distinctSubjects", stats.subjects), ("properties", len(stats.predicates)),
                 ("classes", len(stats.classes)), ("documents", len(stats.docs))):
        add(ds, f"{VOID}{p}", nt.integer(n))


def _partitions(add, ds: str, stats: Stats) -> None:
    """One class partition (instances) per class, one property partition (triples) per property."""
    for cls, n in stats.classes.items():
        node = f"{ds}/class/{_slug(cls)}"
        add(ds, f"{VOID}classPartition", nt.iri(node))
        add(node, f"{VOID}class", nt.iri(cls))
        add(node, f"{VOID}entities", nt.integer(n))
    for prop, n in stats.predicates.items():
        node = f"{ds}/property/{_slug(prop)}"
        add(ds, f"{VOID}propertyPartition", nt.iri(node))
        add(node, f"{VOID}property", nt.iri(prop))
        add(node, f"{VOID}triples", nt.integer(n))
    for ns in sorted({_namespace(p) for p in (*stats.predicates, *stats.classes)} - {None}):
        add(ds, f"{VOID}vocabulary", nt.iri(ns))


def _graphs(add, ds: str, stats: Stats) -> None:
    """Each named graph of the N-Quads / TriG / JSON-LD files, as a subset: its name and its triples."""
    for slug, name, n in stats.graphs:
        node = f"{ds}/graph/{quote(slug, safe='/().-_~')}"
        add(ds, f"{VOID}subset", nt.iri(node))
        add(node, _RDF_TYPE, nt.iri(f"{VOID}Dataset"))
        add(node, f"{SD}name", nt.iri(name))
        add(node, f"{VOID}triples", nt.integer(n))


def _distributions(add, ds: str, files: dict, folder: Path) -> None:
    """One dcat:Distribution per written file, its URL relative to ``folder``."""
    from .write import FORMATS, format_of

    for path, size in sorted(files.items()):
        fmt = format_of(Path(path))
        rel = os.path.relpath(Path(path).resolve(), folder.resolve())
        inside = not rel.startswith("..")
        url = _HERE + quote(Path(rel).as_posix()) if inside else Path(path).resolve().as_uri()
        node = f"{ds}/distribution/{quote(Path(rel).as_posix(), safe='/().-_~')}"
        add(ds, f"{DCAT}distribution", nt.iri(node))
        add(ds, f"{VOID}dataDump", nt.iri(url))
        add(node, _RDF_TYPE, nt.iri(f"{DCAT}Distribution"))
        add(node, f"{DCAT}downloadURL", nt.iri(url))
        add(node, f"{DCAT}byteSize", nt.typed(str(size), f"{XSD}nonNegativeInteger"))
        if fmt:
            add(node, f"{DCAT}mediaType", nt.iri(MEDIA_TYPES + FORMATS[fmt][1]))
        add(node, f"{DCTERMS}license", nt.iri(LICENSE))


def _namespace(term: str) -> str | None:
    return next((ns for ns in PREFIXES.values() if term.startswith(ns)), None)


def _slug(term: str) -> str:
    """``ct-Resolution`` for a term of a known vocabulary, else the IRI percent-encoded."""
    for prefix, ns in PREFIXES.items():
        if term.startswith(ns) and term[len(ns):].replace("_", "").isalnum():
            return f"{prefix}-{term[len(ns):]}"
    return quote(term, safe="")


def _used(triples) -> dict[str, str]:
    """The prefixes the description's terms use (no unused @prefix lines)."""
    text = " ".join(x for t in triples for x in t)
    return {p: ns for p, ns in VOID_PREFIXES.items() if ns in text}


def write_beside(result, written: dict, folder: Path, staged=None) -> list[Path]:
    """Write ``void.ttl`` (describing ``written``: path → bytes) into ``folder``, and the
    JSON-LD context file when a JSON-LD file was written; return the paths written.
    Into ``staged`` (a :class:`ct2rdf.atomic.Staged`) when given, else each atomically."""
    from ..atomic import write_atomic
    from .write import CONTEXT_FILE, context_bytes, format_of

    put = staged.write if staged is not None else write_atomic

    folder = Path(folder)
    docs = [e.result for e in sorted(result.corpus.entries, key=lambda e: nt.natural(e.path))]
    out = []
    if any(format_of(Path(p)) == "jsonld" for p in written):
        out.append(folder / CONTEXT_FILE)
        put(out[-1], context_bytes())
    out.append(folder / NAME)
    put(out[-1], describe(docs, result.assembly, written, folder))
    return out
