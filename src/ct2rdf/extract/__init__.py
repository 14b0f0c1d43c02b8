"""The extractors: each a pure function ``extract(doc) -> list[fact]``.

:data:`EXTRACTORS` is the one registry; :data:`BY_NAME` is derived from it.
A fact with a non-empty ``warning`` attribute is also reported to the user.
"""

from __future__ import annotations

from . import bodies, citations, datechecks, directives, mandates, meetings, reporting, themes, verbs

EXTRACTORS = (
    ("citations", citations.extract),
    ("meetings", meetings.extract),
    ("bodies", bodies.extract),
    ("verbs", verbs.extract),
    ("mandates", mandates.extract),
    ("directives", directives.extract),
    ("reporting", reporting.extract),
    ("themes", themes.extract),
    ("datechecks", datechecks.extract),  # warnings only: dates no fact may hold
)

BY_NAME = dict(EXTRACTORS)
