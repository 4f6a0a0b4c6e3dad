"""Parse many articles: in order, with per-item errors, in bounded memory, on several processes.

`parse_many` takes any iterable of sources — text, bytes, `Record`s (from JSONL or WARC
files), dicts shaped like JSONL records, or `pathlib.Path`s of article files — and yields one
result per item, in input order:

* an `Article` (or its dict, or its JSON line, by ``output=``), or
* a `RecordError` (a `ParseError` with the item's ``id`` and ``where``) for an item that gave
  no article. One bad item never stops the batch.

With ``workers=N > 1`` items are parsed by N worker processes, each with its own plugin
manager and pipeline, built once. At most ``window`` items are in flight at a time: the input
is read only as fast as results are consumed, so a stream of any length runs in constant
memory. `parse_partition` is the same work for one partition of a Dask bag or a Spark RDD.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path
from typing import Any, Literal

import attrs

from newsparse.errors import ConfigError, NewsparseError, ParseError
from newsparse.model import Article
from newsparse.pipeline import DEFAULT_MAX_CHARS, Pipeline, coerce_published
from newsparse.plugins import PluginManager
from newsparse.readers.decode import decode_html, looks_like_html
from newsparse.readers.records import Record, record_from_object

__all__ = ["Output", "RecordError", "parse_many", "parse_partition"]

Output = Literal["article", "dict", "json"]
_OUTPUTS = ("article", "dict", "json")
#: Items sent to a worker at once: enough to amortise the inter-process hop, few enough that
#: a stop (Ctrl-C) waits for little work.
DEFAULT_CHUNK_SIZE = 8
#: Items in flight per worker (sent, being parsed, or parsed and waiting for their turn).
DEFAULT_WINDOW_PER_WORKER = 64


class RecordError(ParseError):
    """An item of a batch that gave no article: unreadable record, bad input, or a crash.

    Attributes:
        id: the item's identifier, when it had one.
        where: where it was read ("big.jsonl line 12"), when known.
    """

    def __init__(self, message: str, *, id: str | None = None, where: str | None = None) -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.reason = message
        self.id = id
        self.where = where

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only attributes survive the trip back from a worker process.
        return (_rebuild_error, (self.reason, self.id, self.where))

    def to_dict(self) -> dict[str, Any]:
        """The error as an output record: ``{"id", "error", "where"}``."""
        return {"id": self.id, "error": self.reason, "where": self.where}


def _rebuild_error(reason: str, id: str | None, where: str | None) -> RecordError:
    return RecordError(reason, id=id, where=where)


@attrs.frozen(kw_only=True)
class _Options:
    """What every worker needs to build the same pipeline (picklable, hashable by its key)."""

    format: str = "auto"
    extractors: tuple[str, ...] | None = None
    disable: tuple[str, ...] = ()
    config: Mapping[str, Mapping[str, Any]] | None = None
    strict: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    output: Output = "article"

    def key(self) -> str:
        return json.dumps(attrs.asdict(self), sort_keys=True, default=repr)

    def pipeline(self, manager: PluginManager | None = None) -> Pipeline:
        return Pipeline(
            manager=manager,
            extractors=self.extractors,
            disable=self.disable,
            config=self.config,
            strict=self.strict,
            max_chars=self.max_chars,
        )


# One pipeline (and so one plugin manager) per process and set of options.
_PIPELINES: dict[str, Pipeline] = {}


def _pipeline_for(options: _Options) -> Pipeline:
    key = options.key()
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        pipeline = _PIPELINES[key] = options.pipeline()
    return pipeline


def _as_record(item: Any) -> Record:
    if isinstance(item, Record):
        return item
    if isinstance(item, (str, bytes, bytearray, memoryview)):
        return Record(source=bytes(item) if not isinstance(item, str) else item)
    if isinstance(item, Path):
        return Record(path=str(item), id=str(item), where=str(item))
    if isinstance(item, Mapping):
        return record_from_object(item)
    return Record(error=f"cannot parse an item of type {type(item).__name__}")


def _read_source(record: Record, max_chars: int) -> str | bytes:
    if record.source is not None:
        source = record.source
    elif record.path is not None:
        size = os.path.getsize(record.path)
        # A UTF-8 character is at most 4 bytes: bigger files cannot fit the character limit.
        if size > 4 * max_chars:
            raise ParseError(f"file is {size:,} bytes, too large for the limit of {max_chars:,} characters")
        source = Path(record.path).read_bytes()
    else:
        raise ParseError("the record has no source")
    if isinstance(source, bytes) and (record.charset or looks_like_html(source)):
        # HTML knows its charset better than generic decoding does (<meta>, HTTP header).
        return decode_html(source, declared=record.charset)
    return source


def _record_published(value: str | None) -> tuple[dt.date | dt.datetime | None, str | None]:
    """A record's ``published``, or (None, the raw string) when it is no full date."""
    try:
        return coerce_published(value), None
    except ConfigError:
        return None, value


def _parse_one(pipeline: Pipeline, item: Any, options: _Options) -> Any:
    record = _as_record(item)
    result: Article | RecordError
    try:
        if record.error is not None:
            raise RecordError(record.error, id=record.id, where=record.where)
        fmt = record.format if record.format != "auto" else options.format
        published, unreadable_date = _record_published(record.published)
        article = pipeline.parse(
            _read_source(record, pipeline.max_chars),
            format=fmt,
            url=record.url,
            published=published,
            id=record.id,
        )
        if unreadable_date is not None and article.published_raw is None:
            # Keep what the record said ("2016-10") rather than lose the article over it.
            article = attrs.evolve(article, published_raw=unreadable_date)
        result = article
    except RecordError as exc:
        result = exc
    except (NewsparseError, ValueError, OSError, RecursionError, MemoryError) as exc:
        message = str(exc) if isinstance(exc, NewsparseError) else f"{type(exc).__name__}: {exc}"
        result = RecordError(message, id=record.id, where=record.where)
    except Exception as exc:  # a reader's bug must cost one item, not the batch
        result = RecordError(f"{type(exc).__name__}: {exc}", id=record.id, where=record.where)
    return _convert(result, options.output)


def _convert(result: Article | RecordError, output: Output) -> Any:
    if output == "article":
        return result
    data = result.to_dict()
    return data if output == "dict" else json.dumps(data, ensure_ascii=False)


def parse_partition(items: Iterable[Any], **options: Any) -> Iterator[Any]:
    """Parse one partition (Dask bag, Spark RDD): the same keyword options as `parse_many`
    except ``workers``, ``manager`` and ``window``; ``output`` defaults to ``"dict"``.

    The pipeline is built once per process and options, so every partition a worker runs
    reuses it.
    """
    options.setdefault("output", "dict")
    settings = _options(**options)
    pipeline = _pipeline_for(settings)
    for item in items:
        yield _parse_one(pipeline, item, settings)


def _options(
    *,
    format: str = "auto",
    extractors: Iterable[str] | None = None,
    disable: Iterable[str] | None = None,
    config: Mapping[str, Mapping[str, Any]] | None = None,
    strict: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    output: Output = "article",
) -> _Options:
    if output not in _OUTPUTS:
        raise ConfigError(f"output must be one of {_OUTPUTS}, not {output!r}")
    return _Options(
        format=format,
        extractors=None if extractors is None else tuple(extractors),
        disable=tuple(disable or ()),
        config={name: dict(values) for name, values in config.items()} if config else None,
        strict=strict,
        max_chars=max_chars,
        output=output,
    )


def parse_many(
    sources: Iterable[Any],
    *,
    workers: int | None = 1,
    format: str = "auto",
    extractors: Iterable[str] | None = None,
    disable: Iterable[str] | None = None,
    config: Mapping[str, Mapping[str, Any]] | None = None,
    strict: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    output: Output = "article",
    manager: PluginManager | None = None,
    window: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    mp_context: Any = None,
) -> Iterator[Any]:
    """Parse many articles, yielding one result per input item, in input order.

    Args:
        sources: text, bytes, `Record`s, JSONL-shaped dicts (``{"id", "text"|"html", ...}``)
            or `pathlib.Path`s of article files, in any mix; read lazily.
        workers: processes to parse in; 1 (the default) parses in this process, None uses
            every CPU.
        format: the reader for items that do not name one (``auto`` sniffs).
        extractors, disable, config, strict, max_chars: as for `newsparse.parse`; an
            extractor failure is recorded on its article, ``strict=True`` makes it the
            item's error instead.
        output: ``"article"`` (an `Article`), ``"dict"`` (`Article.to_dict`) or ``"json"``
            (one JSON line, built in the worker). Errors come as `RecordError`, its
            ``to_dict()`` or its JSON line.
        manager: a plugin manager to use (only with ``workers=1``: each worker process
            loads the installed plugins itself).
        window: most items in flight at once (default 64 per worker); bounds memory.
        chunk_size: items sent to a worker at a time.
        mp_context: a `multiprocessing` context (default: ``spawn``, safe with threads).

    Yields:
        `Article` | `RecordError` (or their dicts or JSON lines), in input order.

    Raises:
        ConfigError: bad options (unknown extractor, format, option), before any item is read.
    """
    settings = _options(
        format=format,
        extractors=extractors,
        disable=disable,
        config=config,
        strict=strict,
        max_chars=max_chars,
        output=output,
    )
    count = (os.cpu_count() or 1) if workers is None else workers
    if count < 1:
        raise ConfigError(f"workers must be at least 1, not {workers}")
    if manager is not None and count > 1:
        raise ConfigError("a custom manager works with workers=1 only (each worker loads installed plugins)")
    if chunk_size < 1:
        raise ConfigError(f"chunk_size must be at least 1, not {chunk_size}")
    # Validate the options here, so a typo fails at once and not once per item.
    pipeline = settings.pipeline(manager)
    if count == 1:
        return _sequential(pipeline, sources, settings)
    limit = window or DEFAULT_WINDOW_PER_WORKER * count
    return _pooled(sources, settings, count, max(limit, chunk_size * count), chunk_size, mp_context)


def _sequential(pipeline: Pipeline, sources: Iterable[Any], options: _Options) -> Iterator[Any]:
    for item in sources:
        yield _parse_one(pipeline, item, options)


# -- worker processes ----------------------------------------------------------------------------

_WORKER_OPTIONS: _Options | None = None


def _init_worker(options: _Options) -> None:
    global _WORKER_OPTIONS
    # Ctrl-C is the parent's to handle: it stops feeding work and keeps what was written.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_OPTIONS = options
    _pipeline_for(options)


def _work(chunk: list[Any]) -> list[Any]:
    assert _WORKER_OPTIONS is not None
    pipeline = _pipeline_for(_WORKER_OPTIONS)
    return [_parse_one(pipeline, item, _WORKER_OPTIONS) for item in chunk]


def _crashed(chunk: list[Any], options: _Options) -> list[Any]:
    results = []
    for item in chunk:
        record = _as_record(item)
        error = RecordError(
            "the worker process died while parsing this item (out of memory, or a crash in C code)",
            id=record.id,
            where=record.where,
        )
        results.append(_convert(error, options.output))
    return results


def _pooled(
    sources: Iterable[Any],
    options: _Options,
    workers: int,
    window: int,
    chunk_size: int,
    mp_context: Any,
) -> Iterator[Any]:
    context = mp_context or multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(options,)
        )

    pool = new_pool()
    pending: deque[tuple[list[Any], Future[list[Any]]]] = deque()
    max_pending = max(workers, window // chunk_size)
    items = iter(sources)
    finished = False
    try:
        while True:
            while len(pending) < max_pending:
                chunk = list(islice(items, chunk_size))
                if not chunk:
                    break
                pending.append((chunk, pool.submit(_work, chunk)))
            if not pending:
                break
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, a crash in C code) and took every
                # chunk in flight with it. Rerun this chunk one item at a time on a new pool,
                # so only an item that kills a worker again is reported; then resend the rest.
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                results = []
                for item in chunk:
                    try:
                        results.extend(pool.submit(_work, [item]).result())
                    except BrokenProcessPool:
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = new_pool()
                        results.extend(_crashed([item], options))
                pending = deque((other, pool.submit(_work, other)) for other, _ in pending)
            yield from results
        finished = True
    finally:
        # On an early stop (Ctrl-C, the consumer broke off) drop queued work at once.
        pool.shutdown(wait=finished, cancel_futures=not finished)
