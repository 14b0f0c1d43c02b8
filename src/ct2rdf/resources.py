"""Where the ontology and the shapes live, installed or in a checkout.

A wheel carries ``ontology/`` and ``shapes/`` inside the package; a source
checkout (editable install, tests) has them at the top of the repository.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_dir(name: str) -> Path:
    """The folder ``ontology`` or ``shapes``."""
    packaged = Path(str(resources.files("ct2rdf"))) / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"ct2rdf's {name}/ folder is missing; reinstall ct2rdf")


def turtle_files(name: str) -> list[Path]:
    """The ``*.ttl`` files of ``ontology`` or ``shapes``, sorted."""
    return sorted(resource_dir(name).glob("*.ttl"))
