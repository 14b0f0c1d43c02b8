"""The cookbook: the packaged ``queries/*.rq``, each with the question it answers in en and zh."""

from __future__ import annotations

from ..resources import resource_dir


def cookbook() -> list[dict]:
    """``[{name, en, zh, query}]`` for every query file, by name; the questions from its opening comments."""
    entries = []
    for path in sorted(resource_dir("queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        en, zh = question(text)
        entries.append({"name": path.stem, "en": en or path.stem, "zh": zh, "query": text})
    return entries


def question(text: str) -> tuple[str, str]:
    """The English and Chinese questions of a query's opening comment block.

    The English lines are those before the first line with a CJK character,
    the Chinese the run of CJK lines; comment lines after them are notes.
    """
    en, zh = [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        words = line.lstrip("#").strip()
        if any("\u4e00" <= c <= "\u9fff" for c in words):
            zh.append(words)
        elif not zh:
            en.append(words)
        else:
            break
    return " ".join(filter(None, en)), "".join(zh)
