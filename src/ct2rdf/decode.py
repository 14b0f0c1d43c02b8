"""Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.

Anything else is an :class:`~ct2rdf.errors.InputError` naming the byte
offset where decoding failed, so the user can look at the file.
"""

from __future__ import annotations

import codecs

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, path: str = "<input>") -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``.

    UTF-8 is tried first, then GB18030 (the Chinese national standard, a
    superset of GBK and GB2312).  A UTF-16 file must carry a BOM: without one
    it cannot be told from binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as e:
                raise _error(path, encoding, e) from None
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
            encoding = "gb18030"
        except UnicodeDecodeError:
            raise _error(path, "utf-8", utf8_error) from None
    if "\x00" in text:
        at = len(text[: text.index("\x00")].encode(encoding))
        raise InputError(
            path,
            f"NUL byte at byte offset {at}: this looks like binary data or UTF-16 without a BOM",
            "Save the file as UTF-8",
        )
    return text, encoding


def _error(path: str, encoding: str, e: UnicodeDecodeError) -> InputError:
    return InputError(
        path,
        f"cannot decode as {encoding} or GB18030: invalid byte {e.object[e.start:e.start + 1]!r}"
        f" at byte offset {e.start}",
        "Save the file as UTF-8 (or UTF-16 with a BOM)",
    )
