"""void.ttl: every count it states equals a SPARQL count over the written graph (pyoxigraph),
every distribution names a written file with its size and media type, the bytes are stable."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from conftest import BASE, SEEDS
from ct2rdf.build import build
from ct2rdf.cli import cli
from ct2rdf.rdf.void import LICENSE, write_beside
from ct2rdf.rdf.write import context_bytes

VOID = "http://rdfs.org/ns/void#"
DS = f"{BASE}void"
PREFIXES = f"PREFIX void: <{VOID}> PREFIX dcat: <http://www.w3.org/ns/dcat#> " \
           "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> "


@pytest.fixture(scope="module")
def written(tmp_path_factory, seed_build):
    """The seeds written as every format into one folder, with void.ttl beside them."""
    folder = tmp_path_factory.mktemp("void")
    files = {}
    for fmt in ("ttl", "nt", "nq", "trig", "jsonld"):
        path = folder / f"ct.{fmt}"
        files[str(path)] = seed_build.write(path, fmt)
    write_beside(seed_build, files, folder)
    return folder


@pytest.fixture(scope="module")
def data(written):
    """The written dataset (N-Quads: every named graph) in a store."""
    store = ox.Store()
    store.bulk_load(path=str(written / "ct.nq"), format=ox.RdfFormat.N_QUADS)
    return store


@pytest.fixture(scope="module")
def void(written):
    """void.ttl in a store, its relative IRIs resolved against its own location."""
    store = ox.Store()
    store.load(path=str(written / "void.ttl"), format=ox.RdfFormat.TURTLE,
               base_iri=(written / "void.ttl").as_uri())
    return store


def number(store, query: str) -> int:
    return int(next(iter(store.query(PREFIXES + query)))[0].value)


def stated(void, prop: str, node: str = DS) -> int:
    return number(void, f"SELECT ?n WHERE {{ <{node}> void:{prop} ?n }}")


# every triple of the union graph once (the same triple in two graphs counts once)
UNION = "{ SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
COUNTS = [
    # the union graph's triples
    ("triples", f"SELECT (COUNT(*) AS ?n) WHERE {UNION}"),
    # entities: distinct subjects (every node has an IRI)
    ("entities", "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
    ("distinctSubjects", "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
    ("properties", "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
    ("classes", "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?s a ?c } }"),
    # documents: the input documents, each one input file the build used
    ("documents", "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { GRAPH ?g { ?run "
                  "<http://www.w3.org/ns/prov#used> ?f } }"),
]


@pytest.mark.parametrize(("prop", "query"), COUNTS, ids=[c[0] for c in COUNTS])
def test_dataset_counts_match_sparql(void, data, prop, query):
    assert stated(void, prop) == number(data, query)


def test_seed_documents_are_five(void):
    # seeds/: two resolutions, two presidential statements, one letter
    assert stated(void, "documents") == 5


def partitions(void, kind: str, key: str, count: str) -> dict[str, int]:
    rows = void.query(PREFIXES + f"SELECT ?k ?n WHERE {{ <{DS}> void:{kind} ?x . ?x void:{key} ?k ; "
                                 f"void:{count} ?n }}")
    return {r["k"].value: int(r["n"].value) for r in rows}


def test_class_partitions_count_instances(void, data):
    got = partitions(void, "classPartition", "class", "entities")
    rows = data.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } } GROUP BY ?c")
    assert got == {r["c"].value: int(r["n"].value) for r in rows}


def test_property_partitions_count_triples(void, data):
    got = partitions(void, "propertyPartition", "property", "triples")
    rows = data.query(f"SELECT ?p (COUNT(*) AS ?n) WHERE {UNION} GROUP BY ?p")
    assert got == {r["p"].value: int(r["n"].value) for r in rows}


def test_named_graphs_count_their_quads(void, data):
    rows = void.query(PREFIXES + f"SELECT ?g ?n WHERE {{ <{DS}> void:subset ?x . ?x sd:name ?g ; "
                                 "void:triples ?n }")
    got = {r["g"].value: int(r["n"].value) for r in rows}
    rows = data.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert got == {r["g"].value: int(r["n"].value) for r in rows}
    # every document's graph, the reference data and the build's graph
    assert len(got) == 5 + 2


MEDIA = [
    # one distribution per written file, with its IANA media type
    ("ct.ttl", "text/turtle"),
    ("ct.nt", "application/n-triples"),
    ("ct.nq", "application/n-quads"),
    ("ct.trig", "application/trig"),
    ("ct.jsonld", "application/ld+json"),
]


@pytest.mark.parametrize(("name", "media"), MEDIA, ids=[m[0] for m in MEDIA])
def test_distribution_names_the_file(void, written, name, media):
    query = (f"SELECT ?url ?size ?media WHERE {{ <{DS}> dcat:distribution ?d . "
             "?d dcat:downloadURL ?url ; dcat:byteSize ?size ; dcat:mediaType ?media }")
    rows = list(void.query(PREFIXES + query))
    by_url = {r["url"].value: r for r in rows}
    url = (written / name).as_uri()
    assert url in by_url, sorted(by_url)
    assert int(by_url[url]["size"].value) == (written / name).stat().st_size
    assert by_url[url]["media"].value == f"http://www.iana.org/assignments/media-types/{media}"
    assert len(rows) == len(MEDIA)


def test_input_files_with_their_sha256(void):
    rows = void.query(PREFIXES + f"SELECT ?name ?sha WHERE {{ <{DS}> <http://purl.org/dc/terms/source> ?f . "
                                 "?f <https://w3id.org/ct2rdf/ontology#sourceFile> ?name ; "
                                 "<https://w3id.org/ct2rdf/ontology#sha256> ?sha }")
    got = {r["name"].value: r["sha"].value for r in rows}
    assert got == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.glob("*.txt")}


def test_license_and_tool_version(void):
    from ct2rdf import __version__

    assert void.query(f"ASK {{ <{DS}> <http://purl.org/dc/terms/license> <{LICENSE}> }}")
    assert void.query(f"ASK {{ <{DS}> <http://purl.org/dc/terms/creator> ?a . "
                      f"?a <https://w3id.org/ct2rdf/ontology#toolVersion> \"{__version__}\" }}")


def _void_bytes(folder: Path, inputs) -> bytes:
    result = build(inputs, base=BASE, check=False)
    try:
        files = {str(folder / "ct.nq"): result.write(folder / "ct.nq", "nq")}
        write_beside(result, files, folder)
        return (folder / "void.ttl").read_bytes()
    finally:
        result.close()


def test_void_bytes_do_not_depend_on_input_order(tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    first = _void_bytes(tmp_path / "a", files)
    assert _void_bytes(tmp_path / "b", random.Random(3).sample(files, len(files))) == first
    assert b"\n@base" not in first and not first.startswith(b"@base")


CLI = [
    # a file: void.ttl beside it
    (["-o", "out/ct.ttl"], {"out/ct.ttl", "out/void.ttl"}),
    # JSON-LD: the context file too
    (["-o", "out/ct.nq", "--format", "nq,jsonld"],
     {"out/ct.nq", "out/ct.jsonld", "out/void.ttl", "out/ct2rdf.context.jsonld"}),
    # standard output: nothing written beside anything
    (["-o", "-", "--format", "nt"], set()),
]


@pytest.mark.parametrize(("args", "files"), CLI, ids=["ttl", "jsonld", "stdout"])
def test_build_writes_void_beside_the_outputs(tmp_path, monkeypatch, args, files):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["build", "-q", "--no-validate", "--no-cache", "-j", "1", str(SEEDS), *args])
    assert r.exit_code == 0, r.output
    assert {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()} == files
    context = tmp_path / "out" / "ct2rdf.context.jsonld"
    if context.exists():  # the package's context, as the JSON-LD file embeds it
        assert context.read_bytes() == context_bytes()
