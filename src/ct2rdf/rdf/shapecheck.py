"""A user's ``--shapes`` folder, read strictly: each mistake an ``Error:`` naming its file.

Without this, a file that is not Turtle ended in a parser traceback, a Turtle
file without a single shape "conformed" (nothing was checked), and a shape
whose ``sh:path`` is not a SHACL path crashed the engine.  The packaged
shapes are tested and never go through here.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from ..errors import UsageError

_PATH_FORMS = (SH.inversePath, SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath)
_SHAPE_MARKS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.path)


class ShapesError(UsageError):
    """A ``--shapes`` file that is not Turtle, holds no shape, or a shape that is malformed."""


def load_shapes(files: list[Path]) -> Graph:
    """Parse every file of a user's shapes folder into one graph, or say precisely what is wrong."""
    from .validate import _syntax_error

    graph = Graph()
    for f in files:
        data = f.read_bytes()
        one = Graph()
        try:
            one.parse(data=data, format="turtle")
        except Exception as e:  # rdflib raises many types for bad syntax
            raise ShapesError(f"{f} is not valid Turtle: {_syntax_error(data, e)}. "
                              "Fix the shapes file there") from None
        _check_paths(one, f)
        graph += one
    if not _has_shapes(graph):
        where = files[0].parent
        raise ShapesError(f"{where}: no SHACL shapes in {len(files)} file{'s' * (len(files) > 1)} (no "
                          "sh:NodeShape, sh:PropertyShape, target or sh:path). Give --shapes a folder of "
                          "SHACL shapes")
    return graph


def _has_shapes(g: Graph) -> bool:
    kinds = (SH.NodeShape, SH.PropertyShape)
    return any(True for k in kinds for _ in g.subjects(RDF.type, k)) or any(
        True for p in _SHAPE_MARKS for _ in g.subject_objects(p))


def _check_paths(g: Graph, f: Path) -> None:
    for shape, path in g.subject_objects(SH.path):
        why = _bad_path(g, path, set())
        if why:
            owner = next(g.subjects(SH.property, shape), shape) if isinstance(shape, BNode) else shape
            name = owner.n3(g.namespace_manager) if isinstance(owner, URIRef) else "a shape"
            raise ShapesError(f"{f}: {name} has a malformed sh:path: {why}. Write a SHACL property path "
                              "(an IRI, a list of paths, or one of sh:inversePath, sh:alternativePath, "
                              "sh:zeroOrMorePath, sh:oneOrMorePath, sh:zeroOrOnePath)")


def _bad_path(g: Graph, node, seen: set) -> str | None:
    """Why ``node`` is not a SHACL property path, or None when it is one."""
    if isinstance(node, URIRef):
        return None if node != RDF.nil else "an empty list"
    if not isinstance(node, BNode):
        return f"{node.n3()} is a literal"
    if node in seen:
        return "a path that contains itself"
    seen = seen | {node}
    if g.value(node, RDF.first) is not None:
        items = list(Collection(g, node))
        if len(items) < 2:
            return "a sequence needs two paths or more"
        return next((w for i in items if (w := _bad_path(g, i, seen))), None)
    forms = [(p, o) for p in _PATH_FORMS for o in g.objects(node, p)]
    if len(forms) != 1:
        return f"a blank node needs exactly one path form, this one has {len(forms)}"
    p, o = forms[0]
    if p == SH.alternativePath:
        if isinstance(o, URIRef) or g.value(o, RDF.first) is None:
            return "sh:alternativePath needs a list of paths"
        items = list(Collection(g, o))
        return next((w for i in items if (w := _bad_path(g, i, seen))), None)
    return _bad_path(g, o, seen)
