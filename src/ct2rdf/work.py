"""One input file → its part of the graph, written to disk, and a small summary.

:func:`run_task` is what a worker process (or a Dask worker) runs: it reads
the file, extracts its facts (:func:`ct2rdf.pipeline.process`), makes its
triples (:func:`ct2rdf.rdf.graph.document_triples`), writes them as
*chunks* — Turtle (the document's own triples) and N-Quads (all its triples,
in the named graph of its IRI), byte for byte what Oxigraph's serializers
would write — checks them against the shapes, and returns a
:class:`DocOut`: a few kilobytes the build-wide merge needs, never the text
or the triples.  So memory is bounded by the largest
document, and the writer only concatenates chunks.

Chunks and summaries are cached under a key made of the file's sha256, its
catalog row, the base IRI, the IRI path, the options (validate, themes) and the
tool version: a rebuild
after one file changed runs only that file again.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import pickle
import stat
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from . import __version__, hooks
from .atomic import write_atomic
from .cache import touch
from .errors import InputError
from .symbols import Symbol

_TYPE_SLUG = {"resolution": "res", "prst": "prst", "letter": "letter", "other": "doc"}
FORMATS = ("ttl", "nq")  # the chunk kinds every document gets


@dataclass(frozen=True)
class Task:
    """What a worker needs to turn one file into its chunks (small, picklable)."""

    name: str  # the file's name in the graph (relative to its input root)
    file: str  # where to read it
    catalog: dict | None
    base: str
    folder: str  # where to write the chunks: the cache, or the build's spool folder
    check: bool = True  # validate the document against the shapes
    path: str | None = None  # force this IRI path (a minted path that clashed)
    keep: bool = False  # return the full pipeline Result too (in-process builds, tests)
    data: bytes | None = None  # the file's bytes, sent along (a cluster's workers may not see the file)
    inline: bool = False  # return the chunks' bytes instead of writing them (see materialize)
    max_bytes: int = 20_000_000  # refuse files larger than this (0: no limit)
    max_facts: int = 100_000  # refuse documents with more facts of one kind (0: no limit)
    themes: bool = True  # tag paragraphs with themes (jieba)


@dataclass(frozen=True)
class Mandate:
    """A mandate, as the build-wide steps see it."""

    node: str  # its IRI
    holder: str
    kind: str | None
    end: dt.date | None
    duration: str | None


@dataclass(frozen=True)
class DocOut:
    """What one input file produced, for the merge and the writer."""

    name: str
    sha256: str = ""
    error: InputError | None = None
    warnings: tuple[str, ...] = ()
    catalog: dict = field(default_factory=dict)
    symbol: Symbol | None = None
    doc_type: str = "other"
    date: dt.date | None = None
    path: str = ""  # the IRI path (below the base) the chunks were made with
    minted: bool = False  # the path is made from type and date: the merge may change it
    iri: str = ""
    paragraphs: int = 0
    citations: int = 0
    triples: int = 0  # in the document's named graph
    # for the dataset description (ct2rdf.rdf.void), over its own triples only:
    # no other document has their subjects, so the build sums them
    subjects: int = 0  # distinct subjects
    predicates: dict = field(default_factory=dict)  # predicate IRI → triples
    classes: dict = field(default_factory=dict)  # class IRI → instances
    mandates: tuple[Mandate, ...] = ()
    cited: tuple = ()  # (symbol, date or None) of every document it cites
    meetings: tuple[int, ...] = ()  # numbers of the Council meetings it describes
    shared: tuple = ()  # its triples about nodes other documents describe too
    groups: dict = field(default_factory=dict)  # node → triples the cross-document shapes need
    findings: tuple | None = None  # shape results on this document alone; None: not checked
    chunks: dict = field(default_factory=dict)  # format → chunk file
    key: str = ""  # the cache key
    reused: bool = False  # read from the cache, not made
    size: int = 0  # the file's bytes
    seconds: dict = field(default_factory=dict)  # CPU seconds per step of making it (see bench/)
    result: object = None  # the pipeline Result, only when Task.keep

    @property
    def ok(self) -> bool:
        return self.error is None


def cache_key(task: Task, sha256: str) -> str:
    """The chunks' key: everything a document's chunks depend on.

    The code counts as its files' contents, not only the version number: a
    changed extractor or shape between two releases must not reuse chunks.
    """
    h = hashlib.sha256()
    row = json.dumps(task.catalog or {}, sort_keys=True, ensure_ascii=False)
    # themes too: a themed chunk must never stand in for a --no-themes one, or the reverse
    parts = (code_digest(), sha256, row, task.base, task.path or "", str(task.check), str(task.themes),
             str(task.max_facts))
    for part in parts:
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:32]


@lru_cache(maxsize=1)
def code_digest() -> str:
    """sha256 over the tool version and the name, size and modification time of
    every file of the installed package (code, data, shapes): stat, not read,
    so it costs a millisecond; a touched file only costs a rebuild.

    In a source checkout the shapes are outside the package (at the top of
    the repository): they count too, or documents checked against edited
    shapes would keep their old results.
    """
    from .resources import resource_dir

    root = Path(__file__).resolve().parent
    h = hashlib.sha256(f"ct2rdf {__version__}".encode())
    shapes = resource_dir("shapes").resolve()
    for top in (root,) if shapes.is_relative_to(root) else (root, shapes):
        for f in sorted(p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            st = f.stat()
            name = f.relative_to(root if top == root else top.parent).as_posix()
            h.update(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def run_task(task: Task) -> DocOut:
    """Read, extract, make triples, write chunks, validate: one file, no exceptions."""
    if hooks.ACTIVE:
        hooks.at("extract", task.name)
    data = task.data if task.data is not None else read_input(task)
    if isinstance(data, DocOut):
        return data
    sha = hashlib.sha256(data).hexdigest()
    key = cache_key(task, sha)
    if not task.keep and not task.inline:
        cached = load(task.folder, key)
        if cached is not None:
            return replace(cached, name=task.name, reused=True)
    out = replace(_make(task, data, sha, key), size=len(data))
    if out.ok and not task.inline:
        out = materialize(out, task.folder, cache=not task.keep)
    return out


def read_input(task: Task) -> bytes | DocOut:
    """The task's file's bytes, or a DocOut saying why they cannot be read (see :func:`read`)."""
    try:
        return read(task.file, task.max_bytes)
    except InputError as e:
        return DocOut(task.name, error=InputError(task.name, e.cause, e.fix))
    except OSError as e:
        return DocOut(task.name, error=InputError(task.name, f"cannot read it ({e.strerror})",
                                                  "Check the path and its permissions"))


def read(path: str, max_bytes: int = 0) -> bytes:
    """A file's bytes: only a regular file, only up to ``max_bytes`` (0: no limit).

    A FIFO named on the command line would block the build forever, and a
    link to /dev/zero would read until memory ran out: both are refused by
    type before opening (and opened without blocking, checked again on the
    open file, in case the path changed in between).  Past the size limit
    nothing is read at all.  Each refusal says what the path is.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(path, f"a broken link (to {os.readlink(path)}, which does not exist)",
                             "Fix or remove the link") from None
        raise
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputError(path, "a symbolic link loop (links that lead back to each other)",
                             "Fix or remove the links") from None
        raise
    _check_type(path, st, max_bytes)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as f:
        _check_type(path, os.fstat(fd), max_bytes)
        data = f.read(max_bytes + 1) if max_bytes else f.read()
    if max_bytes and len(data) > max_bytes:  # it grew while we looked
        raise InputError(path, f"over the limit of --max-size {max_bytes / 1e6:g} MB",
                         "Split it, or raise the limit with --max-size")
    return data


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _check_type(path: str, st: os.stat_result, max_bytes: int) -> None:
    """Refuse anything but a regular file within ``max_bytes``, saying what it is."""
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), "a special file")
        raise InputError(path, f"not a regular file but {kind}", "Give ct2rdf text files only")
    if max_bytes and st.st_size > max_bytes:
        raise InputError(path, f"{st.st_size:,} bytes ({st.st_size / 1e6:.1f} MB) is over the limit of "
                         f"--max-size {max_bytes / 1e6:g} MB", "Split it, or raise the limit with --max-size")


def materialize(out: DocOut, folder: str, cache: bool = True) -> DocOut:
    """Write the chunks ``out`` carries as bytes into ``folder``; cache its summary."""
    paths = {}
    for fmt, data in out.chunks.items():
        paths[fmt] = str(Path(folder) / f"{out.key}.{fmt}")
        _write(Path(paths[fmt]), data)
    out = replace(out, chunks=paths)
    if cache:
        store(folder, out)
    return out


def _make(task: Task, data: bytes, sha: str, key: str) -> DocOut:
    from .pipeline import process
    from .rdf.graph import document_triples, meeting_iri

    clock = [time.process_time()]

    def lap() -> float:
        clock.append(time.process_time())
        return clock[-1] - clock[-2]

    r = process(task.name, data, task.catalog, themes=task.themes, max_facts=task.max_facts)
    if r.error is not None:
        return DocOut(task.name, sha, error=r.error, result=r if task.keep else None)
    seconds = {"extract": lap()}
    doc = r.doc
    h = doc.structure.header
    minted = doc.symbol is None
    path = task.path or (doc.symbol.path if doc.symbol else minted_path(h.doc_type, doc.date))
    g = document_triples(doc, r.facts, path, task.base)
    seconds["triples"] = lap()
    chunks = {"ttl": _turtle_chunk(g)}
    seconds["turtle"] = lap()
    chunks["nq"] = _nquads_chunk(g)
    seconds["nquads"] = lap()
    findings = _check(g) if task.check else None
    seconds["validate"] = lap()
    meetings = meeting_iri(task.base, "")  # the IRIs of the Council's meetings start so
    mandates = tuple(
        Mandate(f"{g.iri}/{m.key}", m.holder, m.kind, m.end, m.duration) for m in r.facts.get("mandates", ())
    )
    return DocOut(
        name=task.name, sha256=sha, warnings=r.warnings, catalog=dict(task.catalog or {}),
        symbol=doc.symbol, doc_type=h.doc_type, date=doc.date, path=path, minted=minted, iri=g.iri,
        paragraphs=len(doc.structure.paragraphs), citations=len(r.facts.get("citations", ())),
        triples=len(g.own) + len(g.shared), **_counts(g.own), mandates=mandates, cited=g.cited,
        meetings=tuple(sorted({int(t[0][len(meetings):]) for t in g.shared if t[0].startswith(meetings)})),
        shared=g.shared, groups=_groups(g, mandates, meetings), findings=findings, chunks=chunks, key=key,
        seconds=seconds,
        result=r if task.keep else None,
    )


def _counts(own) -> dict:
    """Distinct subjects, triples per predicate and instances per class of the document's own triples."""
    from .rdf.nt import RDF_TYPE

    predicates = Counter(t[1] for t in own)
    classes = Counter(t[2][1:-1] for t in own if t[1] == RDF_TYPE)
    return {"subjects": len({t[0] for t in own}), "predicates": dict(sorted(predicates.items())),
            "classes": dict(sorted(classes.items()))}


def minted_path(doc_type: str, date: dt.date | None) -> str:
    """The IRI path of a document without a symbol: ``doc/<type>-<date>``."""
    return f"doc/{_TYPE_SLUG[doc_type]}-{date.isoformat() if date else 'undated'}"


def _turtle_chunk(g) -> bytes:
    """The document's own triples as Turtle, no prefix lines.

    Written by :func:`ct2rdf.rdf.turtle.turtle`, byte for byte what Oxigraph's
    serializer makes of the same triples (tests/test_turtle.py holds it to
    that) at a quarter of the cost: Oxigraph had to parse the document's
    N-Triples text first, and crossing into Rust and back was most of the time.
    """
    from .rdf.turtle import turtle

    return turtle(g.own).encode()


def _nquads_chunk(g) -> bytes:
    """All the document's triples as N-Quads in the named graph of its IRI.

    Straight from the encoder: its lines are what Oxigraph's N-Quads
    serializer writes for them, byte for byte (tests/test_nt.py holds it to
    that), at a third of the cost.  The terms were parsed by the shape
    check's engine; a build without it trusts the encoder, as the tests do.
    """
    from .rdf import nt

    return nt.lines(nt.merged(g.own, g.shared), graph=g.iri).encode()


def _groups(g, mandates: tuple[Mandate, ...], meetings: str) -> dict:
    """The triples the cross-document shapes need, by node: each meeting this
    document describes (with the document's adoption), each mandate (with
    the paragraph, annex and document that date it)."""
    from .rdf.namespace import CT, DCTERMS, ELI
    from .rdf.nt import RDF_TYPE

    by_subject: dict[str, list] = {}
    for t in g.own + g.shared:
        by_subject.setdefault(t[0], []).append(t)
    keep_doc = {RDF_TYPE, str(ELI.date_document), str(DCTERMS.identifier), str(CT.adoptedAt)}
    keep_part = {RDF_TYPE, str(ELI.is_part_of), str(CT.number), str(DCTERMS.isPartOf)}
    skip_task = {"http://www.w3.org/ns/prov#wasDerivedFrom", "http://www.w3.org/ns/prov#wasGeneratedBy"}
    doc = [t for t in by_subject.get(g.iri, ()) if t[1] in keep_doc]
    out: dict[str, tuple] = {}
    for node, triples in by_subject.items():
        if node.startswith(meetings):
            out[node] = tuple(t for t in triples if t[1] not in skip_task) + tuple(doc)
    for m in mandates:
        task = [t for t in by_subject.get(m.node, ()) if t[1] not in skip_task]
        parts = []
        para = next((t[2][1:-1] for t in task if t[1] == str(CT.conferredBy)), None)
        while para and para != g.iri:
            triples = [t for t in by_subject.get(para, ()) if t[1] in keep_part]
            parts += triples
            up = [t[2][1:-1] for t in triples if t[1] in (str(ELI.is_part_of), str(DCTERMS.isPartOf))]
            para = up[0] if up else None
        out[m.node] = tuple(task + parts + doc)
    return out


def _check(g) -> tuple:
    """The document's shape results: its triples, the stubs of what it cites, and
    the reference nodes it names: bodies, themes, verbs (``sh:class ct:Body``, S19).
    Only those: the reference data is a third of a document's size, and the
    summary graph checks all of it once (see ``build._verdict``)."""
    from .rdf import nt
    from .rdf.shacl import checker

    triples = g.own + g.shared
    nodes = _reference_nodes()
    named = {o for _, _, o in triples if o in nodes}
    data = nt.lines(triples + g.stubs) + "".join(nodes[o] for o in sorted(named))
    return checker().check(data)


@lru_cache(maxsize=1)
def _reference_nodes() -> dict[str, str]:
    """Each reference node's triples (a body's, a theme's, a verb's…) as N-Triples text,
    by its term (``<iri>``)."""
    from .rdf import nt
    from .rdf.graph import reference_triples

    out: dict[str, list] = {}
    for t in reference_triples():
        out.setdefault(f"<{t[0]}>", []).append(t)
    return {k: nt.lines(v) for k, v in out.items()}


# *** the cache ***


def load(folder: str, key: str) -> DocOut | None:
    """The cached summary for ``key`` if it and its chunks are all there."""
    try:
        with open(Path(folder) / f"{key}.pkl", "rb") as f:
            out = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    if not isinstance(out, DocOut) or not all(_filled(p) for p in out.chunks.values()):
        return None
    touch(Path(folder) / f"{key}.pkl")  # used now: see ct2rdf.cache.prune
    return out


def _filled(path: str) -> bool:
    """A chunk file is there and not empty (the cache is written without fsync: after a
    power cut a renamed file can be there but empty; the document is then made again)."""
    try:
        return os.stat(path).st_size > 0
    except OSError:
        return False


def store(folder: str, out: DocOut) -> None:
    """Cache ``out`` (its chunks are written already)."""
    _write(Path(folder) / f"{out.key}.pkl", pickle.dumps(replace(out, result=None), protocol=5))


def _write(path: Path, data: bytes) -> None:
    """Write atomically: a reader (another build sharing the cache) never sees half a file.
    No fsync: a cache entry lost in a power cut is only made again."""
    write_atomic(path, data, durable=False)
