"""The theme questions of the cookbook (issue #11), answered on a hand-written graph.

``tests/themes_fixture.ttl`` holds six documents in the shape graph contract v2
gives themes: four resolutions (2001, 2014, 2017, 2019), a letter of 2020 whose
annex has no date of its own and a news item with neither symbol nor date.  The
expected rows below are read off that file.  On the seeds' graph (``out/ct.ttl``)
the paragraph questions are held to the hand-labelled table
(``tests/themes/labelled.tsv``, written before the tagger), and the per-year
count to a count made without SPARQL.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from conftest import OUT, ROOT, SEEDS
from ct2rdf.cli import cli
from ct2rdf.text.decode import decode

QUERIES = ROOT / "queries"
FIXTURE = Path(__file__).with_name("themes_fixture.ttl")
ID = "https://w3id.org/ct2rdf/id/"
PARAGRAPH_QUERIES = ["paragraphs-on-terrorist-financing", "paragraphs-on-foreign-terrorist-fighters",
                     "paragraphs-on-ict-and-the-internet"]
THEME_QUERIES = [*PARAGRAPH_QUERIES, "themes-per-year", "themes-per-document"]

# Rows projected on (paragraph IRI under the base, theme key, quote); one row per tag, in
# document order then source order.
FIXTURE_PARAGRAPHS = {
    "paragraphs-on-terrorist-financing": [
        ("S/RES/1373(2001)/op/1", "financing", "资助恐怖主义行为"),
        ("S/RES/2178(2014)/op/5", "financing", "资助其旅行"),  # beside a fighters tag
        ("S/RES/2462(2019)/op/1", "financing", "资助恐怖主义"),
        # two triggers in one paragraph: two rows
        ("S/RES/2462(2019)/op/19", "financing", "资金"),
        ("S/RES/2462(2019)/op/19", "financing", "经济资源"),
        # kidnapping for ransom is narrower than financing: it answers the broader question
        ("S/RES/2462(2019)/op/21", "kidnapping-ransom", "绑架勒索赎金"),
        # a news item without symbol or date still answers
        ("doc/other-1/p/2", "financing", "冻结资金"),
    ],
    "paragraphs-on-foreign-terrorist-fighters": [
        # the source breaks the term over two lines: the quote keeps the break
        ("S/RES/2178(2014)/op/5", "foreign-terrorist-fighters", "外国恐怖主义\n战斗人员"),
        ("S/RES/2178(2014)/op/6", "foreign-terrorist-fighters", "外国恐怖主义战斗人员"),
        ("S/RES/2396(2017)/op/2", "foreign-terrorist-fighters", "外国恐怖主义战斗人员"),
    ],
    "paragraphs-on-ict-and-the-internet": [
        ("S/RES/2178(2014)/op/11", "ict", "互联网"),
        ("S/RES/2396(2017)/op/12", "ict", "信息和通信技术"),
        ("S/RES/2462(2019)/op/20", "ict", "互联网"),
        # an annex paragraph: its document is the annex
        ("doc/letter-2020-12-30/annex/1/p/4", "ict", "信息和通信技术"),
    ],
}

# (year, theme key, zh label, paragraphs), by year, then most paragraphs, then key
FIXTURE_PER_YEAR = [
    # S/RES/1373 (2001): one paragraph each
    ("2001", "arms", "小武器和轻武器", "1"),
    ("2001", "border-management", "边境管理与旅行", "1"),
    ("2001", "financing", "资助恐怖主义", "1"),
    ("2001", "judicial-cooperation", "司法合作与引渡", "1"),
    # S/RES/2178 (2014): fighters in op 5 and op 6
    ("2014", "foreign-terrorist-fighters", "外国恐怖主义战斗人员", "2"),
    ("2014", "financing", "资助恐怖主义", "1"),
    ("2014", "ict", "信息和通信技术与互联网", "1"),
    ("2014", "violent-extremism", "暴力极端主义与煽动", "1"),
    # S/RES/2396 (2017): op 2 carries two themes
    ("2017", "border-management", "边境管理与旅行", "1"),
    ("2017", "foreign-terrorist-fighters", "外国恐怖主义战斗人员", "1"),
    ("2017", "human-rights", "人权与法治", "1"),
    ("2017", "ict", "信息和通信技术与互联网", "1"),
    # S/RES/2462 (2019): op 1 and op 19 (two tags, one paragraph); kidnapping counted on its own
    ("2019", "financing", "资助恐怖主义", "2"),
    ("2019", "human-rights", "人权与法治", "1"),
    ("2019", "ict", "信息和通信技术与互联网", "1"),
    ("2019", "kidnapping-ransom", "绑架勒索赎金", "1"),
    # the letter's annex, dated by the letter; the undated news item is in no year
    ("2020", "ict", "信息和通信技术与互联网", "1"),
    ("2020", "victims", "恐怖主义受害者", "1"),
    ("2020", "violent-extremism", "暴力极端主义与煽动", "1"),
]

# (document IRI under the base, symbol, theme key, paragraphs), by document, most paragraphs first
FIXTURE_PER_DOCUMENT = [
    ("S/RES/1373(2001)", "S/RES/1373 (2001)", "arms", "1"),
    ("S/RES/1373(2001)", "S/RES/1373 (2001)", "border-management", "1"),
    ("S/RES/1373(2001)", "S/RES/1373 (2001)", "financing", "1"),
    ("S/RES/1373(2001)", "S/RES/1373 (2001)", "judicial-cooperation", "1"),
    ("S/RES/2178(2014)", "S/RES/2178 (2014)", "foreign-terrorist-fighters", "2"),  # op 5, op 6
    ("S/RES/2178(2014)", "S/RES/2178 (2014)", "financing", "1"),
    ("S/RES/2178(2014)", "S/RES/2178 (2014)", "ict", "1"),
    ("S/RES/2178(2014)", "S/RES/2178 (2014)", "violent-extremism", "1"),
    ("S/RES/2396(2017)", "S/RES/2396 (2017)", "border-management", "1"),
    ("S/RES/2396(2017)", "S/RES/2396 (2017)", "foreign-terrorist-fighters", "1"),
    ("S/RES/2396(2017)", "S/RES/2396 (2017)", "human-rights", "1"),
    ("S/RES/2396(2017)", "S/RES/2396 (2017)", "ict", "1"),
    ("S/RES/2462(2019)", "S/RES/2462 (2019)", "financing", "2"),  # op 1, op 19
    ("S/RES/2462(2019)", "S/RES/2462 (2019)", "human-rights", "1"),
    ("S/RES/2462(2019)", "S/RES/2462 (2019)", "ict", "1"),
    ("S/RES/2462(2019)", "S/RES/2462 (2019)", "kidnapping-ransom", "1"),
    # the annex is a document of its own, without a symbol; the letter has no tagged paragraph
    ("doc/letter-2020-12-30/annex/1", None, "ict", "1"),
    ("doc/letter-2020-12-30/annex/1", None, "victims", "1"),
    ("doc/letter-2020-12-30/annex/1", None, "violent-extremism", "1"),
    ("doc/other-1", None, "financing", "1"),
]

EXPECTED = {
    "fixture": {**FIXTURE_PARAGRAPHS, "themes-per-year": FIXTURE_PER_YEAR,
                "themes-per-document": FIXTURE_PER_DOCUMENT},
}
GRAPHS = {"fixture": FIXTURE, "seeds": OUT}
CASES = [("fixture", q) for q in THEME_QUERIES]


@pytest.fixture(scope="module")
def stores():
    out = {}
    for name, path in GRAPHS.items():
        out[name] = ox.Store()
        out[name].bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    return out


def plain(term) -> str | None:
    """An IRI under the base as its path, a literal as its lexical form, None when unbound."""
    if term is None:
        return None
    value = term.value
    return value[len(ID):] if isinstance(term, ox.NamedNode) and value.startswith(ID) else value


def answer(store: ox.Store, name: str) -> list[dict]:
    """The rows of queries/<name>.rq, in the query's order, as {variable: plain value}."""
    result = store.query((QUERIES / f"{name}.rq").read_text(encoding="utf-8"))
    return [{v.value: plain(row[v]) for v in result.variables} for row in result]


def project(name: str, rows: list[dict]) -> list[tuple]:
    keys = {"themes-per-year": ("year", "theme", "zh", "paragraphs"),
            "themes-per-document": ("document", "symbol", "theme", "paragraphs")}
    return [tuple(r[k] for k in keys.get(name, ("paragraph", "theme", "quote"))) for r in rows]


def test_every_theme_query_is_here():
    assert {p.stem for p in QUERIES.glob("*.rq") if "dcterms:subject" in p.read_text(encoding="utf-8")
            or "oa:classifying" in p.read_text(encoding="utf-8")} == set(THEME_QUERIES)


@pytest.mark.parametrize(("graph", "name"), CASES, ids=[f"{g}-{q}" for g, q in CASES])
def test_theme_query_answers(stores, graph, name):
    expected = EXPECTED[graph][name]
    assert project(name, answer(stores[graph], name)) == expected


@pytest.mark.parametrize(("graph", "name"), [(g, q) for g in GRAPHS for q in PARAGRAPH_QUERIES],
                         ids=[f"{g}-{q}" for g in GRAPHS for q in PARAGRAPH_QUERIES])
def test_quotes_are_the_source_characters(stores, graph, name):
    # the seeds' files are here: the quote is exactly their characters; the fixture has no
    # source files, so its quotes must at least span their offsets
    for row in answer(stores[graph], name):
        start, stop = int(row["start"]), int(row["stop"])
        if graph == "seeds":
            source, _ = decode((SEEDS / row["file"]).read_bytes())
            assert row["quote"] == source[start:stop]
        else:
            assert len(row["quote"]) == stop - start, row
        assert row["text"] == re.sub(r"\s+", "", row["quote"]) or graph == "seeds"


# The year rule of themes-per-year on small graphs: (Turtle after the prefixes, expected (year, key, n) rows)
PREFIXES = f"""@base <{ID}> . @prefix theme: <{ID}theme/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
theme:ict skos:notation "ict" . theme:victims skos:notation "victims" .
"""
YEAR_RULE = [
    # an annex without a date of its own: the year of the letter it is part of
    ("undated-annex", """<l> eli:date_document "2020-12-30"^^xsd:date . <l/annex/1> dcterms:isPartOf <l> .
        <l/annex/1/p/1> eli:is_part_of <l/annex/1> ; dcterms:subject theme:ict .""", [("2020", "ict", "1")]),
    # an annex dated otherwise than its letter: its own year only, never both
    ("dated-annex", """<l> eli:date_document "2020-12-30"^^xsd:date .
        <l/annex/1> dcterms:isPartOf <l> ; eli:date_document "2021-01-12"^^xsd:date .
        <l/annex/1/p/1> eli:is_part_of <l/annex/1> ; dcterms:subject theme:ict .""", [("2021", "ict", "1")]),
    # a document without a date: in no year
    ("undated", """<n> a <https://w3id.org/ct2rdf/ontology#Document> .
        <n/p/1> eli:is_part_of <n> ; dcterms:subject theme:ict .""", []),
    # two themes on one paragraph count once each; two paragraphs on one theme count two
    ("two-themes", """<r> eli:date_document "2019-03-28"^^xsd:date .
        <r/op/1> eli:is_part_of <r> ; dcterms:subject theme:ict , theme:victims .
        <r/op/2> eli:is_part_of <r> ; dcterms:subject theme:ict .""",
     [("2019", "ict", "2"), ("2019", "victims", "1")]),
]


@pytest.mark.parametrize(("turtle", "expected"), [r[1:] for r in YEAR_RULE], ids=[r[0] for r in YEAR_RULE])
def test_year_rule(turtle, expected):
    store = ox.Store()
    store.load((PREFIXES + turtle).encode(), format=ox.RdfFormat.TURTLE)
    assert [(r["year"], r["theme"], r["paragraphs"]) for r in answer(store, "themes-per-year")] == expected


def test_paragraph_questions_differ_only_in_the_theme():
    # one pattern, three questions: a fix to one must reach the others
    def pattern(name: str) -> str:
        text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
        body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
        return re.sub(r"/id/theme/[\w-]+>", "/id/theme/KEY>", body)

    assert len({pattern(name) for name in PARAGRAPH_QUERIES}) == 1


def test_per_year_counts_as_csv():
    # `ct2rdf query … --format csv` is what a plotting tool reads: SPARQL 1.1 CSV, lexical forms
    r = CliRunner().invoke(cli, ["query", str(FIXTURE), "-f", str(QUERIES / "themes-per-year.rq"),
                                 "--format", "csv"])
    assert r.exit_code == 0, r.output
    header, *rows = csv.reader(io.StringIO(r.stdout_bytes.decode("utf-8"), newline=""))
    assert header == ["year", "theme", "zh", "en", "paragraphs"]
    assert [(y, k, zh, n) for y, k, zh, _, n in rows] == FIXTURE_PER_YEAR
    # the English labels come along: 2014's fighters
    assert rows[4][3] == "Foreign terrorist fighters"


# --- the seeds' graph -------------------------------------------------------------------
# The paragraph questions against the hand-labelled table: on every labelled seed paragraph,
# the question answers it exactly when a reader gave it the theme (or a narrower one).
LABELS = Path(__file__).with_name("themes") / "labelled.tsv"
QUESTION_THEME = {"paragraphs-on-terrorist-financing": "financing",
                  "paragraphs-on-foreign-terrorist-fighters": "foreign-terrorist-fighters",
                  "paragraphs-on-ict-and-the-internet": "ict"}


def _seed_labels() -> dict[tuple[str, str], set[str]]:
    lines = [line for line in LABELS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return {(r["file"].removeprefix("seeds/"), r["paragraph"]): set(r["themes"].split(",")) - {"-"}
            for r in rows if r["file"].startswith("seeds/")}


def _documents(store: ox.Store) -> dict[str, str]:
    rows = store.query("PREFIX ct: <https://w3id.org/ct2rdf/ontology#> "
                       "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
                       "SELECT ?f ?d { ?x ct:sourceFile ?f ; eli:embodies/eli:realizes ?d }")
    return {row["f"].value: plain(row["d"]) for row in rows}


@pytest.mark.parametrize("name", PARAGRAPH_QUERIES)
def test_seed_paragraph_questions_agree_with_the_labelled_table(stores, name):
    theme = QUESTION_THEME[name]
    broader = "http://www.w3.org/2004/02/skos/core#broader"
    wanted = {theme} | {plain(q.subject).removeprefix("theme/") for q in stores["seeds"].quads_for_pattern(
        None, ox.NamedNode(broader), ox.NamedNode(f"{ID}theme/{theme}"))}
    documents = _documents(stores["seeds"])
    answered = {row["paragraph"] for row in answer(stores["seeds"], name)}
    labels = _seed_labels()
    assert any(wanted & themes for themes in labels.values())  # the table has examples of it
    for (file, paragraph), themes in labels.items():
        iri = f"{documents[file]}/{paragraph}"
        assert (iri in answered) == bool(wanted & themes), (name, file, paragraph, themes)


def test_seed_per_year_count_equals_a_count_without_sparql(stores):
    # each (paragraph, theme) once, in its document's year, counted from the triples directly
    store = stores["seeds"]
    dcterms, eli = "http://purl.org/dc/terms/", "http://data.europa.eu/eli/ontology#"

    def objects(subject, predicate):
        return [q.object for q in store.quads_for_pattern(subject, ox.NamedNode(predicate), None)]

    counts: dict[tuple[str, str], int] = {}
    for quad in store.quads_for_pattern(None, ox.NamedNode(eli + "is_part_of"), None):
        dates = objects(quad.object, eli + "date_document")
        if not dates:  # an annex takes its letter's date
            dates = [d for whole in objects(quad.object, dcterms + "isPartOf")
                     for d in objects(whole, eli + "date_document")]
        for theme in objects(quad.subject, dcterms + "subject") if dates else []:
            key = (dates[0].value[:4], theme.value.rsplit("/", 1)[1])
            counts[key] = counts.get(key, 0) + 1
    rows = {(r["year"], r["theme"]): int(r["paragraphs"])
            for r in answer(store, "themes-per-year")}
    assert rows == counts and len(rows) > 10
