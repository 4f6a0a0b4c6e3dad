"""Turn a source given as bytes into text, or refuse it with a clear `ParseError`."""

from __future__ import annotations

import codecs

from newsparse.errors import ParseError

__all__ = ["decode_source"]

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}
#: Share of control bytes above which bytes are taken for a binary file.
_BINARY_SHARE = 0.01


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NUL bytes, many control bytes)."""
    sample = data[:65536]
    if not sample:
        return False
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls / len(sample) > _BINARY_SHARE


def decode_source(data: bytes, *, encoding: str | None = None) -> str:
    """Decode bytes: the given encoding, else a BOM, else UTF-8, else Windows-1252.

    Windows-1252 is the last resort because legacy news text is overwhelmingly Western European;
    readers with better knowledge (an HTML ``charset``) decode for themselves.

    Raises:
        ParseError: the bytes look binary, or `encoding` is unknown or does not fit them.
    """
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError as exc:
            raise ParseError(f"unknown encoding {encoding!r}") from exc
        except UnicodeDecodeError as exc:
            raise ParseError(f"input is not valid {encoding}: {exc.reason} at byte {exc.start}") from exc
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if looks_binary(data):
        raise ParseError("input looks binary (NUL or control bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; replace them rather than fail on a stray byte.
    return data.decode("cp1252", errors="replace")
