"""Turn a source given as bytes into text, or refuse it with a clear `ParseError`."""

from __future__ import annotations

import codecs
import zlib

import regex

from newsparse.errors import ParseError

__all__ = ["decode_html", "decode_source", "gunzip", "looks_like_html"]

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}
_CONTROL_BYTES = bytes(sorted(_CONTROL))
#: Share of control bytes above which bytes are taken for a binary file.
_BINARY_SHARE = 0.01


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NUL bytes, many control bytes)."""
    sample = data[:65536]
    if not sample:
        return False
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    # bytes.translate deletes in C: a Python loop over 64 KB cost 20 ms per article.
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _BINARY_SHARE


_GZIP_MAGIC = b"\x1f\x8b"
#: Largest decompressed size `decode_source` accepts by default (a gzip bomb stops here).
DEFAULT_MAX_BYTES = 256 * 1024 * 1024


def gunzip(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Decompress gzip bytes (every member, as ``cat a.gz b.gz`` makes), stopping with a
    `ParseError` as soon as the output would pass `max_bytes` -- the whole output is never
    held first, so a small file that inflates to gigabytes costs nothing."""
    out = bytearray()
    rest = data
    while rest.startswith(_GZIP_MAGIC):
        inflater = zlib.decompressobj(wbits=31)  # 31: gzip header and trailer
        try:
            out += inflater.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise ParseError(f"input looks gzip-compressed but does not decompress: {exc}") from exc
        if len(out) > max_bytes:
            raise ParseError(f"gzip input decompresses to over {max_bytes:,} bytes")
        if not inflater.eof:
            raise ParseError("gzip input is truncated")
        rest = inflater.unused_data
    return bytes(out)


def decode_source(data: bytes, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode bytes: the given encoding, else a BOM, else UTF-8, else Windows-1252.

    Gzip-compressed bytes (a saved ``page.html.gz``, a crawler's stored body) are decompressed
    first, to at most `max_bytes`. Windows-1252 is the last resort because legacy news text is
    overwhelmingly Western European; readers with better knowledge (an HTML ``charset``) decode
    for themselves.

    Raises:
        ParseError: the bytes look binary, are broken gzip or inflate past `max_bytes`, or
            `encoding` is unknown or does not fit them.
    """
    if data.startswith(_GZIP_MAGIC):
        data = gunzip(data, max_bytes=max_bytes)
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
    if looks_like_html(data):
        return decode_html(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; replace them rather than fail on a stray byte.
    return data.decode("cp1252", errors="replace")


# -- HTML ----------------------------------------------------------------------------------------

#: How far into a page the charset declaration is looked for (the HTML standard says 1024 bytes;
#: real pages put long <script> blocks first, so look further).
_PRESCAN_BYTES = 16384
_HTML_START = regex.compile(
    rb"^\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.{0,200}?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)\b",
    regex.I | regex.S,
)
_META_CHARSET = regex.compile(
    rb"<meta\s[^>]{0,300}?charset\s*=\s*[\"']?\s*(?P<charset>[A-Za-z0-9._:\-]{2,40})", regex.I
)
# Labels the HTML standard maps to another decoder: Latin-1 and ASCII pages are really
# Windows-1252, GB2312 pages GBK, and so on (WHATWG Encoding, "labels").
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gbk",
    "x-gbk": "gbk",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "big5": "big5hkscs",
}


def looks_like_html(data: bytes | str) -> bool:
    """True when the start of `data` is an HTML document (doctype, <html>, <head>, <meta> or <body>)."""
    head = data[:2048]
    if isinstance(head, str):
        head = head.encode("utf-8", errors="ignore")
    return _HTML_START.match(head.lstrip(codecs.BOM_UTF8)) is not None


def _codec(label: str | None) -> str | None:
    """Python's codec for an encoding label, following the HTML standard's aliases; None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page cannot really be UTF-16 once we are reading its <meta> as ASCII bytes.
    return None if name.startswith("utf-16") else name


def _detect(data: bytes) -> str | None:
    """The encoding charset-normalizer guesses (installed with the html extra), or None."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    # Text is what tells encodings apart; a sample from the start and the end is enough.
    sample = data if len(data) <= 200_000 else data[:100_000] + data[-100_000:]
    best = from_bytes(sample).best()
    return _codec(best.encoding) if best is not None else None


def decode_html(data: bytes, *, declared: str | None = None) -> str:
    """Decode an HTML page: BOM, then valid UTF-8, then the declared charset, then detection.

    `declared` is the charset of an HTTP ``Content-Type`` header (a WARC record has one); the
    page's own ``<meta charset>`` comes after it. Bytes that are valid UTF-8 are taken as UTF-8
    whatever the page declares, because mislabelled UTF-8 pages are common and legacy text is
    practically never valid UTF-8. Undeclared legacy pages (cp1251, Shift-JIS...) are detected
    with charset-normalizer when it is installed, else read as Windows-1252.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    for label in (declared, match["charset"].decode("ascii") if match else None):
        codec = _codec(label)
        if codec is not None and codec != "utf-8":
            return data.decode(codec, errors="replace")
    codec = _detect(data) or "cp1252"
    return data.decode(codec, errors="replace")
