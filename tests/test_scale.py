"""The scaled build: formats by extension, the cache, worker engines, Dask shards, and
validation per document + summary giving the verdicts of whole-graph validation with
pyshacl, the reference engine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from conftest import BASE, SEEDS, seed
from ct2rdf.build import build
from ct2rdf.buildcmd import outputs_for
from ct2rdf.cli import cli
from ct2rdf.errors import UsageError
from ct2rdf.rdf.validate import validate

OUTPUTS = [
    # the extension names the format
    ("out/ct.ttl", None, {"ttl": "out/ct.ttl"}),
    ("out/ct.nq", None, {"nq": "out/ct.nq"}),
    ("out/ct.jsonld", None, {"jsonld": "out/ct.jsonld"}),
    # several formats: one file each, named like -o
    ("out/ct.ttl", "ttl,nq,trig", {"ttl": "out/ct.ttl", "nq": "out/ct.nq", "trig": "out/ct.trig"}),
    # several formats beside an N-Quads -o
    ("out/ct.nq", "nq,nt", {"nq": "out/ct.nq", "nt": "out/ct.nt"}),
    # standard output takes one format
    ("-", "nq", {"nq": "-"}),
]


@pytest.mark.parametrize(("output", "formats", "expected"), OUTPUTS,
                         ids=["ttl", "nq", "jsonld", "several", "nq-and-nt", "stdout"])
def test_outputs_for(output, formats, expected):
    got = outputs_for(Path(output), formats)
    assert {f: str(p) for f, p in got.items()} == expected


BAD_OUTPUTS = [
    # an extension no format has
    ("out/ct.txt", None, "no RDF format has the extension"),
    # a format no one knows
    ("out/ct.ttl", "ttl,xml", "unknown format xml"),
    # one format against the extension: never a silently mislabelled file
    ("out/ct.nq", "ttl", "names nq but --format says ttl"),
    # two formats to one stream
    ("-", "ttl,nq", "writes one format"),
]


@pytest.mark.parametrize(("output", "formats", "message"), BAD_OUTPUTS,
                         ids=["unknown-extension", "unknown-format", "mismatch", "stdout-two"])
def test_bad_outputs_are_usage_errors(output, formats, message):
    with pytest.raises(UsageError, match=message):
        outputs_for(Path(output), formats)


def test_nquads_keep_each_document_in_its_graph(seed_build):
    quads = list(ox.parse(seed_build.to_bytes("nq"), format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads}
    docs = {e.result.iri for e in seed_build.corpus.entries}
    assert docs <= graphs
    assert graphs - docs == {f"{BASE}graph/build", "https://w3id.org/ct2rdf/id/graph/reference"}
    # the union of the named graphs is the graph of the Turtle file
    union = {(q.subject, q.predicate, q.object) for q in quads}
    turtle = set(ox.parse(seed_build.to_bytes("ttl"), format=ox.RdfFormat.TURTLE))
    assert union == {(t.subject, t.predicate, t.object) for t in turtle}


def test_rebuild_after_one_change_makes_only_that_file(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    cache = tmp_path / "cache"
    first = build([docs], base=BASE, check=False, cache=cache, keep=False)
    changed = docs / seed("004")
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second = build([docs], base=BASE, check=False, cache=cache, keep=False)
    assert (first.reused, second.reused) == (0, 4)
    assert [o.name for o in second.outs if not o.reused] == [changed.name]


def test_cli_says_how_many_were_reused(tmp_path):
    runner = CliRunner()
    args = ["build", str(SEEDS), "-o", str(tmp_path / "ct.ttl"), "--cache", str(tmp_path / "c"), "-j", "1"]
    runner.invoke(cli, args)
    r = runner.invoke(cli, args)
    assert r.exit_code == 0, r.output
    assert "5 documents, 5 reused from the cache" in r.output


def _verdicts(report) -> set:
    return {(v.shape, v.focus, v.path, v.value, v.severity) for v in report.violations}


def test_split_validation_agrees_with_whole_graph_on_the_seeds(seed_build):
    assert _verdicts(seed_build.report) == _verdicts(validate(seed_build.graph, engine="pyshacl"))


def test_split_validation_sees_what_crosses_documents(tmp_path):
    # one meeting, two documents, two dates: only the union of both shows it
    docs = tmp_path / "docs"
    docs.mkdir()
    text = (SEEDS / seed("003")).read_text(encoding="utf-8")
    (docs / "a.txt").write_text(text, encoding="utf-8")
    (docs / "b.txt").write_text(text.replace("2013 年 12 月 17 日", "2013 年 12 月 18 日"), encoding="utf-8")
    (docs / "catalog.csv").write_text("file,symbol\nb.txt,S/RES/2130 (2013)\n", encoding="utf-8")
    result = build([docs], base=BASE)
    split, whole = _verdicts(result.report), _verdicts(validate(result.graph, engine="pyshacl"))
    assert split == whole
    assert {"S06-Meeting-date", "S18-Meeting-adoptionDate"} <= {v[0] for v in split}


def test_dask_shards_hold_the_single_process_build(tmp_path, seed_build):
    pytest.importorskip("dask.distributed")
    result = build([SEEDS], base=BASE, check=False, engine="dask", cache=tmp_path / "cache")
    shards = result.write_shards(tmp_path / "nq", per_shard=2)
    assert [p.name for p in shards] == ["part-00000.nq", "part-00001.nq", "part-00002.nq", "part-build.nq"]
    union = {q for p in shards for q in ox.parse(path=str(p), format=ox.RdfFormat.N_QUADS)}
    single = set(ox.parse(seed_build.to_bytes("nq"), format=ox.RdfFormat.N_QUADS))
    assert union == single


def _tuples(g) -> set:
    """An rdflib graph's triples as ct2rdf's N-Triples tuples (see ct2rdf.rdf.nt)."""
    from rdflib import Literal, URIRef

    from ct2rdf.rdf import nt

    out = set()
    for s, p, o in g:
        if isinstance(o, URIRef):
            obj = nt.iri(str(o))
        elif isinstance(o, Literal) and o.language:
            obj = nt.text(str(o), o.language)
        elif isinstance(o, Literal) and o.datatype and str(o.datatype) != nt._XSD + "string":
            obj = nt.typed(str(o), str(o.datatype))
        else:
            obj = nt.text(str(o))
        out.add((str(s), str(p), obj))
    return out


def test_split_validation_agrees_with_whole_graph_on_planted_faults(tmp_path, monkeypatch):
    # every planted fault of tests/planted.py that fits a document is planted in that
    # document's own triples, in the worker, as if the extractors had made it; the
    # verdicts of the build (per document + summary) must be those of the whole graph
    from rdflib import Graph

    from ct2rdf.rdf import graph as rdfgraph
    from ct2rdf.rdf import nt
    from planted import ROWS

    real = rdfgraph.document_triples
    reference = set(rdfgraph.reference_triples())
    planted: set[str] = set()

    def planting(doc, facts, path, base):
        g = real(doc, facts, path, base)
        local = Graph().parse(data=nt.lines([*g.own, *g.shared, *g.stubs, *reference]), format="nt")
        for row in ROWS:
            try:
                row.plant(local)
                planted.add(row.shape)
            except (StopIteration, IndexError, TypeError, ValueError, AttributeError):
                pass  # nothing of the kind in this document
        after = _tuples(local) - set(g.stubs) - reference
        own = {t for t in after if t[0] == g.iri or t[0].startswith(g.iri + "/")}
        return rdfgraph.DocumentTriples(g.iri, tuple(nt.ordered(own)), tuple(nt.ordered(after - own)),
                                        g.stubs, g.cited)

    monkeypatch.setattr(rdfgraph, "document_triples", planting)
    result = build([SEEDS], base=BASE, cache=tmp_path / "cache", keep=False)
    split, whole = _verdicts(result.report), _verdicts(validate(result.graph, engine="pyshacl"))
    assert split == whole
    assert len(planted) >= 30, sorted(planted)
    assert len({v[0] for v in split}) >= 30, sorted({v[0] for v in split})
    print(f"planted {len(planted)} kinds; {len(split)} results of {len({v[0] for v in split})} shapes")


def test_special_and_oversized_files_are_refused_and_the_others_built(tmp_path):
    # a FIFO would block the read forever; a file over --max-size is not read at all
    import os

    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    os.mkfifo(docs / "pipe.txt")
    (docs / "big.txt").write_bytes("安全理事会".encode() * 100_000)  # 1.5 MB
    runner = CliRunner()
    r = runner.invoke(cli, ["build", str(docs / "pipe.txt"), str(docs / "big.txt"), str(docs / seed("003")),
                            "-o", str(tmp_path / "ct.ttl"), "--no-cache", "--max-size", "1"])
    assert r.exit_code == 2, r.output
    assert "pipe.txt: not a regular file" in r.output
    assert "big.txt: 1,500,000 bytes (1.5 MB) is over the limit of --max-size 1 MB" in r.output
    assert (tmp_path / "ct.ttl").exists()  # the good file was built and written
