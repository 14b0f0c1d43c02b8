"""Load graph files into an Oxigraph store.

A minimal loader: the ``query`` branch owns this module and may extend it;
``load(paths) -> pyoxigraph.Store`` is the interface ``serve`` relies on.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from ..errors import Ct2rdfError


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF syntax of ``path`` from its extension: ``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``…"""
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if fmt is None:
        raise Ct2rdfError(f"{path}: cannot tell the RDF format from the extension {path.suffix!r}. "
                          "Name the file .ttl, .nt, .nq, .trig, .jsonld or .rdf")
    return fmt


def load(paths: Iterable[Path | str]) -> ox.Store:
    """Load every file of ``paths`` into a new in-memory store.

    Quads of N-Quads and TriG files keep their named graphs; triple formats go
    to the default graph.
    """
    store = ox.Store()
    for path in map(Path, paths):
        fmt = rdf_format(path)
        try:
            store.bulk_load(path=str(path), format=fmt)
        except SyntaxError as e:
            raise Ct2rdfError(f"{path}: not valid {fmt.name} ({e}). "
                              "Check that the file is complete") from None
        except OSError as e:
            raise Ct2rdfError(f"cannot read {path} ({e}). Check the path and its permissions") from None
    return store
