"""Exceptions newsparse raises. All derive from `NewsparseError`."""

from __future__ import annotations

__all__ = ["ConfigError", "ExtractorError", "NewsparseError", "ParseError", "PluginError"]


class NewsparseError(Exception):
    """Base class of every error newsparse raises on purpose."""


class ParseError(NewsparseError, ValueError):
    """The input cannot be turned into an article (empty, binary, undecodable, too large, bad format)."""


class ConfigError(NewsparseError, ValueError):
    """Bad options for the pipeline or for one extractor (the message names it)."""


class PluginError(NewsparseError):
    """A plugin could not be loaded or registered something invalid."""


class ExtractorError(NewsparseError):
    """An extractor raised while ``strict=True``; the original exception is the ``__cause__``."""

    def __init__(self, extractor: str, message: str) -> None:
        super().__init__(f"extractor {extractor!r} failed: {message}")
        self.extractor = extractor
