"""The ``ct2rdf`` command's entry point: signal handlers first, then everything else.

The handlers are set before click, rdflib, jieba or Oxigraph are imported, so
Ctrl-C or SIGTERM while they load (a second or more on a cold machine) ends
with one line and exit 130/143, never a traceback (see :mod:`ct2rdf.interrupts`).
"""

from __future__ import annotations

import sys

from . import hooks, interrupts


def main() -> None:
    """Run the command line; an interrupt becomes ``Error: interrupted (SIGTERM)…``, exit 143."""
    interrupts.install()
    try:
        hooks.at("start")
        from .cli import cli

        cli(prog_name="ct2rdf")
    except interrupts.Interrupted as e:
        from .atomic import remove_live

        remove_live()
        note = interrupts.note()
        print(f"Error: interrupted ({e.name}){'; ' + note if note else ''}.", file=sys.stderr, flush=True)
        sys.exit(e.exit_code)
