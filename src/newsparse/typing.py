"""Protocols that plugin authors implement: extractors and readers.

An extractor is a small object with a `name`, the names it `requires`, an optional attrs
`config`, and a `__call__` that returns findings. A reader turns a source into an `Article`.
Neither has to inherit from anything; any object of this shape can be registered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    import datetime as dt

    from newsparse.model import Article, Finding
    from newsparse.text.document import Document

__all__ = [
    "Extractor",
    "ExtractorRegistrar",
    "Reader",
    "ReaderRegistrar",
    "Source",
    "Summarizer",
]

#: What a reader accepts: decoded text or raw bytes.
Source = str | bytes


@runtime_checkable
class Extractor(Protocol):
    """Finds one kind of fact in an article.

    Attributes:
        name: unique name; findings appear under ``extractions.<name>``.
        requires: names of extractors whose findings this one reads from ``found``.
        finding_type: the `Finding` subclass it returns (used to rebuild results from JSON).
        config: an attrs instance with the extractor's options, or None when it has none.
            Options given to the pipeline are applied with ``attrs.evolve`` on a copy.
    """

    # Read-only properties, so frozen attrs classes and plain objects both satisfy the protocol.
    @property
    def name(self) -> str: ...
    @property
    def requires(self) -> tuple[str, ...]: ...
    @property
    def finding_type(self) -> type[Finding]: ...
    @property
    def config(self) -> Any: ...

    def __call__(
        self, article: Article, document: Document, found: Mapping[str, tuple[Finding, ...]]
    ) -> Iterable[Finding]:
        """Return the findings for one article.

        Args:
            article: the article as read (no extraction results yet).
            document: the shared analysis of ``article.text`` (sentences, numbers, names...).
            found: findings of the extractors named in `requires`, by name.
        """
        ...


@runtime_checkable
class Summarizer(Protocol):
    """An extractor that also draws an article-level conclusion from its findings.

    The pipeline stores the return value (JSON-shaped) under ``summaries.<name>``.
    """

    def summarize(self, article: Article, findings: tuple[Finding, ...]) -> Any: ...


@runtime_checkable
class Reader(Protocol):
    """Turns one source (text copied from a page, HTML, a record...) into an `Article`.

    Attributes:
        name: the ``format=`` value that selects this reader.
    """

    @property
    def name(self) -> str: ...

    def sniff(self, source: str) -> float:
        """How sure (0..1) the reader is that `source` is its format; 0 means never.

        Look only at the first few kilobytes: sniffing runs for every article and every reader.
        """
        ...

    def read(
        self,
        source: str,
        *,
        url: str | None = None,
        published: dt.date | dt.datetime | None = None,
    ) -> Article:
        """Build the article. Raise `newsparse.ParseError` for input it cannot read."""
        ...


#: The ``register`` callable handed to ``newsparse_register_extractors``.
ExtractorRegistrar = Callable[[Extractor], None]
#: The ``register`` callable handed to ``newsparse_register_readers``.
ReaderRegistrar = Callable[[Reader], None]

# Options for one extractor, as given by users (validated against its config class).
ExtractorOptions = Mapping[str, Any]
