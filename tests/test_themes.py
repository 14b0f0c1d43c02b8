"""Themes: the scheme, the tagger judged against the hand-labelled table, and their triples.

``tests/themes/labelled.tsv`` was labelled by reading each paragraph against the
theme definitions before any trigger existed (see its header and the git
history); the triggers were then written, as general terms of art, and the
table gates them.  ``tests/themes/heldout.tsv`` was labelled the same way after
the triggers were frozen, from texts not read while writing them: its figures
are reported (the honest estimate for unseen text), never tuned on.
``pytest -s tests/test_themes.py -k evaluation`` prints both tables.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from conftest import BASE, ROOT, SEEDS
from ct2rdf.extract.themes import extract, subjects
from ct2rdf.pipeline import process
from ct2rdf.reference import themes

TABLE = ROOT / "tests" / "themes" / "labelled.tsv"
HELDOUT = ROOT / "tests" / "themes" / "heldout.tsv"
ONTOLOGY = ROOT / "ontology" / "themes.ttl"
THEME = "https://w3id.org/ct2rdf/id/theme/"
SUBJECT = "http://purl.org/dc/terms/subject"
MICRO_FLOOR = 0.9


def labelled(table: Path = TABLE) -> list[dict]:
    lines = [line for line in table.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def _tagged(file: str):
    path = ROOT / file
    doc = process(path.name, path.read_bytes()).doc
    return doc, subjects(extract(doc))


def score(table: Path = TABLE) -> tuple[Counter, Counter, Counter]:
    """(true positives, false positives, false negatives) per theme over ``table``."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for row in labelled(table):
        doc, subj = _tagged(row["file"])
        para = next(p for p in doc.structure.paragraphs if p.ref.path == row["paragraph"])
        expected = set() if row["themes"] == "-" else set(row["themes"].split(","))
        got = set(subj.get(para.ref, ()))
        tp.update(expected & got)
        fp.update(got - expected)
        fn.update(expected - got)
    return tp, fp, fn


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


# *** the table itself ***


@pytest.mark.parametrize(("table", "least"), [(TABLE, 80), (HELDOUT, 30)], ids=["labelled", "heldout"])
def test_table_is_large_and_well_formed(table, least):
    rows = labelled(table)
    keys = {t.key for t in themes().themes}
    assert len(rows) >= least
    assert sum(r["themes"] == "-" for r in rows) >= 10, "negatives: paragraphs with no theme"
    assert len({(r["file"], r["paragraph"]) for r in rows}) == len(rows), "a paragraph labelled twice"
    for r in rows:
        doc, _ = _tagged(r["file"])
        para = [p for p in doc.structure.paragraphs if p.ref.path == r["paragraph"]]
        assert para, f"{r['file']}: no paragraph {r['paragraph']}"
        assert r["quote"] in doc.quote(para[0].span), f"{r['file']} {r['paragraph']}: quote not in it"
        if r["themes"] != "-":
            assert set(r["themes"].split(",")) <= keys, r


def evaluation(table: Path) -> tuple[float, float, str]:
    """Micro precision, recall and the per-theme table (text) over ``table``."""
    tp, fp, fn = score(table)
    lines = [f"{len(labelled(table))} paragraphs of {table.name}",
             f"{'theme':28} {'P':>5} {'R':>5} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for key in sorted({t.key for t in themes().themes}):
        p, r = _ratio(tp[key], tp[key] + fp[key]), _ratio(tp[key], tp[key] + fn[key])
        lines.append(f"{key:28} {p:5.2f} {r:5.2f} {tp[key]:4} {fp[key]:4} {fn[key]:4}")
    t, f, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    precision, recall = _ratio(t, t + f), _ratio(t, t + n)
    lines.append(f"{'micro':28} {precision:5.3f} {recall:5.3f} {t:4} {f:4} {n:4}")
    return precision, recall, "\n".join(lines)


def test_evaluation():
    """Precision and recall per theme and micro-averaged; both at least 0.9 micro on the
    labelled table.  The held-out table's figures are printed beside them, not gated."""
    precision, recall, text = evaluation(TABLE)
    print("\n" + text + "\n\nheld out (reported, not gated):\n" + evaluation(HELDOUT)[2])
    assert precision >= MICRO_FLOOR and recall >= MICRO_FLOOR, text


# *** the tagger's rules, on made-up paragraphs ***

HEAD = "安全理事会,\n\n"

# (paragraph, expected theme keys): whole words only, negation and titles count
RULES = [
    # 核 inside 核心 (core) is no nuclear weapon
    ("建立会员国的能力是全球反恐工作的一个核心。", ()),
    # 核可 (endorses) holds 核 too
    ("委员会核可了指导原则。", ()),
    # 大会 inside 广大会员国 is no General Assembly, and no theme
    ("期待举行一次广大会员国均可参加的特别会议。", ()),
    # a body's name is one word: the Monitoring Team's 制裁 is no sanctions theme
    ("请分析支助和制裁监测组继续开展工作。", ()),
    # FATF named is no financing
    ("鼓励与金融行动任务组密切合作。", ()),
    # negated: the non-association principle is still about religion and civilizations
    ("重申不能也不应将恐怖主义与任何宗教、国籍或文明联系起来。", ("intercultural-dialogue",)),
    # negated: not paying ransom is about ransom
    ("决定会员国不得向恐怖分子支付赎金。", ("kidnapping-ransom",)),
    # a title counts: the convention on financing
    ("吁请各国成为《制止向恐怖主义提供资助的国际公约》的缔约国。", ("conventions", "financing")),
    # 宗教领袖 is a word of its own (civil society), so 宗教 inside it is no dialogue theme
    ("需要民间社会和宗教领袖共同努力。", ("civil-society",)),
    # 宣传 (promoting) the Strategy is no propaganda
    ("在宣传《联合国全球反恐战略》方面发挥关键作用。", ("global-strategy",)),
    # 宗教或信仰自由 is a freedom: human rights
    ("回顾尊重宗教或信仰自由权利的重要性。", ("human-rights",)),
]


@pytest.mark.parametrize(("paragraph", "expected"), RULES, ids=[f"rule{i}" for i in range(len(RULES))])
def test_rules(paragraph, expected):
    doc = process("t.txt", (HEAD + "1. " + paragraph + "\n").encode()).doc
    assert tuple(sorted({t.key for t in extract(doc)})) == tuple(sorted(expected))


def test_every_trigger_is_a_tag_with_its_span():
    doc = process("t.txt", (HEAD + "1. 援助受害者,支助受害者的家人。\n").encode()).doc
    tags = extract(doc)
    assert [(t.key, doc.quote(t.span)) for t in tags] == [("victims", "受害者")] * 2
    assert len({t.span for t in tags}) == 2


def test_tagging_loads_no_jieba_when_the_dictionary_is_cached():
    # the first run may build the cached dictionary (and import jieba); the second must not
    code = ("import sys\nfrom ct2rdf.pipeline import process\n"
            "r = process('t.txt', '安全理事会,\\n\\n1. 防止和制止资助恐怖主义。\\n'.encode())\n"
            "assert r.facts['themes'], r.facts\nsys.exit('jieba' in sys.modules)")
    env = {"PYTHONPATH": str(ROOT / "src")}
    for _ in range(2):
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr


# *** the scheme ***


def test_scheme():
    scheme = themes()
    keys = [t.key for t in scheme.themes]
    assert 20 <= len(keys) <= 30
    assert len(set(keys)) == len(keys)
    for t in scheme.themes:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", t.key), t.key
        assert t.zh and t.en and t.def_en and t.def_zh and t.triggers, t.key
        # one character is too short to be a whole word jieba always knows (核 in 核可)
        assert all(len(w) >= 2 for w in t.triggers), t.key


def test_hidden_labels_are_the_triggers():
    """Every trigger is in the graph: a hidden label, or the preferred label (never both)."""
    from ct2rdf.rdf.graph import theme_triples

    hidden, preferred = {}, {}
    for s, p, o in theme_triples():
        if p.endswith("#hiddenLabel"):
            hidden.setdefault(s, set()).add(o)
        elif p.endswith("#prefLabel") and o.endswith("@zh"):
            preferred[s] = o
    for t in themes().themes:
        node = THEME + t.key
        labels = {f'"{w}"@zh' for w in t.triggers}
        assert preferred[node] not in hidden.get(node, set())
        assert hidden.get(node, set()) | ({preferred[node]} & labels) == labels, t.key


def test_ontology_file_is_the_packaged_scheme(request):
    """``ontology/themes.ttl`` is written from ``data/themes.toml`` (``--update-golden`` rewrites it)."""
    from ct2rdf.rdf.graph import theme_triples
    from ct2rdf.rdf.write import turtle_document

    fresh = turtle_document(theme_triples(), "The counter-terrorism themes: generated from "
                            "src/ct2rdf/data/themes.toml (pytest --update-golden tests/test_themes.py)")
    stale = not ONTOLOGY.exists() or ONTOLOGY.read_bytes() != fresh
    if request.config.getoption("--update-golden") and stale:
        ONTOLOGY.write_bytes(fresh)
    assert ONTOLOGY.read_bytes() == fresh, "stale: run `pytest --update-golden tests/test_themes.py`"


# *** the triples ***


def test_paragraph_and_document_subjects(seed_build):
    from rdflib import URIRef
    from rdflib.namespace import DCTERMS

    g = seed_build.graph
    para = URIRef(f"{BASE}S/PRST/2012/17/p/17")  # 非国家行为者…大规模毁灭性武器
    assert set(g.objects(para, DCTERMS.subject)) == {URIRef(THEME + "wmd")}
    doc = URIRef(f"{BASE}S/PRST/2012/17")
    paragraphs = {o for p in g.subjects(URIRef("http://data.europa.eu/eli/ontology#is_part_of"), doc)
                  for o in g.objects(p, DCTERMS.subject)}
    assert set(g.objects(doc, DCTERMS.subject)) == paragraphs


def test_annotations_point_at_the_source(seed_build):
    """Each classifying annotation: its theme, the trigger's source characters (oa:exact, line
    breaks and all) and normalized text (a trigger of that theme), its paragraph."""
    q = """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX ct: <https://w3id.org/ct2rdf/ontology#>
    PREFIX dcterms: <http://purl.org/dc/terms/>
    SELECT ?file ?start ?end ?exact ?norm ?theme WHERE {
      ?a oa:motivatedBy oa:classifying ; oa:hasBody ?theme ; oa:hasTarget ?t ; ct:inParagraph ?para .
      ?t oa:hasSource ?src ; oa:hasSelector ?pos , ?qs ; ct:normalizedText ?norm .
      ?pos oa:start ?start ; oa:end ?end . ?qs oa:exact ?exact . ?src ct:sourceFile ?file .
      ?para dcterms:subject ?theme }"""
    rows = list(seed_build.graph.query(q))
    assert len(rows) > 100
    texts = {}
    for file, start, end, exact, norm, theme in rows:
        if str(file) not in texts:
            texts[str(file)] = (SEEDS / str(file)).read_bytes().decode("utf-8-sig")
        assert texts[str(file)][int(start):int(end)] == str(exact)
        assert themes().by_trigger.get(str(norm)) == str(theme)[len(THEME):]


def test_no_themes_build(tmp_path):
    from ct2rdf.build import build
    from ct2rdf.work import Task, cache_key

    seed = next(SEEDS.glob("001_*.txt"))
    result = build([seed], base=BASE, themes=False, check=False)
    data = result.to_bytes("nt").decode()
    assert THEME not in data and SUBJECT not in data and "oa#classifying" not in data
    task = Task(seed.name, str(seed), None, BASE, str(tmp_path))
    assert cache_key(task, "x") != cache_key(replace(task, themes=False), "x")


def test_no_themes_from_the_command_line(tmp_path):
    # the flag goes through the CLI, buildcmd and the build into each Task; the same
    # cache serves both runs and never hands one the other's chunks
    from click.testing import CliRunner

    from ct2rdf.cli import cli

    seed = str(next(SEEDS.glob("004_*.txt")))
    runner, cache = CliRunner(), str(tmp_path / "cache")
    outputs = {}
    for flags in ((), ("--no-themes",), ()):
        out = tmp_path / f"ct{len(outputs)}.nt"
        args = ["build", seed, "-o", str(out), "--cache", cache, "-q", "--no-validate", *flags]
        r = runner.invoke(cli, args)
        assert r.exit_code == 0, r.output
        outputs[len(outputs)] = out.read_text(encoding="utf-8")
    assert THEME not in outputs[1] and SUBJECT not in outputs[1]
    assert THEME in outputs[0] and outputs[0] == outputs[2]
