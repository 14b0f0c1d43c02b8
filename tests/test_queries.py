"""Each SPARQL file in queries/ answers its question on out/ct.ttl.

The queries are the competency questions of the semantic issue; the answers
below are read off the seed texts (S/RES/1963 (2010), S/RES/2129 (2013) and
the two presidential statements).  Every answer row also carries the source
file, the offsets, the quote (exactly those characters of the file) and the
cleaned passage.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import OUT, ROOT, SEEDS
from ct2rdf.text.decode import decode

QUERIES = ROOT / "queries"


@pytest.fixture(scope="module")
def store():
    s = ox.Store()
    s.bulk_load(path=str(OUT), format=ox.RdfFormat.TURTLE)
    return s


def run(store, name: str, keys: tuple[str, ...]) -> list[tuple]:
    """Run queries/<name>.rq; return the rows projected on ``keys`` (None when unbound)."""
    result = store.query((QUERIES / f"{name}.rq").read_text(encoding="utf-8"))
    rows = []
    for r in result:
        rows.append(tuple(r[k].value if r[k] is not None else None for k in keys))
        start, stop = int(r["start"].value), int(r["stop"].value)
        source, _ = decode((SEEDS / r["file"].value).read_bytes())
        assert r["quote"].value == source[start:stop] and r["text"].value
    return sorted(rows, key=lambda row: tuple(str(x) for x in row))


def test_every_query_is_tested():
    from test_theme_queries import THEME_QUERIES

    tested = {"mandates-ending-before-2018", "cted-deliverables", "reporting-to-security-council",
              "paragraphs-mentioning-1540-committee", *THEME_QUERIES}  # the themes: test_theme_queries.py
    assert {p.stem for p in QUERIES.glob("*.rq")} == tested


def test_mandates_ending_before_2018(store):
    rows = run(store, "mandates-ending-before-2018", ("holder", "end", "document", "paragraph", "guidance",
                                                         "renews"))
    assert rows == [
        # 1963 (2010) op 2: CTED until the end of 2013, the first mandate in the graph
        ("CTED", "2013-12-31", "S/RES/1963 (2010)", "2", "CTC", None),
        # 2129 (2013) op 2: CTED until the end of 2017, renewing the 2010 mandate
        ("CTED", "2017-12-31", "S/RES/2129 (2013)", "2", "CTC",
         "https://w3id.org/ct2rdf/id/S/RES/1963(2010)/op/2/mandate/CTED"),
    ]


def test_cted_deliverables(store):
    rows = run(store, "cted-deliverables", ("due", "document", "paragraph", "concerns"))
    assert rows == [
        # 1963 op 12: the updated survey of the implementation of resolution 1373
        ("2011-06-30", "S/RES/1963 (2010)", "12", "S/RES/1373 (2001)"),
        # 1963 op 13: the same for resolution 1624
        ("2011-12-31", "S/RES/1963 (2010)", "13", "S/RES/1624 (2005)"),
        # 2129 op 6: the update of the global surveys, in a later clause (…,并指示…)
        ("2015-12-31", "S/RES/2129 (2013)", "6", None),
    ]


def test_reporting_to_security_council(store):
    rows = run(store, "reporting-to-security-council", ("reporter", "frequency", "document", "paragraph"))
    assert rows == [
        # 1963 op 14: at least every 180 days, orally, through the Committee's chair
        ("CTC", "P180D", "S/RES/1963 (2010)", "14"),
        # 2129 op 22: at least once a year
        ("CTC", "P1Y", "S/RES/2129 (2013)", "22"),
    ]


def test_paragraphs_mentioning_the_1540_committee(store):
    rows = run(store, "paragraphs-mentioning-1540-committee", ("document", "paragraph", "text"))
    assert {(d, p) for d, p, _ in rows} == {
        ("S/PRST/2012/17", "25"),  # committees set up by 1267/1989, 1373 and 1540 (a list)
        ("S/PRST/2021/1", "16"),  # 第1373(2001)、…和1540(2004)号决议所设各个委员会
        ("S/RES/1963 (2010)", "14"), ("S/RES/1963 (2010)", "16"),
        ("S/RES/1963 (2010)", "17"),  # 1540 委员会, by its short name
        ("S/RES/2129 (2013)", "22"), ("S/RES/2129 (2013)", "23"), ("S/RES/2129 (2013)", "24"),
    }
    assert all("1540" in text for _, _, text in rows)


def test_queries_parse_with_rdflib_too():
    """The queries are plain SPARQL 1.1: rdflib's parser accepts them as well."""
    from rdflib.plugins.sparql import prepareQuery

    for path in sorted(QUERIES.glob("*.rq")):
        prepareQuery(Path(path).read_text(encoding="utf-8"))
