"""newsparse: turn a news article into structured facts, each with its exact character span.

    >>> import newsparse
    >>> article = newsparse.parse("Officials said on Monday that talks would resume.", format="plain")
    >>> article.text[:9]
    'Officials'

The public face: `parse` and `parse_many` for users; `Article`, `Finding` and the other model
classes; `hookimpl` and the protocols in `newsparse.typing` for plugin authors.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from typing import Any

from newsparse.batch import RecordError, parse_many
from newsparse.errors import ConfigError, ExtractorError, NewsparseError, ParseError, PluginError
from newsparse.hookspecs import hookimpl
from newsparse.model import (
    Article,
    ExtractionError,
    Finding,
    GenericFinding,
    Image,
    Paragraph,
    RelatedLink,
    Span,
)
from newsparse.pipeline import Pipeline
from newsparse.plugins import PluginInfo, PluginManager, get_manager
from newsparse.readers.records import Record
from newsparse.text.document import Document
from newsparse.typing import Source

__all__ = [
    "Article",
    "ConfigError",
    "Document",
    "ExtractionError",
    "ExtractorError",
    "Finding",
    "GenericFinding",
    "Image",
    "NewsparseError",
    "Paragraph",
    "ParseError",
    "Pipeline",
    "PluginError",
    "PluginInfo",
    "PluginManager",
    "Record",
    "RecordError",
    "RelatedLink",
    "Span",
    "__version__",
    "hookimpl",
    "list_plugins",
    "parse",
    "parse_many",
]

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

_default_pipeline: tuple[PluginManager, Pipeline] | None = None


def _pipeline(
    extractors: Iterable[str] | None,
    disable: Iterable[str] | None,
    config: Mapping[str, Mapping[str, Any]] | None,
    strict: bool,
    manager: PluginManager | None,
) -> Pipeline:
    """The default pipeline is built once per process (per manager); any option builds a new one."""
    global _default_pipeline
    if extractors is None and not disable and not config and not strict and manager is None:
        current = get_manager()
        if _default_pipeline is None or _default_pipeline[0] is not current:
            _default_pipeline = (current, Pipeline(manager=current))
        return _default_pipeline[1]
    return Pipeline(
        manager=manager, extractors=extractors, disable=disable or (), config=config, strict=strict
    )


def parse(
    source: Source,
    *,
    published: dt.date | dt.datetime | str | None = None,
    url: str | None = None,
    format: str = "auto",
    extractors: Iterable[str] | None = None,
    disable: Iterable[str] | None = None,
    config: Mapping[str, Mapping[str, Any]] | None = None,
    strict: bool = False,
    encoding: str | None = None,
    manager: PluginManager | None = None,
) -> Article:
    """Parse one article.

    Args:
        source: the article as text or bytes (bytes are decoded: BOM, UTF-8, then Windows-1252).
        published: publication date; relative dates resolve against it. Overrides the page's own.
        url: the article's address. Overrides one found in the page.
        format: ``auto`` (sniff), ``plain``, ``page`` or any registered reader's name.
        extractors: names of the extractors to run (with what they require); None = all.
        disable: names of extractors not to run.
        config: options per extractor, e.g. ``{"casualties": {...}}``; unknown keys are a `ConfigError`.
        strict: raise `ExtractorError` when an extractor fails instead of recording it in ``errors``.
        encoding: decode bytes with this encoding.
        manager: a `PluginManager` to take readers and extractors from (default: the process-wide one).

    Returns:
        The `Article`, with ``extractions``, ``summaries`` and ``errors`` filled in.

    Raises:
        ParseError: the input is empty, binary, undecodable, too large or not in `format`.
        ConfigError: an unknown format, extractor name or option.
    """
    pipeline = _pipeline(extractors, disable, config, strict, manager)
    return pipeline.parse(source, format=format, url=url, published=published, encoding=encoding)


def list_plugins(*, include_builtin: bool = True) -> list[PluginInfo]:
    """Installed plugins with their version, hooks, extractors, readers and load errors."""
    return get_manager().list_plugins(include_builtin=include_builtin)
