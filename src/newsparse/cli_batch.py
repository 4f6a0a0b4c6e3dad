"""Batch mode of ``newsparse parse``: ``--jsonl IN``, ``--warc IN`` or a directory, to JSONL.

One output line per record, in input order: the article's object, or for a record that gave
no article ``{"id", "error", "where"}``. A progress line on stderr (when stderr is a terminal,
or with ``--progress``). Ctrl-C stops reading, finishes the line being written and exits 130;
every line already written stays, complete.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import IO, Any, cast

from newsparse.errors import ConfigError

__all__ = ["add_batch_arguments", "is_batch", "run_batch"]

EXIT_OK = 0
EXIT_INTERRUPTED = 130
_REFRESH_SECONDS = 0.25
_BAR_WIDTH = 24


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    """The batch options of ``newsparse parse``."""
    group = parser.add_argument_group("batches (one JSON line per record, in input order)")
    group.add_argument(
        "--jsonl", metavar="IN", help='a JSONL file of {"id", "text"|"html", ...} records (- for stdin)'
    )
    group.add_argument("--warc", metavar="IN", help="a WARC or WARC.gz file: its HTML responses")
    group.add_argument("--workers", type=int, default=1, help="worker processes (default 1; 0 = one per CPU)")
    group.add_argument("--output", "-o", metavar="FILE", help="write the JSONL here (default: stdout)")
    progress = group.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress", dest="progress", action="store_true", default=None, help="show progress"
    )
    progress.add_argument("--no-progress", dest="progress", action="store_false", help="never show progress")


def is_batch(args: argparse.Namespace) -> bool:
    """True for ``--jsonl``, ``--warc`` or a directory argument."""
    return bool(args.jsonl or args.warc or (args.file and args.file != "-" and os.path.isdir(args.file)))


class _Input:
    """The records to parse, with a way to tell how far through the input reading is."""

    def __init__(self, records: Iterator[Any], position: Callable[[], int] | None, total: int | None) -> None:
        self.records = records
        self.position = position
        self.total = total


def _open_input(args: argparse.Namespace, stack: ExitStack) -> _Input:
    from newsparse.readers.records import read_jsonl, read_path, read_warc

    sources = [value for value in (args.file, args.jsonl, args.warc) if value]
    if len(sources) != 1:
        raise ConfigError("give one input: FILE, a directory, --jsonl IN or --warc IN")
    if args.file:
        return _Input(read_path(args.file), None, None)
    path = args.jsonl or args.warc
    if path == "-":
        stdin = sys.stdin.buffer
        records = read_jsonl(stdin, name="<stdin>") if args.jsonl else read_warc(stdin, name="<stdin>")
        return _Input(records, None, None)
    # The file's own position drives the progress bar.
    raw = stack.enter_context(open(path, "rb"))  # noqa: SIM115 - closed by the ExitStack
    total = os.fstat(raw.fileno()).st_size
    name = os.path.basename(path)
    if args.warc:
        return _Input(read_warc(raw, name=name), raw.tell, total)
    stream = cast(IO[bytes], gzip.GzipFile(fileobj=raw)) if path.endswith(".gz") else raw
    return _Input(read_jsonl(stream, name=name), raw.tell, total)


class _Progress:
    """A one-line progress report on stderr, redrawn at most four times a second."""

    def __init__(self, enabled: bool, source: _Input) -> None:
        self.enabled = enabled
        self.source = source
        self.started = time.monotonic()
        self.drawn = 0.0
        self.done = 0
        self.errors = 0

    def step(self, failed: bool) -> None:
        self.done += 1
        self.errors += failed
        now = time.monotonic()
        if self.enabled and now - self.drawn >= _REFRESH_SECONDS:
            self.drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        line = f"{self.done:,} records, {self.errors:,} errors, {rate:,.1f}/s, {_clock(elapsed)}"
        if self.source.total and self.source.position is not None:
            try:
                share = min(1.0, self.source.position() / self.source.total)
            except (OSError, ValueError):
                share = 0.0
            filled = int(share * _BAR_WIDTH)
            line = f"[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {share:4.0%} {line}"
        sys.stderr.write(f"\r{line}\x1b[K")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            sys.stderr.write("\n")
            sys.stderr.flush()

    def summary(self) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        return f"{self.done:,} records ({self.errors:,} errors) in {_clock(elapsed)}, {rate:,.1f}/s"


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def run_batch(args: argparse.Namespace, *, extractors: list[str] | None, disable: list[str] | None) -> int:
    """Parse every record of the input into JSON lines; returns the exit status."""
    import newsparse

    for option in ("published", "url", "encoding"):
        if getattr(args, option, None):
            raise ConfigError(f"--{option} is for a single file; records carry their own")
    workers = None if args.workers == 0 else args.workers
    with ExitStack() as stack:
        source = _open_input(args, stack)
        results = newsparse.parse_many(
            source.records,
            workers=workers,
            format=args.format,
            extractors=extractors,
            disable=disable,
            output="json",
        )
        if args.output:
            out: IO[str] = stack.enter_context(open(args.output, "w", encoding="utf-8"))
        else:
            out = sys.stdout
        show = args.progress if args.progress is not None else sys.stderr.isatty()
        progress = _Progress(bool(show), source)
        where = args.output or "stdout"
        try:
            for line in results:
                out.write(line)
                out.write("\n")
                # An error line is {"id": ..., "error": ...}; in an article's JSON `"error": `
                # cannot occur as a key (it has "errors") nor inside a string (quotes are escaped).
                progress.step(failed=line.startswith('{"id": ') and '"error": ' in line[:400])
        except KeyboardInterrupt:
            out.flush()
            progress.close()
            print(f"newsparse: interrupted; {progress.summary()} written to {where}", file=sys.stderr)
            return EXIT_INTERRUPTED
        finally:
            close = getattr(results, "close", None)
            if callable(close):
                close()
        out.flush()
        progress.close()
        if show:
            print(f"newsparse: {progress.summary()} written to {where}", file=sys.stderr)
    return EXIT_OK
