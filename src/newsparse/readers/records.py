"""Crawler output: news-please JSON, JSONL records and WARC files, read as a stream of `Record`s.

A file of records holds many articles, so these are not readers of one source: they turn a
file into `Record`s (one article each: its source, format, id, URL, publication date) that
`newsparse.parse_many` then parses, in order. Reading streams — one JSONL line, one WARC record
at a time — so a file of any size is never held in memory. A record that cannot be read
(a line that is not JSON, the end of a truncated WARC) becomes a `Record` with an ``error``,
which `parse_many` turns into an error result in its place: one bad record never stops a batch.

* **JSONL**: one object per line, ``{"id", "text" | "html", "published"?, "url"?, "format"?}``;
  a line that is a news-please object (it has ``maintext``) is read as one. Blank lines are
  skipped. ``.gz`` files are decompressed on the fly.
* **news-please JSON**: the `NewsPleaseReader` (``format="newsplease"``) reads one object
  (``title``, ``authors``, ``date_publish``, ``description``, ``maintext``, ``url``, ``language``).
* **WARC / WARC.gz** (extra ``newsparse[warc]``, via warcio): every ``response`` (or
  ``resource``) record with a 2xx status and an HTML or text payload; the HTTP charset travels
  with it so the HTML decoder can use it. ``WARC-Date`` is the crawl time, not the publication
  date, so it is not used as one.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any, cast

import attrs
import regex

from newsparse.errors import ParseError
from newsparse.hookspecs import hookimpl
from newsparse.model import Article, ParagraphKind, paragraphs_from_blocks
from newsparse.text.datestrings import parse_date_string
from newsparse.text.language import guess_language
from newsparse.typing import ReaderRegistrar

__all__ = [
    "WARC_INSTALL_HINT",
    "NewsPleaseReader",
    "Record",
    "read_jsonl",
    "read_path",
    "read_warc",
    "record_from_line",
    "record_from_object",
]

WARC_INSTALL_HINT = 'pip install "newsparse[warc]"'

#: Payloads larger than this are refused with an error record (a page is rarely over 5 MB).
MAX_PAYLOAD_BYTES = 50_000_000
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_TEXT_TYPES = regex.compile(r"^\s*(?:text/html|application/xhtml\+xml|text/plain)\b", regex.I)
_CHARSET = regex.compile(r"charset\s*=\s*[\"']?(?P<charset>[\w.:\-]+)", regex.I)
_PARAGRAPH_BREAK = regex.compile(r"\s*\n\s*")


@attrs.frozen(kw_only=True)
class Record:
    """One article of a batch, as read from a file of records (or built by you)."""

    source: str | bytes | None = None
    """The article: text, HTML, a news-please JSON object, or bytes to decode. None with `path`."""

    path: str | None = None
    """A file to read the article from, when `source` is None (read by the worker that parses it)."""

    format: str = "auto"
    """The reader to use (``auto`` sniffs)."""

    id: str | None = None
    """The record's identifier (JSONL ``id``, WARC-Record-ID, the file's path); becomes `Article.id`."""

    url: str | None = None
    """The article's address (JSONL ``url``, WARC-Target-URI)."""

    published: str | None = None
    """The publication date as the record gives it (ISO preferred)."""

    charset: str | None = None
    """The charset the transport declared (an HTTP ``Content-Type``), a hint for decoding bytes."""

    where: str | None = None
    """Where the record was read ("big.jsonl line 12", "crawl.warc.gz offset 5120"), for messages."""

    error: str | None = None
    """Why the record could not be read; `parse_many` yields an error result for it."""


def record_from_object(obj: Any, *, where: str | None = None, raw: str | None = None) -> Record:
    """A record from one decoded JSONL object (generic or news-please); bad shapes give an error record.

    Args:
        obj: the decoded JSON value.
        where: where it was read, for messages.
        raw: the line it was decoded from (kept as the source of a news-please record).
    """
    if not isinstance(obj, Mapping):
        return Record(where=where, error=f"expected a JSON object, got {type(obj).__name__}")
    record_id = obj.get("id")
    record_id = None if record_id is None else str(record_id)
    if "maintext" in obj:
        return Record(
            source=raw if raw is not None else json.dumps(obj, ensure_ascii=False),
            format="newsplease",
            id=record_id if record_id is not None else _str_or_none(obj.get("filename")),
            url=_str_or_none(obj.get("url")),
            where=where,
        )
    fmt = obj.get("format")
    if fmt is not None and not isinstance(fmt, str):
        return Record(id=record_id, where=where, error='"format" must be a string')
    for key, default_format in (("html", "html"), ("text", "auto")):
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return Record(
                id=record_id, where=where, error=f'"{key}" must be a string, not {type(value).__name__}'
            )
        return Record(
            source=value,
            format=fmt or default_format,
            id=record_id,
            url=_str_or_none(obj.get("url")),
            published=_str_or_none(obj.get("published")),
            where=where,
        )
    return Record(id=record_id, where=where, error='no "text" or "html" field (nor news-please "maintext")')


def record_from_line(line: str | bytes, *, where: str | None = None) -> Record:
    """A record from one JSONL line; a line that is not UTF-8 or not JSON gives an error record.

    Handy to turn text lines into records on a cluster:
    ``db.read_text("*.jsonl").map(record_from_line)`` or ``rdd.map(record_from_line)``.
    """
    try:
        text = line.decode("utf-8") if isinstance(line, bytes) else line
        obj = json.loads(text)
    except UnicodeDecodeError as exc:
        return Record(where=where, error=f"not UTF-8: {exc.reason} at byte {exc.start}")
    except json.JSONDecodeError as exc:
        return Record(where=where, error=f"invalid JSON: {exc.msg} at column {exc.colno}")
    return record_from_object(obj, where=where, raw=text)


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _open_binary(file: str | os.PathLike[str] | IO[bytes]) -> tuple[IO[bytes], str, bool]:
    """An open binary stream (gzip-decoded for ``.gz`` paths), its name, and whether we own it."""
    if isinstance(file, (str, os.PathLike)):
        path = os.fspath(file)
        handle: IO[bytes] = (
            cast(IO[bytes], gzip.open(path, "rb")) if path.endswith(".gz") else open(path, "rb")  # noqa: SIM115
        )
        return handle, os.path.basename(path), True
    return file, getattr(file, "name", None) or "<stream>", False


def read_jsonl(file: str | os.PathLike[str] | IO[bytes], *, name: str | None = None) -> Iterator[Record]:
    """Records from a JSONL file (path or binary stream), one line at a time.

    A line that is not valid UTF-8 or JSON gives an error record naming its line number; a
    truncated ``.gz`` file ends with an error record.
    """
    handle, default_name, owned = _open_binary(file)
    label = name or default_name
    line_number = 0
    try:
        while True:
            try:
                line = handle.readline()
            except (EOFError, OSError, gzip.BadGzipFile) as exc:
                yield Record(where=f"{label} line {line_number + 1}", error=f"cannot read further: {exc}")
                return
            if not line:
                return
            line_number += 1
            if not line.strip():
                continue
            yield record_from_line(line, where=f"{label} line {line_number}")
    finally:
        if owned:
            handle.close()


def _warcio() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise ParseError(
            f"reading WARC files needs warcio, which is not installed: {WARC_INSTALL_HINT}"
        ) from exc
    return ArchiveIterator


def read_warc(
    file: str | os.PathLike[str] | IO[bytes],
    *,
    name: str | None = None,
    max_payload: int = MAX_PAYLOAD_BYTES,
) -> Iterator[Record]:
    """Records for the HTML (and plain-text) responses of a WARC or WARC.gz file, streamed.

    Redirects, errors, requests, metadata and non-text payloads are skipped. A truncated or
    corrupt file ends with an error record saying where reading stopped; a payload over
    `max_payload` bytes gives an error record and reading goes on.
    """
    archive_iterator = _warcio()
    if isinstance(file, (str, os.PathLike)):
        # warcio detects gzip itself, member by member.
        handle: IO[bytes] = open(os.fspath(file), "rb")  # noqa: SIM115
        label, owned = name or os.path.basename(os.fspath(file)), True
    else:
        handle, label, owned = file, name or getattr(file, "name", None) or "<stream>", False
    try:
        iterator = archive_iterator(handle)
        records = iter(iterator)
        next_offset = 0  # where the record being read starts, for messages
        valid = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises many types on damaged input
                yield Record(
                    where=f"{label} offset {next_offset}", error=f"truncated or corrupt WARC: {_message(exc)}"
                )
                return
            try:
                item = _warc_record(record, max_payload)
                # Asking warcio for the offset reads the record to its end: only after the payload.
                offset = int(iterator.get_record_offset())
                next_offset = offset + int(iterator.get_record_length())
            except Exception as exc:  # a damaged payload (cut gzip member, bad chunking)
                yield Record(
                    where=f"{label} offset {next_offset}",
                    error=f"truncated or corrupt WARC record: {_message(exc)}",
                )
                return
            if record.format.startswith("warc") or record.http_headers is not None:
                valid += 1
            if item is not None:
                yield attrs.evolve(item, where=f"{label} offset {offset}")
        if valid == 0:
            yield Record(where=label, error="no WARC records found (not a WARC file?)")
            return
        left = _bytes_after(handle, next_offset)
        if left:
            yield Record(
                where=f"{label} offset {next_offset}",
                error=f"truncated or corrupt WARC: the last {left:,} bytes are not a complete record",
            )
    finally:
        if owned:
            handle.close()


def _bytes_after(handle: IO[bytes], offset: int) -> int:
    """Bytes of a seekable file past `offset` (a record cut short leaves some); 0 if unknown.

    The blank line that ends an uncompressed file's last record is not counted.
    """
    try:
        if not handle.seekable():
            return 0
        left = max(0, handle.seek(0, os.SEEK_END) - offset)
        if 0 < left <= 64:
            handle.seek(offset)
            if not handle.read(left).strip():
                return 0
        return left
    except (OSError, ValueError):
        return 0


def _message(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _warc_record(record: Any, max_payload: int) -> Record | None:
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.rec_headers
    content_type = ""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = headers.get_header("Content-Type") or ""
    if content_type and not _TEXT_TYPES.match(content_type):
        return None
    record_id = headers.get_header("WARC-Record-ID")
    url = headers.get_header("WARC-Target-URI")
    stream = record.content_stream()
    payload = stream.read(max_payload + 1)
    if len(payload) > max_payload:
        # Drain the rest so the iterator can go on to the next record.
        while stream.read(1 << 20):
            pass
        return Record(id=record_id, url=url, error=f"payload over {max_payload:,} bytes")
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing > 0:
        return Record(
            id=record_id,
            url=url,
            error=f"truncated WARC record: {missing:,} bytes of its announced length are missing",
        )
    charset = _CHARSET.search(content_type)
    is_plain = content_type.lower().lstrip().startswith("text/plain")
    return Record(
        source=payload,
        format="auto" if is_plain else "html",
        id=record_id,
        url=url,
        charset=charset["charset"] if charset else None,
    )


def read_path(path: str | os.PathLike[str]) -> Iterator[Record]:
    """Records from a path: a JSONL or WARC file by its suffix, any other file as one article,
    a directory as all the files under it (sorted, hidden files skipped)."""
    root = Path(path)
    if root.is_dir():
        for file in _files_under(root):
            yield from _records_of_file(file, str(file.relative_to(root)))
        return
    yield from _records_of_file(root, root.name)


def _files_under(root: Path) -> Iterator[Path]:
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for file in sorted(files):
            if not file.startswith("."):
                yield Path(directory) / file


def _records_of_file(file: Path, name: str) -> Iterator[Record]:
    lowered = file.name.lower()
    if lowered.endswith(_JSONL_SUFFIXES):
        yield from read_jsonl(file, name=name)
    elif lowered.endswith(_WARC_SUFFIXES):
        yield from read_warc(file, name=name)
    else:
        yield Record(path=str(file), id=name, where=name)


# -- news-please ---------------------------------------------------------------------------------


@attrs.frozen
class NewsPleaseReader:
    """Reads one news-please JSON object: its metadata as is, ``maintext`` as the body.

    news-please's ``description`` is the article's lead; it becomes `Article.lede` (and part of
    the text) unless the body already starts with it.
    """

    name: str = "newsplease"

    def sniff(self, source: str) -> float:
        """Sure for a JSON object with news-please's ``maintext`` key."""
        head = source[:4096].lstrip()
        return 0.9 if head.startswith("{") and '"maintext"' in source else 0.0

    def read(
        self,
        source: str,
        *,
        url: str | None = None,
        published: dt.date | dt.datetime | None = None,
    ) -> Article:
        try:
            obj = json.loads(source)
        except json.JSONDecodeError as exc:
            raise ParseError(f"not a news-please JSON object: {exc.msg} at column {exc.colno}") from exc
        if not isinstance(obj, dict) or not isinstance(obj.get("maintext"), (str, type(None))):
            raise ParseError('not a news-please JSON object (no "maintext" string)')
        title = _clean(obj.get("title")) or _clean(obj.get("title_page")) or _clean(obj.get("title_rss"))
        body = [p for p in _PARAGRAPH_BREAK.split(obj.get("maintext") or "") if p]
        lede = _clean(obj.get("description"))
        if lede and body and _same(body[0], lede):
            lede = None
        blocks: list[tuple[str, ParagraphKind]] = []
        if title:
            blocks.append((title, "title"))
        if lede:
            blocks.append((lede, "lede"))
        blocks.extend((paragraph, "paragraph") for paragraph in body)
        if not blocks:
            raise ParseError("the news-please object has no title, description or maintext")
        text, paragraphs = paragraphs_from_blocks(blocks)
        raw_date = _clean(obj.get("date_publish"))
        authors = obj.get("authors") or []
        if isinstance(authors, str):
            authors = [authors]
        language = obj.get("language")
        return Article(
            text=text,
            title=title,
            authors=[name for name in (_clean(a) for a in authors) if name],
            published=published or (parse_date_string(raw_date) if raw_date else None),
            published_raw=raw_date,
            url=url or _clean(obj.get("url")),
            lede=lede,
            paragraphs=paragraphs,
            language=language if isinstance(language, str) and language else guess_language(text),
            reader=self.name,
        )


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@hookimpl
def newsparse_register_readers(register: ReaderRegistrar) -> None:
    register(NewsPleaseReader())
