"""Body mentions: the gazetteer, longest-first matching, guards, committees
named by their resolutions, anaphora, abbreviation definitions.

Inputs are synthetic resolutions (other numbers, dates, phrasings, scripts)
built with :func:`resolution`; the seed table at the end checks the real texts.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

import ct2rdf
from conftest import BASE, best_seconds, seed
from ct2rdf.build import build
from ct2rdf.extract.bodies import Alias, Mention, other_names, split_words
from ct2rdf.pipeline import process
from ct2rdf.reference import gazetteer

HEAD = "第 2475 (2019) 号决议\n\n安全理事会 2019 年 6 月 20 日第 8556 次会议通过\n\n安全理事会，\n\n"


def resolution(*paragraphs: str) -> str:
    """A block-layout resolution: header lines, then one paragraph per line."""
    return HEAD + "\n\n".join(paragraphs) + "\n"


def facts(text: str):
    return process("synthetic.txt", text.encode()).facts["bodies"]


def mentions(text: str) -> list[tuple[str, str]]:
    """(key, normalized text) of every mention inside a paragraph (not the header)."""
    return [(m.key, m.text) for m in facts(text) if isinstance(m, Mention) and m.paragraph]


def keys(text: str) -> set[str]:
    return {k for k, _ in mentions(text)}


def aliases(text: str) -> list[Alias]:
    return [a for a in facts(text) if isinstance(a, Alias)]


def ids(rows) -> list[str]:
    """ASCII test ids from the expected keys of each row (pytest numbers duplicates)."""
    return ["+".join(sorted({str(k[0] if isinstance(k, tuple) else k).replace("None", "unknown")
                             for k in r[-1]})) or "none" for r in rows]


GAZ = gazetteer()
NAMES = [(b.key, name) for b in GAZ.bodies for name in b.names]
CONTEXT = [(b.key, alias, b.context[0]) for b in GAZ.bodies for alias in b.context_aliases]


# *** The gazetteer itself: every name and alias finds its body ***


@pytest.mark.parametrize(("key", "name"), NAMES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(NAMES)])
def test_every_gazetteer_name_maps_to_its_key(key, name):
    # the name alone in a sentence is one mention of its body, spanning the whole name
    assert mentions(resolution(f"赞赏{name}开展的工作，")) == [(key, name)]


# (name as written in UN texts, key): written by hand, so a name dropped from the gazetteer fails here
NAME_ROWS = [
    ("反恐委员会", "CTC"),  # the Committee's usual abbreviation
    ("安全理事会反恐怖主义委员会", "CTC"),  # with the Council's name before it
    ("反恐执行局", "CTED"),  # the Directorate's usual abbreviation
    ("反恐怖主义执行局", "CTED"),  # 2129 op 3's shorter form
    ("反恐怖主义执行工作队", "CTITF"),  # the Task Force in full
    ("反恐执行工作队", "CTITF"),  # its 2010 abbreviation
    ("反恐执行队", "CTITF"),  # its 2013 abbreviation
    ("联合国反恐怖主义办公室", "UNOCT"),  # the Office in full
    ("反恐怖主义办公室", "UNOCT"),  # without 联合国 (主管反恐怖主义办公室副秘书长)
    ("反恐办", "UNOCT"),  # its abbreviation
    ("联合国反恐怖主义中心", "UNCCT"),  # the Centre in full
    ("联合国反恐中心", "UNCCT"),  # S/PRST/2012/17's form
    ("反恐中心", "UNCCT"),  # its abbreviation
    ("毒品和犯罪问题办公室", "UNODC"),  # without 联合国
    ("区域间犯罪和司法研究所", "UNICRI"),  # without 联合国
    ("犯罪司法所", "UNICRI"),  # its abbreviation
    ("金融行动特别工作组", "FATF"),  # the other official rendering
    ("全球反恐怖主义论坛", "GCTF"),  # the longer form
    ("政治事务部", "DPA"),  # the department in full
    ("维持和平行动部", "DPKO"),  # the department in full
    ("不同文明联盟", "AOC"),  # the Alliance of Civilizations
    ("监察员办公室", "OMBUDSPERSON"),  # the office
    ("1267监察组", "MT1267"),  # 1963 op 17's form
    ("分析支助和制裁监测组", "MT1267"),  # the team's full name
    ("1540委员会", "C1540"),  # 1963 op 17's form
    ("1267委员会", "C1267"),  # the committee's short name
    ("联合国安理会", "SC"),  # the Council with 联合国
    ("联合国大会", "GA"),  # the Assembly with 联合国
    ("联合国秘书长", "SG"),  # the Secretary-General with 联合国
    ("联合国反恐办公室", "UNOCT"),  # un.org/counterterrorism/zh: 联合国反恐办公室及其合作伙伴
    ("联合国毒品与犯罪问题办公室", "UNODC"),  # news spell 和 as 与
    ("“基地”组织制裁委员会", "C1267"),  # Xinhua 2013: “基地”组织制裁委员会是安理会重要反恐机制
    ("基地组织和塔利班制裁委员会", "C1267"),  # the committee's name before 2011
    ("伊黎伊斯兰国和基地组织制裁委员会", "C1267"),  # without (达伊沙)
    ("FATF", "FATF"),  # news: 金融行动特别工作组(FATF)为核心枢纽; Latin acronyms stand alone
    ("UNODC", "UNODC"),  # a Latin acronym in Chinese text
    ("防制洗钱金融行动工作小组", "FATF"),  # Taiwan: 防制洗錢金融行動工作小組(FATF) (lawdata.com.tw)
    ("反恐执行工作组", "CTITF"),  # China News Service 2012: 联合国反恐执行工作组是…
    ("全球反恐合作论坛", "GCTF"),  # Xinhua 2011 on the Forum's launch: “全球反恐合作论坛”
    ("联合国反恐怖主义委员会", "CTC"),  # news: 联合国反恐怖主义委员会同各国际、区域…组织举行了多次特别会议
]


@pytest.mark.parametrize(("name", "key"), NAME_ROWS, ids=[k for _, k in NAME_ROWS])
def test_names_from_un_texts(name, key):
    assert mentions(resolution(f"1. 鼓励{name}继续开展工作；")) == [(key, name)]


@pytest.mark.parametrize(("key", "alias", "context"), CONTEXT, ids=[k for k, _, _ in CONTEXT])
def test_context_alias_counts_only_where_its_body_is_named(key, alias, context):
    # 执行局 / 委员会 / 工作队 alone are anaphoric: nothing without the full name …
    assert keys(resolution(f"1. 鼓励{alias}继续开展工作；")) == set()
    # … and their body once the document names it (here in the preamble)
    text = resolution(f"赞赏{GAZ.get(context).zh}开展的工作，", f"1. 鼓励{alias}继续开展工作；")
    assert (key, alias) in mentions(text)


def test_gazetteer_keys_and_hierarchy_follow_the_contract():
    # the contract fixes these keys; parents and establishing documents point inside the gazetteer
    fixed = {"SC", "GA", "SG", "CTC", "CTED", "CTITF", "UNOCT", "UNCCT", "UNODC", "UNICRI", "FATF",
             "GCTF", "DPA", "DPKO", "AOC", "OMBUDSPERSON", "MT1267", "C1267", "C1540", "C1988"}
    assert fixed <= {b.key for b in GAZ.bodies}
    assert GAZ.get("CTED").parent == "CTC" and GAZ.get("CTC").parent == "SC"
    assert str(GAZ.get("CTC").established_by) == "S/RES/1373 (2001)"
    # no alias is claimed by two bodies
    all_names = [n for b in GAZ.bodies for n in (*b.names, *b.context_aliases)]
    assert len(all_names) == len(set(all_names))


# *** Explicit rows: (paragraphs, expected mentions in order) ***

MENTION_ROWS = [
    # longest first: the Executive Directorate's full name is CTED only, not CTC + 执行局
    (["赞扬反恐怖主义委员会执行局的工作，"], [("CTED", "反恐怖主义委员会执行局")]),
    # longest first again: 联合国反恐怖主义中心 is UNCCT, not UNOCT's 反恐怖主义… nor 反恐中心
    (["欢迎联合国反恐怖主义中心开展的活动，"], [("UNCCT", "联合国反恐怖主义中心")]),
    # 广大会员国 contains 大会 but is not the General Assembly
    (["期待举行一次广大会员国均可参加的会议，"], []),
    # 副秘书长 and 助理秘书长 contain 秘书长 but are not the Secretary-General
    (["欢迎副秘书长和助理秘书长作通报，"], []),
    # … while the Secretary-General himself is
    (["请秘书长提交报告，"], [("SG", "秘书长")]),
    # another organization's secretary-general is not the UN's
    (["注意到伊斯兰合作组织秘书长的发言，"], []),
    # 缔约方大会 is a conference of parties, not the General Assembly
    (["注意到公约缔约方大会的决定，"], []),
    # a long name is distinctive: the guard of the short 委员会 (的…) does not block it
    (["回顾根据第 1373 (2001) 号决议设立的反恐怖主义委员会，"], [("CTC", "反恐怖主义委员会")]),
    # Traditional script (OpenCC s2t style) is folded before matching
    (["讚揚反恐怖主義委員會執行局的工作，"], [("CTED", "反恐怖主义委员会执行局")]),
    # Traditional script, the Office of Counter-Terrorism
    (["歡迎聯合國反恐怖主義辦公室開展的工作，"], [("UNOCT", "联合国反恐怖主义办公室")]),
    # Traditional script, the Secretary-General but not the Deputy
    (["請秘書長和副秘書長提交報告，"], [("SG", "秘书长")]),
    # committees named by their resolutions: 1267 and 1989 together are C1267
    (["回顾第 1267 (1999) 号和第 1989 (2011) 号决议所设委员会的工作，"],
     [("C1267", "第1267(1999)号和第1989(2011)号决议所设委员会")]),
    # the 1540 committee by its resolution, then by its short name
    (["欢迎第 1540 (2004) 号决议所设委员会和 1540 委员会专家的工作，"],
     [("C1540", "第1540(2004)号决议所设委员会"), ("C1540", "1540委员会")]),
    # the Counter-Terrorism Committee by its resolution
    (["回顾第 1373(2001)号决议所设委员会，"], [("CTC", "第1373(2001)号决议所设委员会")]),
    # the Ombudsperson's office by its resolution
    (["欢迎第 1904 (2009) 号决议所设监察员办公室的工作，"],
     [("OMBUDSPERSON", "第1904(2009)号决议所设监察员办公室")]),
    # the 1988 committee, 设立的 instead of 所设
    (["注意到依照第 1988 (2011) 号决议设立的委员会的报告，"],
     [("C1988", "第1988(2011)号决议设立的委员会")]),
    # Traditional script, a committee named by its resolution
    (["回顧第 1540(2004)號決議所設委員會的工作，"], [("C1540", "第1540(2004)号决议所设委员会")]),
    # S/PRST/2002/26 (wikisource, Traditional): the date in parentheses, then the name in them
    (["安全理事會歡迎第1373號決議(2001年9月28日)所設委員會(反恐怖主義委員會)主席的簡報，"],
     [("SC", "安全理事会"), ("CTC", "第1373号决议(2001年9月28日)所设委员会"), ("CTC", "反恐怖主义委员会")]),
    # a resolution that set up no committee is not a committee
    (["回顾第 1624 (2005) 号决议所设委员会，"], []),
    # a resolution is not its committee: no 所设委员会, no body
    (["回顾第 1267 (1999) 号和第 1540 (2004) 号决议，"], []),
    # the Council's committee: 安全理事会 is the Council, the committee is C1540
    (["回顾安全理事会第 1540 (2004) 号决议所设委员会，"],
     [("SC", "安全理事会"), ("C1540", "第1540(2004)号决议所设委员会")]),
    # the other committees' own names, where CTC is named, are not CTC
    (["欢迎反恐委员会、人权事务委员会和国际法委员会的合作，"], [("CTC", "反恐委员会")]),
    # anaphoric 执行局 counts where CTC is named ("CTC and its directorate")
    (["赞扬反恐怖主义委员会及其执行局的工作，"], [("CTC", "反恐怖主义委员会"), ("CTED", "执行局")]),
    # an executive board of a fund is not CTED, even where CTED is named
    (["鼓励反恐执行局与儿童基金会执行局合作，"], [("CTED", "反恐执行局")]),
    # 执行局 near the Task Force only is not CTED (CTC/CTED not named)
    (["欢迎反恐执行工作队和执行局的工作，"], [("CTITF", "反恐执行工作队")]),
    # 各委员会 / 这三个委员会 mean several committees, not CTC
    (["鼓励反恐委员会与这三个委员会及各委员会合作，"], [("CTC", "反恐委员会")]),
    # the Monitoring Team by its short name, then the Task Force's short name
    (["鼓励 1267 监察组与反恐执行队合作，"], [("MT1267", "1267监察组"), ("CTITF", "反恐执行队")]),
    # ASCII punctuation and spaces do not matter
    (["欢迎 反恐执行局 , 金融行动任务组 ; 全球反恐论坛 : 合作,"],
     [("CTED", "反恐执行局"), ("FATF", "金融行动任务组"), ("GCTF", "全球反恐论坛")]),
]


@pytest.mark.parametrize(("paragraphs", "expected"), MENTION_ROWS,
                         ids=ids(MENTION_ROWS))
def test_mentions(paragraphs, expected):
    assert mentions(resolution(*paragraphs)) == expected


# *** Whole words: other organisations whose names contain ours give nothing ***

OTHER_ROWS = [
    # the Arab League's council: a 理事会 that is not the Security Council
    ("欢迎阿拉伯国家联盟理事会通过的决定，", []),
    # the African Union's Peace and Security Council contains 安全理事会
    ("欢迎非洲联盟和平与安全理事会的公报，", []),
    # news, 2004: 非洲联盟的和平安全理事会 (no 与, 的 between)
    ("注意到非洲联盟的和平安全理事会正式成立，", []),
    # a union's council by its short name: 盟 guards 安理会
    ("注意到非盟安理会的公报，", []),
    # the WHO's assembly contains 大会
    ("回顾世界卫生大会的决议，", []),
    # the AU's assembly: 盟 guards 大会
    ("注意到非盟大会的决定，", []),
    # the SCO's secretary-general contains 秘书长
    ("欢迎上海合作组织秘书长的发言，", []),
    # Xinhua 2018: 阿拉伯国家联盟(阿盟)秘书长盖特: the abbreviation sits before 秘书长
    ("注意到阿拉伯国家联盟(阿盟)秘书长盖特的讲话，", []),
    # NATO's secretary-general: 约 guards 秘书长
    ("注意到北约秘书长的发言，", []),
    # the Human Rights Council and ECOSOC: no body of ours
    ("回顾人权理事会和经济及社会理事会的决议，", []),
    # the Council of the European Union
    ("注意到欧洲联盟理事会的决定，", []),
    # permanent members and members of the Council are not a body (安理会 is)
    ("安理会常任理事国和理事会成员进行了磋商，", [("SC", "安理会")]),
    # a country's national anti-terrorism committee contains 反恐委员会
    ("欢迎俄罗斯国家反恐委员会的合作，", []),
    # the CIS Anti-Terrorism Centre contains 反恐中心
    ("欢迎独联体反恐中心的合作，", []),
    # un.org/counterterrorism/zh: FATF is named, the FATF-style regional bodies are not FATF
    ("金融行动特别工作组和FATF式的区域机构确定的其他优先主题，", [("FATF", "金融行动特别工作组")]),
    # wikiwand: 加勒比金融行動特別工作組(CFATF) is a regional body, not the FATF (Traditional)
    ("歡迎加勒比金融行動特別工作組的評估，", []),
    # UN texts' form of the regional bodies
    ("鼓励金融行动任务组式区域机构开展评估，", []),
    # the Secretary-General's special representative is another officer; the Council is ours
    ("请秘书长特别代表向安理会通报情况，", [("SC", "安理会")]),
    # … also with 联合国 before it (联合国秘书长 is a name of ours, hidden here)
    ("欢迎联合国秘书长特使的斡旋，", []),
    # peacekeeping troops: jieba's word 维和部队 hides DPKO's short name 维和部
    ("感谢维和部队作出的贡献，", []),
    # an international organisation's own assembly (组织 guards 大会)
    ("注意到国际刑警组织大会通过的决议，", []),
    # news, 2010: the WHO's assembly by its short name
    ("实施世卫大会此前通过的《国际卫生条例》，", []),
    # a news site's link list, 2024: the UNFCCC's conference
    ("第28届联合国气候变化大会，", []),
    # other sanctions regimes' monitoring groups and committees give nothing
    ("欢迎苏丹问题监测组的报告和其他制裁委员会的工作，", []),
]


@pytest.mark.parametrize(("paragraph", "expected"), OTHER_ROWS, ids=ids(OTHER_ROWS))
def test_other_organisations_are_not_ours(paragraph, expected):
    assert mentions(resolution(paragraph)) == expected


# the same in a document that names the 1267 regime, so 监察员 / 监测组 would count as anaphora
SANCTIONS = "回顾第 1267 (1999) 号决议所设委员会，"

CONTEXT_OTHER_ROWS = [
    # Sudan's monitoring group is another regime's, even where the 1267 committee is named
    ("注意到苏丹问题监测组的报告，", []),
    # the Somalia and Eritrea Monitoring Group
    ("注意到索马里和厄立特里亚问题监测组的报告，", []),
    # a national human rights ombudsman is not the Office of the Ombudsperson
    ("欢迎人权监察员的工作，", []),
    # … nor is his office
    ("欢迎人权监察员办公室的报告，", []),
    # subsidiary, expert and truth commissions are not the CTC's anaphoric 委员会
    ("欢迎反恐委员会、附属委员会、专家委员会和真相与和解委员会的合作，", [("CTC", "反恐委员会")]),
    # … while 配合委员会 (a verb before it) and 审查委员会的报告 are the CTC
    ("请会员国配合委员会并审查委员会的报告，反恐委员会将予协助，",
     [("CTC", "委员会"), ("CTC", "委员会"), ("CTC", "反恐委员会")]),
    # the AU Commission is not the CTC's anaphoric 委员会, even where CTC is named
    ("鼓励反恐委员会与非盟委员会合作，", [("CTC", "反恐委员会")]),
]


@pytest.mark.parametrize(("paragraph", "expected"), CONTEXT_OTHER_ROWS, ids=ids(CONTEXT_OTHER_ROWS))
def test_other_organisations_are_not_anaphora(paragraph, expected):
    found = mentions(resolution(SANCTIONS, paragraph))
    assert found[0][0] == "C1267" and found[1:] == expected


@pytest.mark.parametrize(("name", "hides"), [r for r in other_names() if r[1]],
                         ids=[h for _, h in other_names() if h])
def test_every_other_organisation_contains_the_name_it_hides(name, hides):
    # the list is of organisations whose names hold ours: each row must, or it is a stray entry
    body = GAZ.get(hides)
    assert any(n in name for n in (*body.names, *body.context_aliases))
    # and alone in a sentence, with its own body named too, it gives nothing of that body
    text = resolution(f"赞赏{body.zh}的工作，", f"1. 鼓励{name}继续开展工作；")
    assert [k for k, t in mentions(text)] == [hides]


# Whole-word matching keeps the real mentions: (paragraph, expected)
WORD_ROWS = [
    # 请安 is a dictionary word (to pay respects), 安理会 still wins
    ("1. 请安理会继续审议；", [("SC", "安理会")]),
    # 向大会提交: 大会 between two verbs
    ("1. 请秘书长向大会提交报告；", [("SG", "秘书长"), ("GA", "大会")]),
    # 大会和安理会, then 联大 (a dictionary word of its own)
    ("注意到大会和安理会以及联大的决议，", [("GA", "大会"), ("SC", "安理会"), ("GA", "联大")]),
    # Xinhua 2019: 安理会1540委员会主席: two bodies, glued
    ("安理会1540委员会主席作了通报，", [("SC", "安理会"), ("C1540", "1540委员会")]),
    # Traditional script, the quoted Al-Qaida committee
    ("讚賞“基地”組織制裁委員會的工作，", [("C1267", "“基地”组织制裁委员会")]),
    # 联合国反恐怖主义委员会 is CTC, but here the Directorate is the word: CTED, no CTC
    ("赞扬联合国反恐怖主义委员会执行局的工作，", [("CTED", "反恐怖主义委员会执行局")]),
    # a Latin acronym inside a longer Latin word is not the acronym
    ("参见UNODCX文件，", []),
    # UN News 2017: 反恐执行工作队办 (the Task Force's office) is the Task Force
    ("将当前的反恐执行工作队办并入反恐怖主义办公室，",
     [("CTITF", "反恐执行工作队"), ("UNOCT", "反恐怖主义办公室")]),
]


@pytest.mark.parametrize(("paragraph", "expected"), WORD_ROWS, ids=ids(WORD_ROWS))
def test_whole_words_keep_real_mentions(paragraph, expected):
    assert mentions(resolution(paragraph)) == expected


# Anaphora: a short name counts only where its body is named and no other body owns it
ANAPHORA_ROWS = [
    # 委员会 is the CTC where the document names the CTC
    (["欢迎反恐委员会的工作，", "1. 请委员会每年报告；"], [("CTC", "反恐委员会"), ("CTC", "委员会")]),
    # no CTC named: 委员会 is nobody
    (["1. 请委员会每年报告；"], []),
    # the document defines 委员会 as another committee, unknown to the gazetteer: not the CTC
    (["欢迎反恐委员会和人权事务委员会(下称“委员会”)的合作，", "1. 请委员会每年报告；"],
     [("CTC", "反恐委员会")]),
    # un.org (1267 page): 特别指出监察员办公室的重要性,…向监察员提供所有相关信息
    (["特别指出监察员办公室的重要性，", "1. 强烈敦促会员国向监察员提供所有相关信息；"],
     [("OMBUDSPERSON", "监察员办公室"), ("OMBUDSPERSON", "监察员")]),
    # another committee named by a resolution the gazetteer does not know: 委员会 may be that one
    (["欢迎反恐委员会的工作，", "注意到第 1533 (2004) 号决议所设委员会的报告，", "1. 请委员会每年报告；"],
     [("CTC", "反恐委员会")]),
    # bare 监察员 with no 1267 regime named is any ombudsman
    (["1. 鼓励监察员继续开展工作；"], []),
    # 监测组 in a 1267 text is the Monitoring Team
    (["将分析支助和制裁监测组的任务期限延长30个月，", "1. 请监测组提交报告；"],
     [("MT1267", "分析支助和制裁监测组"), ("MT1267", "监测组")]),
    # UN News 2017: 副秘书长级别的反恐办公室 where the Office is named in full
    (["欢迎设立联合国反恐怖主义办公室，", "1. 鼓励反恐办公室开展工作；"],
     [("UNOCT", "联合国反恐怖主义办公室"), ("UNOCT", "反恐办公室")]),
]


@pytest.mark.parametrize(("paragraphs", "expected"), ANAPHORA_ROWS, ids=ids(ANAPHORA_ROWS))
def test_anaphora(paragraphs, expected):
    assert mentions(resolution(*paragraphs)) == expected


def test_cli_help_does_not_import_jieba():
    # jieba costs ~1 s to load: only extracting bodies may load it, never the CLI's import
    code = "import sys, ct2rdf.cli; sys.exit('jieba' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(Path(ct2rdf.__file__).parents[1])}
    assert subprocess.run([sys.executable, "-c", code], env=env, check=False).returncode == 0


def test_tokenizer_is_private():
    # our user words go into our own tokenizer, never into jieba's global one
    import jieba

    mentions(resolution("欢迎金融行动任务组式区域机构的工作，"))
    assert not jieba.dt.FREQ.get("金融行动任务组式区域机构")


# jieba's dictionary cache: (what is at <tmp>/ct2rdf-<uid> before the run, whether the
# run may use it).  jieba's default, <tmp>/jieba.cache, is 0600: another user's load fails.
CACHE_ROWS = [
    # nothing: created 0700, the cache goes there
    ("", True),
    # a directory others may write (someone may have planted a cache): not trusted
    ("open", False),
    # a symlink to a directory elsewhere: not followed
    ("symlink", False),
]


@pytest.mark.parametrize(("squat", "trusted"), CACHE_ROWS, ids=["fresh", "open-to-others", "symlink"])
def test_jieba_cache_stays_in_a_private_directory(tmp_path, squat, trusted):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    ours = tmp / f"ct2rdf-{os.getuid()}"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    if squat == "open":
        ours.mkdir()
        ours.chmod(0o777)
    elif squat == "symlink":
        ours.symlink_to(elsewhere)
    code = ("from ct2rdf.pipeline import process; "
            "process('t.txt', '安全理事会，\\n\\n1. 请反恐怖主义委员会报告。\\n'.encode())")
    env = {**os.environ, "PYTHONPATH": str(Path(ct2rdf.__file__).parents[1]), "TMPDIR": str(tmp)}
    run = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    assert "cache" not in run.stderr.lower(), run.stderr  # jieba logs a failed dump
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    if trusted:
        assert ours.stat().st_mode & 0o777 == 0o700
        # jieba's own cache, and our copy of its dictionary sharded by first character
        assert [re.sub("-[0-9a-f]{24}[.]", "-KEY.", w) for w in written] == [
            f"tmp/{ours.name}/ct2rdf-jieba-KEY.dict", f"tmp/{ours.name}/jieba-{jieba_version()}.cache"]
    else:  # a private directory for the run, removed at exit; the squatted one untouched
        assert written == []
        assert sorted(tmp.iterdir()) == [ours]


# Damage to our copy of jieba's dictionary (a full disk, a killed build, a stray write):
# each row is what the file holds before the next process starts.
DAMAGE_ROWS = [
    b"",  # empty
    b"ct2rdf-jieba-shards-2",  # the format tag only
    b"\x00" * 100,  # garbage
    "truncated",  # the first half of the file
]


def test_damaged_dictionary_copy_is_built_again(tmp_path):
    # never read as a dictionary: built again, the same as before, and saved again
    code = ("import glob, os, sys\n"
            "from ct2rdf.text import segment\n"
            "from ct2rdf.extract.bodies import _names\n"
            "d = segment.dictionary(_names()[3])\n"
            "[path] = glob.glob(os.path.join(segment.cache_dir(), 'ct2rdf-jieba-*.dict'))\n"
            "data = open(path, 'rb').read()\n"
            "for damage in eval(sys.argv[1]):\n"
            "    open(path, 'wb').write(data[: len(data) // 2] if damage == 'truncated' else damage)\n"
            "    segment.dictionary.cache_clear(); e = segment.dictionary(_names()[3])\n"
            "    assert (e.total, e.longest, e.shard('安')) == (d.total, d.longest, d.shard('安'))\n"
            "    assert open(path, 'rb').read() == data\n")
    env = {**os.environ, "PYTHONPATH": str(Path(ct2rdf.__file__).parents[1]), "TMPDIR": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code, repr(DAMAGE_ROWS)], env=env, check=True)


def jieba_version() -> str:
    import jieba

    return jieba.__version__


# Names from real texts, by class; (paragraphs, expected keys).  Short names of the
# Monitoring Team count only where the 1267 or 1988 regime is named.
def news(*paragraphs: str) -> str:
    """A news report: a headline, then one paragraph per line (type other, no header)."""
    return "新华社联合国电\n\n" + "\n\n".join(paragraphs) + "\n"


REAL_NAME_ROWS = [
    # S/RES/1526 (2004), founding the team: its name then, and the alias defined for it
    (resolution, ["2.决定加强第1267(1999)号决议所设委员会(“委员会”)的任务，",
                  "6.决定，为协助委员会完成任务，成立一个分析性支助和制裁监测小组(下称“监测小组”)，",
                  "7.请秘书长任命监测小组的至多八名成员；"], {"C1267", "MT1267", "SG"}),
    # news, 2024: the team and the Ombudsperson after 1267委员会
    (news, ["并将1267委员会监测小组和监察员授权延期36个月。", "中方感谢监测小组和监察员所做工作。"],
     {"C1267", "MT1267", "OMBUDSPERSON"}),
    # news, 2024 (resolution 2763): the 1988 committee, its abbreviation, the team that serves it
    (news, ["将1988制裁委员会(塔利班制裁委)监测小组授权延期14个月。"], {"C1988", "MT1267"}),
    # Xinhua, 2023 (resolution 2716): the Taliban committee by its regime's name, then its team
    (news, ["决定将阿富汗塔利班制裁委员会监测小组的授权延长12个月。", "中方支持监测小组授权延期。"],
     {"C1988", "MT1267"}),
    # news, 2013, Traditional: the quoted Al-Qaida committee and 監督小組
    (news, ["“基地”組織制裁委員會是安理會重要反恐機制，", "并同監察員和監督小組保持良好合作。"],
     {"C1267", "SC", "OMBUDSPERSON", "MT1267"}),
    # news prints other quote marks than the UN's “基地”
    (news, ['"基地"组织制裁委员会是安理会重要反恐机制，', "‘基地’组织制裁委员会审议列名申请。"],
     {"C1267", "SC"}),
    # before 2011 the 1267 committee was the Al-Qaida and Taliban committee: not C1988
    (news, ["安理会“基地”组织和塔利班制裁委员会主席表示，"], {"C1267", "SC"}),
    # S/RES/1566 (2004): the 1267 committee by its quoted name of the time
    (resolution, ["第1267(1999)号决议所设“制裁基地组织/塔利班委员会”及其分析支助和制裁监测组，"],
     {"C1267", "MT1267"}),
    # A/61/1 (2006): UNODC's older name
    (resolution, ["包括国际原子能机构(原子能机构)，联合国毒品和犯罪问题办事处，国际刑警，"], {"UNODC"}),
    # news: the CTC named only inside its chair's title
    (news, ["反恐委员会执行主任科宁斯表示，"], {"CTC"}),
    # S/RES/858 (1993): a peacekeeping monitoring group with no 1267 regime named
    (resolution, ["6.欢迎关于部署混合临时监测小组以期巩固停火的建议，"], set()),
    # news, 2003: the WHO's assembly, then bare 大会 for it (the GA is named nowhere else)
    (news, ["第五十六届世界卫生大会十九日在瑞士日内瓦万国宫开幕。", "本届大会的主题是儿童健康。",
            "此次大会将就公共卫生问题举行讨论。"], set()),
    # … but news that also cites the Assembly (大会第…号决议) keeps its bare 大会
    (news, ["世界卫生大会开幕。", "他回顾大会第60/288号决议，", "并请大会审议。"], {"GA"}),
    # … and in a resolution, 大会 is the General Assembly's name
    (resolution, ["回顾世界卫生大会的决议，", "请大会审议。"], {"GA"}),
]


@pytest.mark.parametrize(("wrap", "paragraphs", "expected"), REAL_NAME_ROWS,
                         ids=[f"{i}-{w.__name__}-" + ("+".join(sorted(e)) or "none")
                              for i, (w, _, e) in enumerate(REAL_NAME_ROWS)])
def test_real_names_by_class(wrap, paragraphs, expected):
    assert keys(wrap(*paragraphs)) == expected  # mentions in paragraphs: not the header's 安全理事会


# A committee list names each committee once; (list, expected keys)
COMMITTEE_LIST_ROWS = [
    # the 2021 statement's list: five resolutions, three committees
    ("第 1373(2001)、1267(1999)、1989(2011)、2253(2015)和 1540(2004)号决议所设各个委员会",
     {"CTC", "C1267", "C1540"}),
    # 号 after each item, 和 and 、 mixed, and 设立的承担…任务的各个委员会
    ("第1267(1999)号和第1989(2011)号、第1373(2001)号和第1540(2004)号决议设立的承担反恐任务的各个委员会",
     {"C1267", "CTC", "C1540"}),
    # four committees, one of them C1988
    ("第 1988 (2011) 号、第 1373 (2001) 号和第 1540 (2004) 号决议所设委员会", {"C1988", "CTC", "C1540"}),
    # two lists chained by 决议和 before one 所设委员会 (S/RES/2178 (2014) style)
    ("第1267(1999)号决议和第1989(2011)号决议所设委员会", {"C1267"}),
    # the adoption date in parentheses after 决议 (S/PRST/2002/26, wikisource, Traditional)
    ("第1373號決議(2001年9月28日)所設委員會", {"CTC"}),
    # the Ombudsperson's office, named by its resolution
    ("第1904(2009)号决议所设监察员办公室", {"OMBUDSPERSON"}),
    # a list that no 所设委员会 closes names no committee
    ("第1373(2001)号、第1267(1999)号和第1540(2004)号决议", set()),
]


@pytest.mark.parametrize(("name", "expected"), COMMITTEE_LIST_ROWS, ids=ids(COMMITTEE_LIST_ROWS))
def test_committee_lists(name, expected):
    found = mentions(resolution(f"1. 鼓励{name}加强合作；"))
    assert sorted(k for k, _ in found) == sorted(expected)  # each committee once


# *** Performance: long documents take linear time ***
# A regex ITEM(?:JOIN ITEM)*决议…委员会 backtracked through every item at every
# start where no 委员会 closed the list: 250 items 0.26 s, 2,000 items 16 s.
# Per-mention lookups (the mention before an abbreviation, the paragraph of a
# mention) scanned every mention found.  The ratio of times at two sizes 8x
# apart tells linear (8; up to ~20 with cache effects) from quadratic (64).
# (The abbreviation row's quadratic term was still small at 2,000 units: the
# old lookups gave a ratio of ~20, so that row guards against worse only.)
LONG_TEXTS = [
    # a footnote listing resolutions that no 所设委员会 closes
    ("第1373(2001)、", ""),
    # lists chained by 决议和, closed by a committee at the very end
    ("第1373(2001)号决议和", "第1540(2004)号决议所设委员会"),
    # many mentions, each with an abbreviation defined after it
    ("反恐怖主义委员会执行局(反恐执行局)和全球反恐论坛(反恐论坛)、", ""),
]


@pytest.mark.parametrize(("unit", "close"), LONG_TEXTS, ids=["open-list", "chained-lists", "abbreviations"])
def test_long_texts_take_linear_time(monkeypatch, unit, close):
    from ct2rdf import pipeline
    from ct2rdf.extract import bodies

    monkeypatch.setattr(pipeline, "EXTRACTORS", ())  # the document only: bodies are timed below

    def seconds(n: int) -> float:
        doc = pipeline.process("t.txt", resolution(f"1. 回顾{unit * n}{close}；").encode()).doc
        return best_seconds(lambda: bodies._scan.__wrapped__(doc))

    small, large = seconds(250), seconds(2000)
    assert large / small < 32, f"250 units {small:.3f} s, 2000 units {large:.3f} s"


# *** Line breaks: a "layout" text, names broken across lines ***

LAYOUT = (
    "  第 2617 (2021) 号决议 \n\n  安全理事会 2021 年 12 月 30 日第 8945 次会议通过 \n\n  安全理事会， \n\n"
    "  欢迎反恐执行\n\n工作队和联合国反恐怖主义\n\n办公室的工作， \n\n"
    "  1. 鼓励反恐怖主义委员会执\n\n行局与金融行动任务\n组和第 1373\n\n(2001) 号决议所设委员会密切合作； \n\n"
    "  2. 决定继续积极处理此案。 \n"
)


def test_names_broken_across_lines():
    # each name is found whole, and its source span gives the name back minus the line breaks
    r = process("layout.txt", LAYOUT.encode())
    found = [m for m in r.facts["bodies"] if isinstance(m, Mention) and m.paragraph]
    assert [(m.key, m.text) for m in found] == [
        ("CTITF", "反恐执行工作队"), ("UNOCT", "联合国反恐怖主义办公室"),
        ("CTED", "反恐怖主义委员会执行局"), ("FATF", "金融行动任务组"),
        ("CTC", "第1373(2001)号决议所设委员会"),
    ]
    for m in found:
        a, b = r.doc.norm.source_span(m.span.start, m.span.end)
        assert re.sub(r"\s", "", LAYOUT[a:b]) == m.text


# *** Abbreviation definitions ***

ALIAS_ROWS = [
    # X(Y), a new abbreviation of a known body: an Alias fact with its key
    ("赞赏全球反恐论坛(反恐论坛)的工作，", [("GCTF", "反恐论坛")]),
    # full-width parentheses, a new abbreviation of UNCCT
    ("欢迎联合国反恐怖主义中心（反恐怖中心）的工作，", [("UNCCT", "反恐怖中心")]),
    # an abbreviation the gazetteer already knows is not a new alias
    ("赞赏反恐怖主义委员会执行局(反恐执行局)的工作，", []),
    # 又称为 after a name
    ("回顾第 1373 (2001) 号决议所设委员会，又称为反恐委，", [("CTC", "反恐委")]),
    # 下称“…” inside parentheses
    ("赞扬联合国反恐怖主义办公室(下称“反恐厅”)的工作，", [("UNOCT", "反恐厅")]),
    # 以下简称 inside parentheses
    ("赞扬反恐怖主义委员会执行局(以下简称“执行局”)的工作，", [("CTED", "执行局")]),
    # a quoted abbreviation: the committee's own 委员会
    ("回顾第 1267 (1999) 号和第 2253 (2015) 号决议所设委员会(“委员会”)，", [("C1267", "委员会")]),
    # a quoted short title after a quoted title is not a body: no warning
    ("回顾“关于绑架索赎问题的阿尔及尔备忘录”(“备忘录”)，", []),
    # an abbreviation of an unknown body: an Alias without a key
    ("注意到国际刑事警察组织(刑警组织)的工作，", [(None, "刑警组织")]),
    # 下称 after an unknown body: reported the same way
    ("注意到欧洲安全与合作组织(下称“欧安组织”)的工作，", [(None, "欧安组织")]),
    # (见附件): its characters are not in the text before, so no abbreviation
    ("分发一份概念说明(见附件)，", []),
    # (签名) after a signatory's name
    ("常驻代表某某某(签名)，", []),
    # S/RES/2734 (2024): a second name inside the parentheses; ISIL is another organisation
    ("再次断然谴责伊拉克和黎凡特伊斯兰国(伊黎伊斯兰国,又称达伊沙)，", []),
    # Xinhua 2018: the abbreviations of known other organisations are no unknown bodies
    ("阿拉伯国家联盟(阿盟)期待与非洲联盟(非盟)加强合作，", []),
    # the same form after a body of ours: both names become its aliases
    ("赞赏全球反恐论坛(反恐论坛,又称论坛)的工作，", [("GCTF", "反恐论坛"), ("GCTF", "论坛")]),
    # (包括外地的): an insertion, not an abbreviation
    ("协调联合国系统(包括外地的)反恐工作，", []),
    # Latin letters are not an abbreviation definition
    ("关切冠状病毒病(COVID-19)疫情，", []),
    # a document's title is not a body: no warning
    ("回顾《联合国全球反恐战略》(下称“战略”)，", []),
]


@pytest.mark.parametrize(("paragraph", "expected"), ALIAS_ROWS, ids=ids(ALIAS_ROWS))
def test_abbreviation_definitions(paragraph, expected):
    found = aliases(resolution(paragraph))
    assert [(a.key, a.alias) for a in found] == expected
    assert all((a.warning is None) == (a.key is not None) for a in found)


def test_unknown_abbreviation_is_a_warning_with_its_position_not_a_body():
    text = resolution("注意到国际刑事警察组织(刑警组织)的工作，", "1. 鼓励刑警组织与反恐执行局合作；")
    r = process("synthetic.txt", text.encode())
    [warning] = r.warnings
    position = int(re.search(r"at character (\d+)", warning).group(1))
    assert text[position : position + 4] == "刑警组织"
    # no body for it: the later 刑警组织 is not a mention
    assert [m.key for m in r.facts["bodies"] if isinstance(m, Mention) and m.paragraph] == ["CTED"]


def test_alias_defined_in_the_text_counts_later_in_it():
    # 反恐论坛, defined once for GCTF, is GCTF in a later paragraph too
    text = resolution("赞赏全球反恐论坛(反恐论坛)的工作，", "1. 鼓励反恐论坛继续合作；")
    assert mentions(text)[-1] == ("GCTF", "反恐论坛")


def test_committee_defined_as_the_committee_overrides_the_anaphora():
    # in a sanctions text, 委员会 defined as the 1267 committee is C1267 (not CTC) even where
    # CTC/CTED are named; 各委员会 still is no committee
    text = resolution("回顾第 1267 (1999) 号、第 1989 (2011) 号和第 2253 (2015) 号决议所设委员会(“委员会”)，",
                      "1. 鼓励反恐执行局与委员会及各委员会合作；", "2. 请反恐委员会与委员会交流信息；")
    assert [k for k, _ in mentions(text)] == ["C1267", "C1267", "CTED", "C1267", "CTC", "C1267"]


def test_alias_becomes_an_alt_label_of_its_body(tmp_path):
    # in the graph, the new alias is a skos:altLabel of the known body
    text = resolution("赞赏全球反恐论坛(反恐论坛)的工作，", "1. 决定继续积极处理此案。")
    (tmp_path / "res.txt").write_text(text, encoding="utf-8")
    g = build([tmp_path], base=BASE, check=False).graph
    assert (URIRef(BASE + "org/GCTF"), SKOS.altLabel, Literal("反恐论坛", lang="zh")) in g


# *** The seeds: every body each one mentions (read by hand from the texts) ***

SEED_KEYS = [
    # S/PRST/2021/1: CTC "及其执行局(反恐执行局)", UNOCT "(反恐办)", the committee list of p/16
    ("000", {"SC", "CTC", "CTED", "UNOCT", "C1267", "C1540"}),
    # S/PRST/2012/17: FATF, CTITF, AOC, GA (第三次审查), SG (反恐协调员), 1267/1989 and 1904
    # (Ombudsperson) committees, the 2012 committee list, CTED, UNCCT, GCTF
    ("001", {"SC", "GA", "SG", "CTC", "CTED", "CTITF", "UNCCT", "FATF", "GCTF", "AOC",
             "OMBUDSPERSON", "C1267", "C1540"}),
    # the 2020 letter to the Secretary-General: 1373 committee = CTC, its 执行局, the office
    # of 主管反恐怖主义办公室副秘书长 (UNOCT, but not SG: 副秘书长 / 助理秘书长)
    ("002", {"SC", "SG", "CTC", "CTED", "UNOCT"}),
    # S/RES/2129 (2013): UNICRI and UNODC with their abbreviations, DPA, DPKO, C1988 (op 24)
    ("003", {"SC", "GA", "CTC", "CTED", "CTITF", "UNCCT", "UNODC", "UNICRI", "FATF", "GCTF",
             "DPA", "DPKO", "C1267", "C1540", "C1988"}),
    # S/RES/1963 (2010): AOC, 1267监察组, 1540委员会, UNODC, SG (op 16), no Ombudsperson
    # (1904 is cited as a resolution only)
    ("004", {"SC", "GA", "SG", "CTC", "CTED", "CTITF", "AOC", "UNODC", "MT1267", "C1267", "C1540"}),
]


@pytest.mark.parametrize(("prefix", "expected"), SEED_KEYS, ids=[p for p, _ in SEED_KEYS])
def test_seed_bodies(seed_results, prefix, expected):
    r = seed_results[seed(prefix)]
    assert {m.key for m in r.facts["bodies"] if isinstance(m, Mention)} == expected


def test_seed_letter_deputy_and_assistant_are_not_the_secretary_general(seed_results):
    # 002's 副秘书长 / 助理秘书长 are not SG: its only SG mentions are the letter's addressee
    r = seed_results[seed("002")]
    sg = [m for m in r.facts["bodies"] if isinstance(m, Mention) and m.key == "SG"]
    assert sg and all(r.doc.text[m.span.start - 1] == "给" for m in sg)


# jieba's own dictionary words that begin with a name of ours, reviewed: those that still name
# our body are cut apart (split_words in other_bodies.toml); these hide the name and stay whole
NOT_OURS = {"大会党", "大会堂", "大会战", "大会操", "大会舞", "大会计", "委员会制", "维和部队"}


def test_every_dictionary_word_beginning_with_our_name_is_reviewed():
    # a new jieba dictionary (or a new alias) adding such a word fails here until it is reviewed
    import jieba

    names = {n for b in GAZ.bodies for n in (*b.names, *b.context_aliases)}
    path = Path(jieba.__file__).parent / "dict.txt"
    words = {line.split()[0] for line in path.read_text(encoding="utf-8").splitlines()}
    found = {w for w in words for n in names if w != n and w.startswith(n)}
    assert found == NOT_OURS | set(split_words())


def test_split_words_leave_the_name_alone():
    # 回顾大会决议: jieba's 大会决议 would hide the General Assembly
    assert mentions(resolution("回顾大会决议和联大会议的讨论，")) == [("GA", "大会"), ("GA", "联大")]


@pytest.mark.parametrize(("paragraph", "expected"), OTHER_ROWS + WORD_ROWS, ids=ids(OTHER_ROWS + WORD_ROWS))
def test_traditional_script_and_ascii_punctuation_change_nothing(paragraph, expected):
    # the same bodies from the OpenCC s2t version with ASCII punctuation (web copies): normalize
    # folds both before the word boundaries are found
    import opencc

    variant = opencc.OpenCC("s2t").convert(paragraph).replace("，", ",").replace("：", ":")
    assert [k for k, _ in mentions(resolution(variant))] == [k for k, _ in expected]


CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.txt"))


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_offsets_no_word_spans_are_jieba_boundaries(path):
    # an offset inside a run that no dictionary word spans is answered without
    # segmenting the run (segment._unspanned): it must be one of jieba's boundaries
    from ct2rdf.extract.bodies import _names
    from ct2rdf.text import segment

    text = process(path.name, path.read_bytes()).doc.text
    words = _names()[3]
    whole = {0} | {end for _, _, end in segment.tokenizer(words, split_words()).tokenize(text, HMM=False)}
    d = segment.dictionary(words, split_words())
    unspanned = [i for m in segment._SEGMENTED.finditer(text) for i in range(m.start() + 1, m.end())
                 if segment._unspanned(text, m.start(), m.end(), i, d)]
    assert unspanned  # the shortcut is used
    assert [i for i in unspanned if i not in whole] == []


def test_cut_equals_jiebas_on_random_runs():
    # segment._cut redoes jieba's HMM=False cut: the same word ends on runs of dictionary
    # words and of characters with Latin letters and digits (which jieba glues together)
    import random

    from ct2rdf.extract.bodies import _names
    from ct2rdf.text import segment

    words, rnd = _names()[3], random.Random(7)
    tk, d = segment.tokenizer(words, split_words()), segment.dictionary(words, split_words())
    vocabulary = [w for w in list(tk.FREQ)[::250] if tk.FREQ[w]]
    chars = "安全理事会大会秘书长委员会反恐执行局国家联合的和在决定请鼓励广大会员年月日号第abcXY019"
    runs = ["".join(rnd.choice(vocabulary) for _ in range(rnd.randint(1, 10))) for _ in range(500)]
    runs += ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 40))) for _ in range(500)]
    runs = [r for r in runs if segment._SEGMENTED.fullmatch(r)]
    assert [r for r in runs if segment._cut(r, 0, d) != {e for _, _, e in tk.tokenize(r, HMM=False)}] == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_lazy_boundaries_equal_segmenting_the_whole_text(seed_results, prefix):
    # only the runs around candidate names are segmented: the answer must be the same as
    # segmenting the whole text at once, at every offset
    from ct2rdf.extract.bodies import _names
    from ct2rdf.text import segment

    text = seed_results[seed(prefix)].doc.text
    words = _names()[3]
    tk = segment.tokenizer(words, split_words())
    whole = {0} | {end for _, _, end in tk.tokenize(text, HMM=False)}
    lazy = segment.boundaries(text, words, split_words())
    assert [i for i in range(len(text) + 1) if (i in lazy) != (i in whole)] == []
    # asked from the end: each run is cut from an offset no word spans, not from its start
    lazy = segment.boundaries(text, words, split_words())
    assert [i for i in range(len(text), -1, -1) if (i in lazy) != (i in whole)] == []
