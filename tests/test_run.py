"""One build, one prov:Activity, named by what went in.

The run IRI is base + run/ + 16 hex digits of sha256 over the tool version,
the sorted sha256 of every input file and the catalog rows they use: equal
inputs give the same IRI (whatever their order), different inputs another.
The graph holds no time, so out/ct.ttl stays byte-stable.
"""

from __future__ import annotations

import shutil

import pytest
from rdflib import URIRef
from rdflib.namespace import PROV, RDF

from conftest import BASE, SEEDS
from ct2rdf import __version__
from ct2rdf.build import build
from ct2rdf.merge import run_id
from ct2rdf.rdf.namespace import CT, ELI

FILES = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")
AGENT = URIRef(f"https://w3id.org/ct2rdf/id/software/ct2rdf/{__version__}")


def runs(g) -> list:
    return list(g.subjects(RDF.type, PROV.Activity))


def test_one_activity_using_every_file(seed_build):
    g = seed_build.graph
    [run] = runs(g)
    assert str(run).startswith(BASE + "run/") and len(str(run)) == len(BASE + "run/") + 16
    assert set(g.objects(run, PROV.used)) == set(g.subjects(RDF.type, ELI.Format))
    assert len(set(g.objects(run, PROV.used))) == len(FILES)
    assert (run, PROV.wasAssociatedWith, AGENT) in g
    assert (AGENT, RDF.type, PROV.SoftwareAgent) in g
    assert str(g.value(AGENT, CT.toolVersion)) == __version__


def test_no_time_in_the_graph(seed_build):
    times = {PROV.startedAtTime, PROV.endedAtTime, PROV.generatedAtTime}
    assert not [t for t in seed_build.graph if t[1] in times]


def test_equal_inputs_equal_run(seed_build):
    [run] = runs(seed_build.graph)
    [again] = runs(build(FILES[::-1], base=BASE, check=False).graph)  # the catalog beside them
    assert run == again


def run_of(inputs, **kw) -> URIRef:
    [run] = runs(build(inputs, base=BASE, check=False, **kw).graph)
    return run


# (how the inputs differ from the seeds) — each must name a different run
CHANGES = [
    "one file fewer",  # the last seed left out
    "one byte changed",  # a space added at the end of one seed
    "another catalog row",  # the catalog gives one statement a date
]


@pytest.mark.parametrize("change", CHANGES)
def test_different_inputs_different_run(seed_build, tmp_path, change):
    [run] = runs(seed_build.graph)
    for p in [*FILES, SEEDS / "catalog.csv"]:
        shutil.copyfile(p, tmp_path / p.name)
    if change == "one file fewer":
        (tmp_path / FILES[-1].name).unlink()
    elif change == "one byte changed":
        with (tmp_path / FILES[0].name).open("ab") as f:
            f.write(b" ")
    else:
        catalog = tmp_path / "catalog.csv"
        rows = catalog.read_text(encoding="utf-8").splitlines()
        rows = [rows[0] + ",date", rows[1] + ",2021-01-12", *(r + "," for r in rows[2:])]
        catalog.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert run_of([tmp_path]) != run


# (version, digests, catalog rows, what it is compared with)
IDS = [
    # the order of the files does not matter
    (("1.0", ["b", "a"], {}), ("1.0", ["a", "b"], {}), True),
    # the version does
    (("1.0", ["a"], {}), ("1.1", ["a"], {}), False),
    # a catalog row does
    (("1.0", ["a"], {"x.txt": {"symbol": "S/PRST/2012/17"}}), ("1.0", ["a"], {}), False),
    # an empty catalog row is no row
    (("1.0", ["a"], {"x.txt": {}}), ("1.0", ["a"], {}), True),
]


@pytest.mark.parametrize("one,other,equal", IDS, ids=["order", "version", "catalog", "empty-row"])
def test_run_id(one, other, equal):
    assert (run_id(*one) == run_id(*other)) is equal
    assert len(run_id(*one)) == 16
