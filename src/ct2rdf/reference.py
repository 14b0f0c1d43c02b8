"""Reference data shipped with the package: gazetteer, verbs, themes, resolution years.

Per-document work is a pure function of (file bytes, reference data); this
module loads the reference data once and hands it around as one frozen value.
"""

from __future__ import annotations

import bisect
import csv
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from .symbols import Symbol, parse


def data_text(name: str) -> str:
    """The text of ``ct2rdf/data/<name>``."""
    return resources.files("ct2rdf").joinpath("data", name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class ResolutionYears:
    """Ranges of Security Council resolution numbers adopted in each year.

    Resolution numbers rise monotonically, so a number falls in at most one
    range.  A number in a gap between ranges (where the table is unsure of a
    year boundary) gets no year.
    """

    rows: tuple[tuple[int, int, int], ...]  # (first, last, year), sorted by first

    def plausible(self, number: int, year: int) -> bool:
        """Whether resolution ``number`` can have been adopted in ``year``.

        Used for a bare ``N(YYYY)`` with no 决议 after it: ``COVID-19(2020)``
        is not resolution 19.  Numbers rise with the years, so ``number`` must
        come after every number of an earlier year and before every number of
        a later one, give or take five (the table's ranges stop short of
        uncertain boundaries, so a number in a gap fits either neighbour).
        """
        before = max((last for _, last, y in self.rows if y < year), default=0)
        after = min((first for first, _, y in self.rows if y > year), default=10**6)
        return before - 5 < number < after + 5

    def year_of(self, number: int) -> int | None:
        """The year resolution ``number`` was adopted, or None if unsure."""
        i = bisect.bisect_right([r[0] for r in self.rows], number) - 1
        if i >= 0 and self.rows[i][0] <= number <= self.rows[i][1]:
            return self.rows[i][2]
        return None


@lru_cache(maxsize=1)
def resolution_years() -> ResolutionYears:
    """Load ``data/sc_resolution_years.csv``."""
    rows = [
        (int(r["first"]), int(r["last"]), int(r["year"]))
        for r in csv.DictReader(
            line for line in data_text("sc_resolution_years.csv").splitlines()
            if not line.startswith("#")
        )
    ]
    return ResolutionYears(tuple(sorted(rows)))


@dataclass(frozen=True)
class BodyEntry:
    """One body of the gazetteer (see ``data/bodies.toml`` for the fields)."""

    key: str
    zh: str
    en: str
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    resolutions: tuple[int, ...] = ()
    common_noun: bool = False
    parent: str | None = None
    established_by: Symbol | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The preferred name and every alias."""
        return (self.zh, *self.aliases)


@dataclass(frozen=True)
class Gazetteer:
    """The bodies, with lookups derived from the one tuple."""

    bodies: tuple[BodyEntry, ...]

    def get(self, key: str) -> BodyEntry:
        return next(b for b in self.bodies if b.key == key)

    def lookup(self, name: str) -> str | None:
        """The key of the body called ``name`` (preferred name or alias), if any."""
        return next((b.key for b in self.bodies if name in b.names), None)

    def by_resolution(self, number: int) -> str | None:
        """The key of the committee set up by resolution ``number``, if any."""
        return next((b.key for b in self.bodies if number in b.resolutions), None)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load ``data/bodies.toml``."""
    raw = tomllib.loads(data_text("bodies.toml"))
    bodies = []
    for row in raw["body"]:
        est = row.pop("established_by", None)
        fields = {k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}
        bodies.append(BodyEntry(**fields, established_by=parse(est) if est else None))
    keys = {b.key for b in bodies}
    for b in bodies:
        if b.parent and b.parent not in keys:
            raise ValueError(f"bodies.toml: {b.key} has unknown parent {b.parent}")
    return Gazetteer(tuple(bodies))


@dataclass(frozen=True)
class Verb:
    """An action verb concept and the phrases that express it."""

    slug: str
    zh: str
    en: str
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verbs:
    """The action verbs, with a longest-first phrase table derived from them."""

    verbs: tuple[Verb, ...]

    @cached_property
    def by_phrase(self) -> dict[str, Verb]:
        """Every phrase (a verb's zh label or one of its phrases) → its verb."""
        table: dict[str, Verb] = {}
        for v in self.verbs:
            for phrase in v.phrases:
                table.setdefault(phrase, v)
        for v in self.verbs:  # a verb's own label wins over another verb's phrase
            table[v.zh] = v
        return table

    @cached_property
    def phrases_longest_first(self) -> tuple[str, ...]:
        return tuple(sorted(self.by_phrase, key=lambda p: (-len(p), p)))

    @cached_property
    def by_first_char(self) -> dict[str, tuple[str, ...]]:
        """The phrases by their first character, each list longest first: a lookup
        at one position reads the few phrases that can start there, not all."""
        table: dict[str, list[str]] = {}
        for p in self.phrases_longest_first:
            table.setdefault(p[0], []).append(p)
        return {c: tuple(ps) for c, ps in table.items()}

    def phrase_at(self, text: str, i: int) -> str | None:
        """The longest phrase that ``text`` holds at ``i`` (ties: alphabetical), if any."""
        for p in self.by_first_char.get(text[i : i + 1], ()):
            if text.startswith(p, i):
                return p
        return None


@lru_cache(maxsize=1)
def verbs() -> Verbs:
    """Load ``data/verbs.toml``."""
    raw = tomllib.loads(data_text("verbs.toml"))
    return Verbs(tuple(Verb(r["slug"], r["zh"], r["en"], tuple(r.get("phrases", ()))) for r in raw["verb"]))


@dataclass(frozen=True)
class Theme:
    """A theme concept (see ``data/themes.toml`` for the fields)."""

    key: str
    zh: str
    en: str
    def_en: str
    def_zh: str
    broader: str | None = None
    triggers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Themes:
    """The theme scheme, with a trigger table derived from it."""

    themes: tuple[Theme, ...]

    @cached_property
    def by_trigger(self) -> dict[str, str]:
        """Every trigger term → the key of its theme."""
        return {t: th.key for th in self.themes for t in th.triggers}

    @cached_property
    def by_first_char(self) -> dict[str, tuple[str, ...]]:
        """The triggers by their first character, each list longest first."""
        table: dict[str, list[str]] = {}
        for t in sorted(self.by_trigger, key=lambda t: (-len(t), t)):
            table.setdefault(t[0], []).append(t)
        return {c: tuple(ts) for c, ts in table.items()}

    def narrower(self, key: str) -> tuple[str, ...]:
        """The keys of the themes whose broader theme is ``key``."""
        return tuple(th.key for th in self.themes if th.broader == key)


@lru_cache(maxsize=1)
def themes() -> Themes:
    """Load ``data/themes.toml``; a trigger of two themes or an unknown broader key is an error."""
    raw = tomllib.loads(data_text("themes.toml"))
    out = tuple(Theme(**{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()})
                for row in raw["theme"])
    keys = {th.key for th in out}
    seen: dict[str, str] = {}
    for th in out:
        if th.broader and th.broader not in keys:
            raise ValueError(f"themes.toml: {th.key} has unknown broader theme {th.broader}")
        for t in th.triggers:
            if seen.setdefault(t, th.key) != th.key:
                raise ValueError(f"themes.toml: trigger {t} belongs to {seen[t]} and {th.key}")
    return Themes(out)
