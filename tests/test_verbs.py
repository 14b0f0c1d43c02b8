"""Operative verbs: each paragraph's leading action, and the verbs of later clauses.

Synthetic resolutions and statements (other numbers, dates, phrasings,
Traditional script, ASCII punctuation); the seed table at the end checks the
operative paragraphs of S/RES/2129 (2013) and S/RES/1963 (2010).
"""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from conftest import BASE, seed
from ct2rdf.build import build
from ct2rdf.extract.clauses import clauses
from ct2rdf.pipeline import process
from ct2rdf.reference import verbs

HEAD = "第 2395 (2017) 号决议\n\n安全理事会 2017 年 12 月 21 日第 8148 次会议通过\n\n安全理事会，\n\n"
STATEMENT_HEAD = (
    "安全理事会主席声明\n\n在 2019 年 5 月 4 日安全理事会第 8520 次会议上，安全理事会主席代表安理会"
    "就安理会审议的题为“恐怖行为对国际和平与安全造成的威胁”的项目发表声明如下：\n\n"
)


def resolution(*paragraphs: str) -> str:
    return HEAD + "\n\n".join(paragraphs) + "\n"


def leading(text: str) -> dict[str, tuple[str, str]]:
    """Paragraph path → (verb slug, verb phrase) of its leading clause."""
    r = process("synthetic.txt", text.encode())
    return {v.paragraph.path: (v.slug, v.phrase) for v in r.facts["verbs"]}


def op1(paragraph: str) -> tuple[str, str] | None:
    """The leading verb of an operative paragraph 1 (after one preambular paragraph)."""
    return leading(resolution("重申其以往各项决议，", "1. " + paragraph)).get("op/1")


# (operative paragraph without its number, (slug, phrase))
VERB_ROWS = [
    # 决定 decides
    ("决定继续积极处理此案。", ("decides", "决定")),
    # 指示 directs
    ("指示反恐执行局继续开展工作；", ("directs", "指示")),
    # 请 requests
    ("请秘书长提交报告；", ("requests", "请")),
    # 鼓励 encourages
    ("鼓励会员国加强合作；", ("encourages", "鼓励")),
    # 敦促 urges
    ("敦促所有国家全面执行第 2178 (2014) 号决议；", ("urges", "敦促")),
    # 欢迎 welcomes
    ("欢迎秘书长的报告；", ("welcomes", "欢迎")),
    # 强调 stresses
    ("强调必须加强国际合作；", ("stresses", "强调")),
    # 强调指出 is its own concept, longest first
    ("强调指出能力建设的重要性；", ("emphasizes", "强调指出")),
    # 重申 reaffirms
    ("重申其承诺；", ("reaffirms", "重申")),
    # 回顾 recalls
    ("回顾第 2253 (2015) 号决议；", ("recalls", "回顾")),
    # 确认 recognizes
    ("确认区域组织的作用；", ("recognizes", "确认")),
    # 注意到 notes
    ("注意到秘书长的报告；", ("notes", "注意到")),
    # 提请…注意 keeps its addressee inside the phrase
    ("提请所有国家注意其义务；", ("draws-attention", "提请所有国家注意")),
    # 提请注意 without an addressee
    ("提请注意尊重人权的重要性；", ("draws-attention", "提请注意")),
    # 着重指出 underlines
    ("着重指出会员国负有首要责任；", ("underlines", "着重指出")),
    # 表示 + an object: the verb is 表示
    ("表示愿意考虑进一步措施；", ("expresses", "表示")),
    # 表示深为关切 is an expresses phrase
    ("表示深为关切恐怖主义的威胁；", ("expresses", "表示深为关切")),
    # 表示大力声援 as well
    ("表示大力声援恐怖主义受害者；", ("expresses", "表示大力声援")),
    # 赞赏 appreciates
    ("赞赏会员国作出的努力；", ("appreciates", "赞赏")),
    # 赞赏地注意到 keeps the appreciation, not the noting
    ("赞赏地注意到反恐执行局的工作；", ("appreciates", "赞赏地注意到")),
    # 关切 is concerned
    ("关切恐怖分子利用因特网；", ("concerned", "关切")),
    # 关切地注意到 is concerned, not notes
    ("关切地注意到恐怖主义威胁继续存在；", ("concerned", "关切地注意到")),
    # 严重关切 is concerned
    ("严重关切外国恐怖主义作战人员的威胁；", ("concerned", "严重关切")),
    # 深为关切 ("deeply concerned") is concerned too
    ("深为关切世界各地区出于不容忍的恐怖主义行为日益增加；", ("concerned", "深为关切")),
    # 宣布 declares
    ("宣布恐怖主义行为、方法和做法违背联合国的宗旨和原则；", ("declares", "宣布")),
    # 欢迎并鼓励: the first verb's concept, the full phrase
    ("欢迎并鼓励反恐执行局继续参加有关活动；", ("welcomes", "欢迎并鼓励")),
    # 欢迎和赞同: the first verb's concept, the full phrase
    ("欢迎和赞同委员会报告中的建议；", ("welcomes", "欢迎和赞同")),
    # 敦促并鼓励: another compound
    ("敦促并鼓励会员国交流信息；", ("urges", "敦促并鼓励")),
    # modifier 又 is stripped
    ("又请秘书长提交报告；", ("requests", "请")),
    # modifier 还 is stripped
    ("还鼓励会员国加强合作；", ("encourages", "鼓励")),
    # modifier 再次 is stripped
    ("再次呼吁所有国家成为各项公约的缔约方；", ("calls-upon", "呼吁")),
    # modifier 特别 is stripped
    ("特别回顾第 1624 (2005) 号决议；", ("recalls", "回顾")),
    # modifier 并 is stripped
    ("并指示反恐执行局继续开展工作；", ("directs", "指示")),
    # stacked modifiers 又再次
    ("又再次吁请各国加强合作；", ("calls-upon", "吁请")),
    # 特别指出 is a verb of its own: not 特别 + 指出
    ("特别指出必须尊重法治；", ("underscores", "特别指出")),
    # 仍然 is stripped too
    ("仍然严重关切这一威胁；", ("concerned", "严重关切")),
    # 邀请 invites (not 请)
    ("邀请会员国提供资料；", ("invites", "邀请")),
    # 授权 authorizes
    ("授权秘书长采取必要措施；", ("authorizes", "授权")),
    # 谴责 with a strengthening word
    ("坚决谴责一切恐怖行为；", ("condemns", "坚决谴责")),
    # 强烈敦促 urges (S/RES/2610 (2021), as the UN summary quotes it)
    ("强烈敦促会员国向监察员提供所有相关信息；", ("urges", "强烈敦促")),
    # 称赞 commends (S/RES/1599 (2005))
    ("称赞东帝汶的双边和多边伙伴提供宝贵的援助；", ("commends", "称赞")),
    # 核准 approves
    ("核准秘书长报告所载的建议；", ("approves", "核准")),
    # Traditional script: 決定 folds to 决定
    ("決定繼續積極處理此案。", ("decides", "决定")),
    # Traditional script: 著重指出 (Taiwan 著) folds to 着重指出
    ("著重指出會員國負有首要責任；", ("underlines", "着重指出")),
    # Traditional script compound: 歡迎並鼓勵
    ("歡迎並鼓勵反恐執行局繼續參加有關活動；", ("welcomes", "欢迎并鼓励")),
    # ASCII punctuation after the verb
    ("鼓励会员国, 特别是区域组织, 加强合作;", ("encourages", "鼓励")),
    # no known verb: no operative verb
    ("会员国应加强合作；", None),
]


@pytest.mark.parametrize(("paragraph", "expected"), VERB_ROWS,
                         ids=[e[0] if e else "none" for _, e in VERB_ROWS])
def test_leading_verb(paragraph, expected):
    assert op1(paragraph) == expected


# (statement paragraph, (slug, phrase)): the subject “安全理事会 / 安理会 is skipped
STATEMENT_ROWS = [
    # the subject with the opening quote
    ("“安全理事会重申其承诺。", ("reaffirms", "重申")),
    # the subject 安理会, with a modifier
    ("“安理会又欢迎并鼓励会员国开展合作。", ("welcomes", "欢迎并鼓励")),
    # 再次 between the subject and the verb
    ("“安全理事会再次强调必须加强合作。", ("stresses", "强调")),
    # 仍然 between the subject and the verb
    ("“安全理事会仍然严重关切这一威胁。", ("concerned", "严重关切")),
    # a request in a statement
    ("“安全理事会请秘书长在 2020 年 3 月 31 日之前提交报告。", ("requests", "请")),
    # 记得 (S/PRST/2005/64) recalls
    ("“安全理事会记得它在第 1535 (2004) 号决议中作出的决定。", ("recalls", "记得")),
    # Traditional script subject and verb
    ("“安全理事會鼓勵會員國加強合作。", ("encourages", "鼓励")),
    # the addressee before the verb: 向…表示哀悼
    ("“安全理事会向恐怖主义受害者家属表示哀悼，声援遭受袭击的国家。", ("expresses", "表示哀悼")),
    # …and 对…表示…
    ("“安全理事会对遇难者家属表示深切同情。", ("expresses", "表示")),
]


@pytest.mark.parametrize(("paragraph", "expected"), STATEMENT_ROWS, ids=[e[0] for _, e in STATEMENT_ROWS])
def test_statement_verb_after_subject(paragraph, expected):
    text = STATEMENT_HEAD + "“安全理事会回顾其以往各项声明。\n\n" + paragraph + "”\n"
    found = leading(text)
    assert found["p/1"] == ("recalls", "回顾")
    assert found["p/2"] == expected


# (operative paragraph, [(slug, phrase) of every clause that opens with a verb])
CLAUSE_ROWS = [
    # …，并指示…: the directive in the later clause
    ("回顾反恐执行局的工作，并指示反恐执行局在 2019 年 12 月 31 日之前提交报告；",
     [("recalls", "回顾"), ("directs", "指示")]),
    # …；又请…: after a semicolon
    ("表示打算举行磋商；又请委员会举行定期会议；", [("expresses", "表示"), ("requests", "请")]),
    # …，又指示…: two directives in one paragraph
    ("指示反恐执行局提供信息，又指示反恐执行局提供关于区域能力的信息；",
     [("directs", "指示"), ("directs", "指示")]),
    # a clause with 还 and one with 并: modifiers stripped in each
    ("欢迎会员国的努力，还注意到区域合作，并鼓励会员国交流信息；",
     [("welcomes", "欢迎"), ("notes", "注意到"), ("encourages", "鼓励")]),
    # a comma without a verb after it is not a clause break
    ("鼓励反恐执行局与会员国、区域组织和民间社会合作；", [("encourages", "鼓励")]),
    # a second sentence in the paragraph, with the Council as its subject
    ("强调合作的重要性。安全理事会还请秘书长提交报告；", [("stresses", "强调"), ("requests", "请")]),
    # ASCII punctuation between clauses
    ("强调合作的重要性,并请秘书长提交报告;", [("stresses", "强调"), ("requests", "请")]),
]


@pytest.mark.parametrize(("paragraph", "expected"), CLAUSE_ROWS,
                         ids=["+".join(s for s, _ in e) for _, e in CLAUSE_ROWS])
def test_clauses(paragraph, expected):
    r = process("synthetic.txt", resolution("重申其承诺，", "1. " + paragraph).encode())
    p = next(p for p in r.doc.structure.paragraphs if p.ref.path == "op/1")
    assert [(c.verb.slug, c.phrase) for c in clauses(r.doc, p) if c.verb] == expected


def test_verb_table_is_well_formed():
    # every concept has a unique slug and zh label and an English label; phrases are unique
    vs = verbs().verbs
    assert len({v.slug for v in vs}) == len(vs)
    assert len({v.zh for v in vs}) == len(vs)
    assert all(v.en for v in vs)
    phrases = [p for v in vs for p in v.phrases]
    assert len(phrases) == len(set(phrases))


def test_verb_concepts_in_the_graph(tmp_path):
    # the paragraph's verb is a skos:Concept of ct:ActionVerbs with zh and en labels
    text = resolution("重申其承诺，", "1. 欢迎并鼓励会员国合作；")
    (tmp_path / "res.txt").write_text(text, encoding="utf-8")
    g = build([tmp_path], base=BASE, check=False).graph
    op1 = URIRef(BASE + "S/RES/2395(2017)/op/1")
    concept = g.value(op1, g.namespace_manager.expand_curie("ct:operativeVerb"))
    assert (concept, SKOS.inScheme, g.namespace_manager.expand_curie("ct:ActionVerbs")) in g
    assert (concept, SKOS.prefLabel, Literal("欢迎", lang="zh")) in g
    assert (concept, SKOS.prefLabel, Literal("welcomes", lang="en")) in g
    assert (op1, g.namespace_manager.expand_curie("ct:verbPhrase"), Literal("欢迎并鼓励", lang="zh")) in g


# *** The seeds: the operative verb of every operative paragraph, read from the texts ***

# S/RES/2129 (2013), operative paragraphs 1-27
RES_2129 = [
    "stresses", "decides", "welcomes", "underlines", "directs", "recalls", "encourages",  # 1-7
    "emphasizes", "directs", "directs", "encourages", "encourages", "reaffirms",  # 8-13
    "notes", "recalls", "expresses", "recognizes", "encourages", "recognizes",  # 14-19
    "stresses", "draws-attention", "requests", "reaffirms", "directs", "encourages",  # 20-25
    "welcomes", "decides",  # 26 欢迎并鼓励, 27 决定继续积极处理此案
]
# S/RES/1963 (2010), operative paragraphs 1-18
RES_1963 = [
    "stresses", "decides", "welcomes", "urges", "encourages", "encourages", "encourages",  # 1-7
    "stresses", "urges", "draws-attention", "underlines", "directs", "directs", "requests",  # 8-14
    "encourages", "reaffirms", "encourages", "welcomes",  # 15-18
]


@pytest.mark.parametrize(("prefix", "expected"), [("003", RES_2129), ("004", RES_1963)],
                         ids=["S-RES-2129", "S-RES-1963"])
def test_seed_operative_verbs(seed_results, prefix, expected):
    r = seed_results[seed(prefix)]
    ops = {v.paragraph.number: v.slug for v in r.facts["verbs"] if v.paragraph.kind == "op"}
    assert [ops.get(n) for n in range(1, len(expected) + 1)] == expected
    assert max(ops) == len(expected)


def test_seed_compound_phrases(seed_results):
    # the compounds keep the full phrase: 1963 op 3 欢迎和赞同, op 18 欢迎并鼓励; 2129 op 21 提请会员国注意
    phrase = {(name[:3], v.paragraph.path): v.phrase
              for name, r in seed_results.items() for v in r.facts.get("verbs", ())}
    assert phrase["004", "op/3"] == "欢迎和赞同"
    assert phrase["004", "op/18"] == "欢迎并鼓励"
    assert phrase["003", "op/21"] == "提请会员国注意"
    assert phrase["003", "op/16"] == "表示大力声援"
