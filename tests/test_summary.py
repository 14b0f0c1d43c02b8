"""The summary check grows linearly with the corpus: one row per kind of node it holds.

A build checks the shapes once over a summary graph (ct2rdf.build.summary_triples)
that grows with the corpus: documents, the paragraphs that confer mandates,
mandates and their renewals, meetings.  Each row is a unit of such nodes, in
N-Triples with ``{i}`` for its number, repeated n and 8n times; the shape check
over it must take about 8x as long, never 64x.  The operative-numbers row was
quadratic (S07's query read every operative paragraph for each document:
5.1 s at 5,000 generated documents against 0.17 s now, bench/bench_summary.py).
Ratios of CPU time only, never a wall-clock limit.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import best_seconds
from ct2rdf.rdf.shacl import checker

ID = "https://w3id.org/ct2rdf/id/"
CT = "https://w3id.org/ct2rdf/ontology#"
ELI = "http://data.europa.eu/eli/ontology#"
A = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
DATE = "^^<http://www.w3.org/2001/XMLSchema#date>"
INT = "^^<http://www.w3.org/2001/XMLSchema#integer>"
ADOPTED, DATED = f"<{CT}adoptedAt>", "<http://purl.org/dc/terms/date>"

# A document {i}: S/RES/{i}(2030), dated within 2030 (a year after the year table)
DOC = f"<{ID}S/RES/{{i}}(2030)>"
# Mandate {i}, held by a body, conferred by the first operative paragraph of document {i}
PARA = f"<{ID}S/RES/{{i}}(2030)/p/1>"
MANDATE = (f"<{ID}m/{{i}}> {A} <{CT}Mandate> .\n"
           f"<{ID}m/{{i}}> <{CT}holder> <{ID}org/CTED> .\n"
           f'<{ID}m/{{i}}> <{CT}endDate> "{{end}}"{DATE} .\n'
           f"<{ID}m/{{i}}> <{CT}conferredBy> {PARA} .\n"
           f"{PARA} {A} <{CT}Paragraph> .\n{PARA} {A} <{CT}OperativeParagraph> .\n"
           f'{PARA} <{ELI}is_part_of> {DOC} .\n{PARA} <{CT}number> "1"{INT} .\n'
           f"{DOC} {A} <{CT}Document> .\n{DOC} {A} <{CT}Resolution> .\n"
           f'{DOC} <{ELI}date_document> "2030-01-01"{DATE} .\n')
# the reference data the units name: one body, as the summary has them
SKOS = "http://www.w3.org/2004/02/skos/core#"
HEAD = (f"<{ID}org/CTED> {A} <{CT}Body> .\n"
        f'<{ID}org/CTED> <{SKOS}prefLabel> "反恐执行局"@zh .\n'
        f'<{ID}org/CTED> <{SKOS}prefLabel> "CTED"@en .\n'
        f'<{ID}org/CTED> <{SKOS}notation> "CTED" .\n')

# (id, unit, the shape it was written for)
ROWS = [
    # a document and three operative paragraphs (S07-Operative-unique: numbers unique)
    ("operative-numbers",
     f"{DOC} {A} <{CT}Resolution> .\n"
     + "".join(f"<{ID}S/RES/{{i}}(2030)/p/{k}> {A} <{CT}OperativeParagraph> .\n"
               f"<{ID}S/RES/{{i}}(2030)/p/{k}> <{ELI}is_part_of> {DOC} .\n"
               f'<{ID}S/RES/{{i}}(2030)/p/{k}> <{CT}number> "{k}"{INT} .\n' for k in (1, 2, 3)),
     "S07-Operative-unique"),
    # a mandate of one holder renewing the one before (S09-Mandate-renews; the first
    # renews one outside the graph: one result, whatever the number of units)
    ("renewals", MANDATE + f"<{ID}m/{{i}}> <{CT}renews> <{ID}m/{{prev}}> .\n", "S09-Mandate-renews"),
    # a meeting and the document it adopted, on the same day (S18-Meeting-adoptionDate)
    ("meetings",
     f'<{ID}meeting/SC/{{i}}> {DATED} "{{end}}"{DATE} .\n'
     f"{DOC} {ADOPTED} <{ID}meeting/SC/{{i}}> .\n"
     f'{DOC} <{ELI}date_document> "{{end}}"{DATE} .\n',
     "S18-Meeting-adoptionDate"),
    # a mandate, the paragraph that confers it and its document's date (S16's path)
    ("mandate-ends", MANDATE, "S16-Mandate-endWithin30Years"),
]


def graph(unit: str, n: int) -> str:
    """``n`` units, numbered from 1; ``{end}`` is ``{i}`` days after 2031-01-01."""
    first = dt.date(2031, 1, 1)
    return HEAD + "".join(unit.format(i=i, prev=i - 1, end=(first + dt.timedelta(days=i)).isoformat())
                   for i in range(1, n + 1))


@pytest.mark.parametrize(("unit", "shape"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_summary_check_takes_linear_time(unit, shape):
    c = checker()
    assert shape in c.messages  # the row is about a shape that exists
    small, large = graph(unit, 100), graph(unit, 800)
    c.findings(small)  # warm: the engine's first call compiles what it needs
    t_small = best_seconds(lambda: c.findings(small))
    t_large = best_seconds(lambda: c.findings(large))
    assert t_large / t_small < 32, f"100 units {t_small:.4f} s, 800 units {t_large:.4f} s"


def test_operative_numbers_row_plants_what_s07_finds():
    # the row exercises S07 itself: a repeated number in one document is found
    unit = ROWS[0][1].replace('"3"', '"2"')
    found = {f.shape for f in checker().findings(graph(unit, 3))}
    assert "S07-Operative-unique" in found

