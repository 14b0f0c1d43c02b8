"""Score ct2rdf against the hand-written expectations of ``tests/real/``.

Each ``<stem>.txt`` is a real text saved verbatim from a public web page and
``<stem>.yaml`` the facts a careful reader finds in it (format:
``tests/real/FORMAT.md``).  Run from the repository root::

    python tests/real/score.py            # the P/R table
    python tests/real/score.py -v         # and every miss and extra, by file

Each file is processed on its own (``pipeline.process``), as a user would
feed a folder of unrelated pages; nothing build-wide is scored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FIELDS = ("type", "symbol", "date", "meeting")
SETS = ("citations", "bodies", "mandates", "directives", "reporting")


@dataclass
class Tally:
    """True positives, false positives and false negatives of one fact kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, stem: str, expected: set, found: set) -> None:
        self.tp += len(expected & found)
        self.fp += len(found - expected)
        self.fn += len(expected - found)
        self.misses += [f"{stem}: missing {x}" for x in sorted(map(str, expected - found))]
        self.misses += [f"{stem}: extra   {x}" for x in sorted(map(str, found - expected))]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def cases(folder: Path = HERE) -> list[tuple[str, Path, dict]]:
    """Every ``(stem, text path, expectations)`` in ``folder``, sorted by stem."""
    out = []
    for y in sorted(folder.glob("*.yaml")):
        txt = y.with_suffix(".txt")
        if txt.exists():
            out.append((y.stem, txt, yaml.safe_load(y.read_text(encoding="utf-8")) or {}))
    return out


def _iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def expected_facts(exp: dict) -> tuple[dict, dict]:
    """The expectations as comparable values: header fields and fact sets."""
    fields = {
        "type": exp.get("type") or "other",
        "symbol": exp.get("symbol"),
        "date": _iso(exp.get("date")),
        "meeting": exp.get("meeting"),
    }
    sets = {
        "citations": {str(s) for s in exp.get("citations") or ()},
        "bodies": {str(b) for b in exp.get("bodies") or ()},
        "mandates": {(m["holder"], _iso(m.get("end"))) for m in exp.get("mandates") or ()},
        "directives": {(d["addressee"], _iso(d.get("due"))) for d in exp.get("directives") or ()},
        "reporting": {
            (r["addressee"], r["to"], r.get("frequency")) for r in exp.get("reporting") or ()
        },
    }
    return fields, sets


def found_facts(name: str, data: bytes) -> tuple[dict, dict]:
    """What ct2rdf finds in one file, in the shape of :func:`expected_facts`."""
    from ct2rdf.pipeline import process

    result = process(name, data)
    if result.doc is None:
        return dict.fromkeys(FIELDS), {k: set() for k in SETS}
    doc, facts = result.doc, result.facts
    header = doc.structure.header
    fields = {
        "type": header.doc_type,
        "symbol": str(doc.symbol) if doc.symbol else None,
        "date": _iso(header.date),
        "meeting": header.meeting_number,
    }
    sets = {
        "citations": {str(c.symbol) for c in facts.get("citations", ())},
        "bodies": {m.key for m in facts.get("bodies", ()) if type(m).__name__ == "Mention"},
        "mandates": {(m.holder, _iso(m.end)) for m in facts.get("mandates", ())},
        "directives": {(d.addressee, _iso(d.due)) for d in facts.get("directives", ())},
        "reporting": {(r.addressee, r.reports_to, r.frequency) for r in facts.get("reporting", ())},
    }
    return fields, sets


def score(items: Iterable[tuple[str, Path, dict]]) -> dict[str, Tally]:
    """Tally every field and fact kind over ``items`` (see :func:`cases`)."""
    tallies = {k: Tally() for k in ("fields", *FIELDS, *SETS)}
    for stem, path, exp in items:
        exp_fields, exp_sets = expected_facts(exp)
        got_fields, got_sets = found_facts(path.name, path.read_bytes())
        for f in FIELDS:
            ok = exp_fields[f] == got_fields[f]
            for t in (tallies["fields"], tallies[f]):
                t.tp += ok
                t.fn += not ok
                t.fp += (not ok) and got_fields[f] is not None
                if not ok:
                    t.misses.append(f"{stem}: {f} expected {exp_fields[f]!r}, found {got_fields[f]!r}")
        for k in SETS:
            tallies[k].add(stem, exp_sets[k], got_sets[k])
    return tallies


def table(tallies: dict[str, Tally]) -> str:
    """The P/R/F1 table as Markdown; header fields as accuracy (recall)."""
    rows = ["| facts | expected | found right | precision | recall | F1 |", "|---|---|---|---|---|---|"]
    for k, t in tallies.items():
        rows.append(
            f"| {k} | {t.tp + t.fn} | {t.tp} | {t.precision:.2f} | {t.recall:.2f} | {t.f1:.2f} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    parser.add_argument("stems", nargs="*", help="score only these files (stems)")
    args = parser.parse_args(argv)
    items = [c for c in cases() if not args.stems or c[0] in args.stems]
    tallies = score(items)
    print(f"{len(items)} texts in {HERE}")
    print(table(tallies))
    if args.verbose:
        for k, t in tallies.items():
            if k != "fields" and t.misses:
                print(f"\n## {k}")
                print("\n".join(t.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
