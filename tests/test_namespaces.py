"""ELI, OA and CITO declare real terms only, and the code uses declared terms only.

tests/vocab/ holds the published term lists of the three vocabularies (their
headers say where each came from); nothing is downloaded.  Both ways:

* every term a namespace class declares is in the vocabulary's list;
* every term the code, the seed graph, the queries, the shapes and the
  ontology use is declared (code and graph) or at least published (files).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from ct2rdf.rdf.namespace import CITO, ELI, OA

VOCAB = Path(__file__).parent / "vocab"
# (namespace class, its prefix in Turtle and SPARQL, term list file)
NAMESPACES = [(ELI, "eli", "eli.txt"), (OA, "oa", "oa.txt"), (CITO, "cito", "cito.txt")]
IDS = [prefix for _, prefix, _ in NAMESPACES]


def published(name: str) -> set[str]:
    lines = (VOCAB / name).read_text(encoding="utf-8").splitlines()
    return {x.strip() for x in lines if x.strip() and not x.startswith("#")}


def declared(ns) -> set[str]:
    return set(ns.__annotations__)


@pytest.mark.parametrize("ns,prefix,listing", NAMESPACES, ids=IDS)
def test_declared_terms_are_published(ns, prefix, listing):
    assert declared(ns) <= published(listing), sorted(declared(ns) - published(listing))


@pytest.mark.parametrize("ns,prefix,listing", NAMESPACES, ids=IDS)
def test_undeclared_term_fails(ns, prefix, listing):
    with pytest.raises(AttributeError):
        ns.notATerm  # noqa: B018  (a misspelling must not mint a new IRI)


@pytest.mark.parametrize("ns,prefix,listing", NAMESPACES, ids=IDS)
def test_code_uses_declared_terms(ns, prefix, listing):
    # ELI.format, OA.hasSource, CITO.cites … in every module
    attr = re.compile(rf"\b{ns.__name__}\.(\w+)")
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.py")]
    used = {m.group(1) for text in sources for m in attr.finditer(text)}
    assert used, f"no use of {ns.__name__} found: is the pattern right?"
    assert used <= declared(ns), sorted(used - declared(ns))


@pytest.mark.parametrize("ns,prefix,listing", NAMESPACES, ids=IDS)
def test_graph_uses_declared_terms(seed_build, ns, prefix, listing):
    base = str(ns)
    used = {str(t)[len(base):] for triple in seed_build.graph for t in triple if str(t).startswith(base)}
    assert used and used <= declared(ns), sorted(used - declared(ns))


FILES = sorted([*(ROOT / "queries").glob("*.rq"), ROOT / "shapes" / "ct-shapes.ttl",
                ROOT / "ontology" / "ct.ttl"])


@pytest.mark.parametrize("ns,prefix,listing", NAMESPACES, ids=IDS)
def test_files_use_published_terms(ns, prefix, listing):
    # eli:embodies, oa:hasSelector … in prefixed names; the prefix line itself has none
    name = re.compile(rf"(?<![\w:/#]){prefix}:([A-Za-z_][\w-]*)")
    used = {m.group(1) for p in FILES for m in name.finditer(p.read_text(encoding="utf-8"))}
    assert used <= published(listing), sorted(used - published(listing))
