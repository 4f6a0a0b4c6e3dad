"""Parse on a Dask cluster (extra ``newsparse[dask]``) when one machine is not enough.

    import dask.bag as db
    import newsparse.dask

    records = db.read_text("s3://crawl/2020-03-*.jsonl", blocksize="64MiB").map(json.loads)
    results = newsparse.dask.parse_bag(records, extractors=["dates", "casualties"])
    results.map(json.dumps).to_textfiles("out/part-*.jsonl")

`parse_bag` maps `newsparse.batch.parse_partition` over the bag's partitions: each worker
process builds one plugin manager and pipeline (on its first partition) and reuses it for
every partition after. Items are whatever `newsparse.parse_many` accepts — text, bytes,
JSONL-shaped dicts, `Record`s — and results are article dicts, or ``{"id", "error", "where"}``
for an item that gave no article, in the bag's order.

`parse_files` does the same for a list of JSONL, WARC or article files, one partition per file,
each read as a stream inside the worker (only the results of a partition are held).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from newsparse.batch import Output, _options, parse_partition
from newsparse.errors import ParseError
from newsparse.pipeline import DEFAULT_MAX_CHARS
from newsparse.readers.records import read_path

__all__ = ["INSTALL_HINT", "parse_bag", "parse_files"]

INSTALL_HINT = 'pip install "newsparse[dask]"'


def _bag_module() -> Any:
    try:
        import dask.bag
    except ImportError as exc:
        raise ParseError(f"newsparse.dask needs dask, which is not installed: {INSTALL_HINT}") from exc
    return dask.bag


def _settings(**options: Any) -> dict[str, Any]:
    """The options (the keywords of `newsparse.parse_many`'s `_options`) as plain values for the
    workers, checked here first so typos fail at once."""
    settings = _options(**options)
    settings.pipeline()  # unknown extractors, formats or options raise ConfigError here
    return attrs.asdict(settings, recurse=False)


def _parse_items(items: Iterable[Any], options: dict[str, Any]) -> list[Any]:
    return list(parse_partition(items, **options))


def _parse_paths(paths: Iterable[str], options: dict[str, Any]) -> list[Any]:
    results: list[Any] = []
    for path in paths:
        results.extend(parse_partition(read_path(path), **options))
    return results


def parse_bag(
    bag: Any,
    *,
    format: str = "auto",
    extractors: Iterable[str] | None = None,
    disable: Iterable[str] | None = None,
    config: Mapping[str, Mapping[str, Any]] | None = None,
    strict: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    output: Output = "dict",
) -> Any:
    """A lazy bag of results (article dicts by default), one per item of `bag`, in order.

    Args:
        bag: a `dask.bag.Bag` of sources (text, bytes, JSONL-shaped dicts, `Record`s).
        format, extractors, disable, config, strict, max_chars: as for `newsparse.parse_many`.
        output: ``"dict"`` (default), ``"json"`` (JSON lines, ready for ``to_textfiles``) or
            ``"article"`` (`Article` objects; they pickle, but dicts travel lighter).

    Raises:
        ConfigError: bad options, at once (before anything is computed).
    """
    _bag_module()
    options = _settings(
        format=format,
        extractors=extractors,
        disable=disable,
        config=config,
        strict=strict,
        max_chars=max_chars,
        output=output,
    )
    return bag.map_partitions(_parse_items, options)


def parse_files(
    paths: Sequence[str],
    *,
    format: str = "auto",
    extractors: Iterable[str] | None = None,
    disable: Iterable[str] | None = None,
    config: Mapping[str, Mapping[str, Any]] | None = None,
    strict: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    output: Output = "dict",
) -> Any:
    """A lazy bag of results for files of records (JSONL, WARC) or article files, one partition
    per file; each worker reads its files itself, as a stream. Paths must be readable from the
    workers (a shared file system)."""
    bag_module = _bag_module()
    options = _settings(
        format=format,
        extractors=extractors,
        disable=disable,
        config=config,
        strict=strict,
        max_chars=max_chars,
        output=output,
    )
    paths = [str(path) for path in paths]
    bag = bag_module.from_sequence(paths, npartitions=max(1, len(paths)))
    return bag.map_partitions(_parse_paths, options)
