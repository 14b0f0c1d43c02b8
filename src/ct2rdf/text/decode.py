"""Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.

Anything else is an :class:`~ct2rdf.errors.InputError` naming the byte
offset where decoding failed, so the user can look at the file.
"""

from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = (  # (BOM, codec, the codec for the bytes after the BOM)
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)

# Non-ASCII characters decoded as UTF-8 before an invalid byte that prove the file is UTF-8.
_UTF8_EVIDENCE = 4


def decode(data: bytes, path: str = "<input>") -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``.

    UTF-8 is tried first, then GB18030 (the Chinese national standard, a
    superset of GBK and GB2312).  A UTF-16 file must carry a BOM: without one
    it cannot be told from binary data.
    """
    for bom, encoding, body in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as e:
                raise _error(path, encoding.replace("-sig", " (with a BOM)"), e, data) from None
            # NUL characters after a BOM too: e.g. UTF-32, whose BOM starts like UTF-16's
            _check_nul(path, text, body, len(bom))
            return text, encoding.replace("-sig", "")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as utf8_error:
        # GB18030 accepts almost any byte pair, so a UTF-8 file with one bad
        # byte would decode as mojibake.  A GB18030 text is almost never valid
        # UTF-8 beyond a character or two: a longer valid prefix means UTF-8.
        prefix = data[: utf8_error.start].decode("utf-8")
        if sum(1 for c in prefix if not c.isascii()) >= _UTF8_EVIDENCE:
            raise _error(path, "utf-8", utf8_error, data) from None
        try:
            text = data.decode("gb18030")
            encoding = "gb18030"
        except UnicodeDecodeError:
            raise _error(path, "utf-8 or GB18030", utf8_error, data) from None
    _check_nul(path, text, encoding)
    return text, encoding


def _check_nul(path: str, text: str, encoding: str, skip: int = 0) -> None:
    if "\x00" in text:
        at = skip + len(text[: text.index("\x00")].encode(encoding))
        raise InputError(
            path,
            f"NUL byte at byte offset {at}: this looks like binary data, UTF-32 or UTF-16 without a BOM",
            "Save the file as UTF-8",
        )


def _error(path: str, tried: str, e: UnicodeDecodeError, data: bytes) -> InputError:
    # The utf-8-sig codec decodes the bytes after the BOM, so e.start counts
    # from there: add what it skipped to give the offset in the file.
    at = e.start + len(data) - len(e.object)
    return InputError(
        path,
        f"cannot decode as {tried}: invalid byte {data[at:at + 1]!r} at byte offset {at}",
        "Save the file as UTF-8 (or UTF-16 with a BOM)",
    )
