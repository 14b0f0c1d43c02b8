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

    The English lines are those before the first Chinese line, the Chinese
    the run of Chinese lines; comment lines after them are notes.  A line is
    Chinese when its CJK characters outnumber its Latin letters, so an English
    note quoting a Chinese word ("regular" (定期)) stays a note.
    """
    en, zh = [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        words = line.lstrip("#").strip()
        if _chinese(words):
            zh.append(words)
        elif not zh:
            en.append(words)
        else:
            break
    return " ".join(filter(None, en)), "".join(zh)


def _chinese(line: str) -> bool:
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in line)
    latin = sum(c.isascii() and c.isalpha() for c in line)
    return cjk > latin
