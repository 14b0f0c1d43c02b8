"""The extractors: each a pure function ``extract(doc) -> list[fact]``.

:data:`EXTRACTORS` is the one registry; :data:`BY_NAME` is derived from it.
"""

from __future__ import annotations

from . import citations, meetings

EXTRACTORS = (
    ("citations", citations.extract),
    ("meetings", meetings.extract),
)

BY_NAME = dict(EXTRACTORS)
