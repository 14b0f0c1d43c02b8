"""The extractors: each a pure function ``extract(doc) -> list[fact]``.

:data:`EXTRACTORS` is the one registry; :data:`BY_NAME` is derived from it.
A fact with a non-empty ``warning`` attribute is also reported to the user.
"""

from __future__ import annotations

from . import bodies, citations, directives, mandates, meetings, reporting, themes, verbs

EXTRACTORS = (
    ("citations", citations.extract),
    ("meetings", meetings.extract),
    ("bodies", bodies.extract),
    ("verbs", verbs.extract),
    ("mandates", mandates.extract),
    ("directives", directives.extract),
    ("reporting", reporting.extract),
    ("themes", themes.extract),
)

BY_NAME = dict(EXTRACTORS)
