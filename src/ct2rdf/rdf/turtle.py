"""Turtle text straight from ordered triples: what Oxigraph's Turtle serializer writes, byte for byte.

A document's Turtle chunk used to be made by Oxigraph from the document's
N-Triples text (parse, then serialize with :data:`PREFIXES`): about 2 µs a
triple, most of it crossing from Python to Rust and back.  The triples are
already encoded terms in output order (:func:`ct2rdf.rdf.nt.ordered`), so
writing Turtle is grouping and abbreviating, done here at a fraction of the
cost.  ``tests/test_turtle.py`` holds this writer to Oxigraph's output on the
seeds, generated corpora, the real texts and generated literals and IRIs; the
rules below are Oxigraph's (oxttl's ``LowLevelTriGSerializer``):

* consecutive triples of one subject are joined by `` ;\\n\\t``, of one
  subject and predicate by `` , ``; each subject's block ends with `` .\\n``;
* ``rdf:type`` as a predicate is ``a``;
* an IRI under a prefix's namespace (the longest namespace first) is
  ``prefix:local`` when the local name can be written as one, with ``\\``
  before the punctuation Turtle allows escaped (``ex:a\\(b\\)``), else ``<iri>``;
* a literal is written as in N-Triples, with its language tag in lower case;
  ``xsd:string`` is dropped, ``xsd:integer``, ``decimal``, ``double`` and
  ``boolean`` values in Turtle's own syntax are written bare (``ct:number 7``),
  other datatypes are compacted like IRIs (``"2013-12-17"^^xsd:date``);
* blank nodes (``_:b``, objects only: see :mod:`ct2rdf.rdf.nt`) are written as they come.

No prefix lines: the output file has them once, at the top.
"""

from __future__ import annotations

from functools import lru_cache

from .namespace import PREFIXES
from .nt import RDF_TYPE

_XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING = f"^^<{_XSD}string>"
_BARE = {f"^^<{_XSD}{name}>": name for name in ("integer", "decimal", "double", "boolean")}
_CACHE_MAX = 100_000  # terms remembered per prefix map: predicates, classes, bodies, datatypes


def turtle(triples, prefixes: dict[str, str] = PREFIXES) -> str:
    """Turtle text of ``triples`` (``(subject IRI, predicate IRI, encoded object)``, in
    output order, no duplicates), abbreviated with ``prefixes``; no ``@prefix`` lines."""
    c = compactor(tuple(prefixes.items()))
    names, starts = c.names, c.starts
    obj, predicate, iri = c.object, c.predicate, c.iri
    out: list[str] = []
    put = out.append
    last_s = last_p = None
    for s, p, o in triples:
        # the common cases inline, the rest in Compactor.object (a third of a
        # document's objects are plain literals, a half IRIs of its own nodes)
        end = o[-1]
        if end == '"':  # a plain literal: as in N-Triples
            term = o
        elif end == ">" and o[0] == "<" and not o.startswith(starts, 1):  # no prefix fits
            term = o
        elif end != ">" and o.endswith(c.tags):  # a lower-case language tag
            term = o
        else:
            term = names.get(o) or obj(o)
        if s == last_s:
            if p == last_p:
                put(" , " + term)
                continue
            put(f" ;\n\t{names.get(p) or predicate(p)} {term}")
        else:
            if last_s is not None:
                put(" .\n")
            head = iri(s) if s.startswith(starts) else f"<{s}>"
            put(f"{head} {names.get(p) or predicate(p)} {term}")
            last_s = s
        last_p = p
    if last_s is not None:
        put(" .\n")
    return "".join(out)


@lru_cache(maxsize=8)
def compactor(prefixes: tuple[tuple[str, str], ...]) -> Compactor:
    """The process's :class:`Compactor` for one prefix map (given as its items)."""
    return Compactor(dict(prefixes))


class Compactor:
    """Terms as Oxigraph's Turtle serializer writes them under one prefix map.

    ``names`` remembers the Turtle form of predicates (bare IRIs), of object
    IRIs under a namespace (``<iri>``: classes, verbs) and of typed literals
    (dates, numbers): few distinct ones, met on every document.  Plain
    literals, subjects and the documents' own nodes are mostly distinct and
    are not remembered.
    """

    def __init__(self, prefixes: dict[str, str]):
        # Oxigraph tries the longest namespace first, so a namespace inside
        # another (ex: and exl: = ex:p/) gives the longer one's name
        self.prefixes = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self.starts = tuple(ns for _, ns in self.prefixes)
        self.tags: tuple[str, ...] = ()  # '"@zh' …: language tags met, all lower case
        self.names: dict[str, str] = {}

    def iri(self, value: str) -> str:
        """A bare IRI as ``prefix:local`` where one fits, else ``<value>``."""
        if value.startswith(self.starts):
            for name, ns in self.prefixes:
                if value.startswith(ns):
                    local = local_name(value[len(ns):])
                    if local is not None:
                        return f"{name}:{local}"
        return f"<{value}>"

    def predicate(self, p: str) -> str:
        out = "a" if p == RDF_TYPE else self.iri(p)
        self._remember(p, out)
        return out

    def object(self, o: str) -> str:
        """An encoded object term (see :mod:`ct2rdf.rdf.nt`) in Turtle."""
        if o[0] == "<":
            out = self.iri(o[1:-1])
            self._remember(o, out)
            return out
        if o[0] != '"' or o[-1] == '"':  # a blank node, a plain literal
            return o
        cut = o.rfind('"') + 1
        suffix = o[cut:]
        if suffix[0] == "@":
            if suffix.islower() and len(self.tags) < 64:
                self.tags += (f'"{suffix}',)
            return o if suffix.islower() else o[:cut] + suffix.lower()  # Oxigraph lowers tags
        if suffix == _STRING:
            return o[:cut]
        bare = _BARE.get(suffix)
        if bare is not None and _is_bare(bare, o[1:cut - 1]):
            out = o[1:cut - 1]
        else:
            out = f"{o[:cut]}^^{self.iri(suffix[3:-1])}"
        if len(o) < 64:  # a date, a number: likely to come again
            self._remember(o, out)
        return out

    def _remember(self, key: str, value: str) -> None:
        if len(self.names) < _CACHE_MAX:
            self.names[key] = value


# *** Turtle's grammar, as Oxigraph applies it ***


def _is_bare(datatype: str, value: str) -> bool:
    """Whether ``value`` of ``datatype`` is written without quotes: Turtle's INTEGER,
    DECIMAL, DOUBLE or BOOLEAN token (so it reads back as that datatype)."""
    if datatype == "boolean":
        return value in ("true", "false")
    body = value[1:] if value[:1] in ("+", "-") else value
    if datatype == "integer":
        return body.isdigit() and body.isascii()
    if not body.isascii():
        return False
    if datatype == "decimal":
        whole, dot, frac = body.partition(".")
        return bool(dot) and (whole == "" or whole.isdigit()) and frac.isdigit()
    # DOUBLE: (digits '.' digits? | '.' digits | digits) [eE] [+-]? digits
    mantissa, e, exponent = body.replace("E", "e").partition("e")
    if not e or not mantissa:
        return False
    exponent = exponent[1:] if exponent[:1] in ("+", "-") else exponent
    whole, _, frac = mantissa.partition(".")
    return (whole == "" or whole.isdigit()) and (frac == "" or frac.isdigit()) and bool(whole + frac) \
        and exponent.isdigit()


def local_name(value: str) -> str | None:
    """``value`` as the local part of a prefixed name, punctuation escaped; None where it cannot be one.

    Oxigraph's rule (a subset of Turtle's PN_LOCAL, percent signs escaped
    rather than kept as PLX): the first character a PN_CHARS_U, ``:`` or a
    digit; the others PN_CHARS, ``:``, or a ``.`` not at the end; any of them
    may instead be escapable punctuation, written after a ``\\``.  An empty
    local name is allowed (``ex:``).
    """
    if value.isascii() and value.isalnum():  # the usual case: ct:Mandate, xsd:date
        return value
    out = []
    last = len(value) - 1
    for i, c in enumerate(value):
        plain = _pn_chars_u(c) or c == ":" or "0" <= c <= "9"
        if i:  # after the first: PN_CHARS, and a dot unless it ends the name
            plain = plain or _pn_chars_extra(c) or (c == "." and i < last)
        if plain:
            out.append(c)
        elif c in _ESCAPABLE:
            out.append("\\" + c)
        else:
            return None
    return "".join(out)


_ESCAPABLE = frozenset("_~.-!$&'()*+,;=/?#@%")
_PN_CHARS_BASE = (
    (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2FF), (0x370, 0x37D), (0x37F, 0x1FFF), (0x200C, 0x200D),
    (0x2070, 0x218F), (0x2C00, 0x2FEF), (0x3001, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFFD),
    (0x10000, 0xEFFFF),
)


def _pn_chars_u(c: str) -> bool:
    """Turtle's PN_CHARS_U: PN_CHARS_BASE or ``_``."""
    if c.isascii():
        return c.isalpha() or c == "_"
    n = ord(c)
    return any(a <= n <= b for a, b in _PN_CHARS_BASE)


def _pn_chars_extra(c: str) -> bool:
    """What PN_CHARS adds to PN_CHARS_U: ``-``, digits, U+00B7, U+0300–036F, U+203F–2040."""
    n = ord(c)
    return c == "-" or "0" <= c <= "9" or n == 0xB7 or 0x300 <= n <= 0x36F or 0x203F <= n <= 0x2040

