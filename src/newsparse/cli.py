"""The ``newsparse`` command: ``newsparse parse FILE|-|DIR``, ``newsparse parse --jsonl IN`` /
``--warc IN`` (batches, see `newsparse.cli_batch`) and ``newsparse plugins``.

Errors in the input are reported as one line on stderr with a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

import attrs

from newsparse.cli_batch import add_batch_arguments, is_batch, run_batch
from newsparse.errors import ConfigError, NewsparseError

__all__ = ["main"]

EXIT_OK = 0
EXIT_INPUT = 1  # the input could not be parsed
EXIT_USAGE = 2  # bad arguments or configuration


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsparse", description="Turn news articles into structured facts."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser("parse", help="parse one article and print its JSON object")
    parse.add_argument("file", nargs="?", help="the article file, - for standard input, or a directory")
    parse.add_argument(
        "--format", default="auto", help="auto (default), plain, page or another reader's name"
    )
    parse.add_argument("--published", help="publication date (ISO), for resolving relative dates")
    parse.add_argument("--url", help="the article's URL")
    parse.add_argument("--encoding", help="decode the file with this encoding (default: detect)")
    parse.add_argument("--extractors", help="comma-separated extractor names to run (default: all)")
    parse.add_argument("--disable", help="comma-separated extractor names not to run")
    parse.add_argument("--pretty", action="store_true", help="indent the JSON")
    add_batch_arguments(parse)

    plugins = commands.add_parser("plugins", help="list installed plugins, their extractors and load errors")
    plugins.add_argument("--all", action="store_true", help="include the built-in plugins")
    return parser


def _names(value: str | None) -> list[str] | None:
    return None if value is None else [part.strip() for part in value.split(",") if part.strip()]


def _read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


def _parse_command(args: argparse.Namespace) -> int:
    import newsparse

    if is_batch(args):
        return run_batch(args, extractors=_names(args.extractors), disable=_names(args.disable))
    if not args.file:
        raise ConfigError("give the article FILE (or -), a directory, --jsonl IN or --warc IN")
    data = _read_input(args.file)
    article = newsparse.parse(
        data,
        format=args.format,
        published=args.published,
        url=args.url,
        encoding=args.encoding,
        extractors=_names(args.extractors),
        disable=_names(args.disable),
    )
    _print_json(article.to_dict(), pretty=args.pretty)
    return EXIT_OK


def _plugins_command(args: argparse.Namespace) -> int:
    import newsparse

    infos = newsparse.list_plugins(include_builtin=args.all)
    _print_json([attrs.asdict(info) for info in infos], pretty=True)
    return EXIT_OK


def _print_json(value: Any, *, pretty: bool) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2 if pretty else None)
    sys.stdout.write("\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _build_parser().parse_args(argv)
    try:
        if args.command == "parse":
            return _parse_command(args)
        return _plugins_command(args)
    except BrokenPipeError:
        # The reader of our output went away (| head): not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep interpreter shutdown quiet
        return EXIT_OK
    except (NewsparseError, ValueError) as exc:
        print(f"newsparse: error: {exc}", file=sys.stderr)
        return EXIT_USAGE if type(exc).__name__ == "ConfigError" else EXIT_INPUT
    except OSError as exc:  # reading the input file
        print(f"newsparse: error: {exc.filename or args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("newsparse: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
