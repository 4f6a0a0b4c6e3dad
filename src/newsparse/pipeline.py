"""reader -> analysis -> extractors -> result.

`Pipeline` picks a reader, builds the `Document` once, runs the chosen extractors in
``requires`` order (ties by name) and isolates their failures: an extractor that raises
becomes an entry of `Article.errors` and every other extractor's findings are kept
(``strict=True`` raises `ExtractorError` instead).
"""

from __future__ import annotations

import datetime as dt
import logging
import warnings
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from newsparse.errors import ConfigError, ExtractorError, ParseError
from newsparse.model import Article, ExtractionError, Finding
from newsparse.plugins import PluginManager, Registered, get_manager
from newsparse.readers.decode import decode_source
from newsparse.text.datestrings import parse_date_string
from newsparse.text.document import Document
from newsparse.typing import Extractor, Source

__all__ = ["DEFAULT_MAX_CHARS", "Pipeline", "coerce_published", "configure_extractor"]

logger = logging.getLogger(__name__)

#: Longest text (in characters) accepted by default; longer input is a `ParseError`.
DEFAULT_MAX_CHARS = 20_000_000


def coerce_published(value: dt.date | dt.datetime | str | None) -> dt.date | dt.datetime | None:
    """Accept a date, a datetime or a date string ("2020-03-05", "March 5, 2020")."""
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        parsed = parse_date_string(value)
        if parsed is None:
            raise ConfigError(f"published={value!r} is not a date (use ISO, e.g. 2020-03-05)")
        return parsed
    raise ConfigError(f"published must be a date, a datetime or a string, not {type(value).__name__}")


def configure_extractor(extractor: Extractor, options: Mapping[str, Any]) -> Extractor:
    """A copy of `extractor` with `options` applied to its attrs ``config``.

    Raises:
        ConfigError: naming the extractor, for unknown keys or values its config class rejects.
    """
    if not options:
        return extractor
    config = getattr(extractor, "config", None)
    if config is None or not attrs.has(type(config)):
        raise ConfigError(f"extractor {extractor.name!r} takes no options (got {sorted(options)})")
    known = attrs.fields_dict(type(config))
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise ConfigError(
            f"extractor {extractor.name!r}: unknown option(s) {unknown}; known: {sorted(known)}"
        )
    try:
        new_config = attrs.evolve(config, **options)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"extractor {extractor.name!r}: {exc}") from exc
    with_config = getattr(extractor, "with_config", None)
    if callable(with_config):
        configured: Extractor = with_config(new_config)
        return configured
    if not attrs.has(type(extractor)):
        raise ConfigError(f"extractor {extractor.name!r} cannot be configured (no with_config, not attrs)")
    evolved: Extractor = attrs.evolve(extractor, config=new_config)  # type: ignore[misc]
    return evolved


def _order(selected: Mapping[str, Extractor]) -> list[str]:
    """Topological order by ``requires``; among extractors that are ready, alphabetical."""
    remaining = {name: set(ex.requires) for name, ex in selected.items()}
    order: list[str] = []
    while remaining:
        ready = sorted(name for name, needs in remaining.items() if not needs)
        if not ready:
            raise ConfigError(f"extractors require each other in a cycle: {sorted(remaining)}")
        name = ready[0]
        order.append(name)
        del remaining[name]
        for needs in remaining.values():
            needs.discard(name)
    return order


class Pipeline:
    """A configured reader-and-extractors run, reusable across many articles.

    Args:
        manager: where readers and extractors come from (default: the process-wide manager).
        extractors: names of the extractors to run (their ``requires`` are added); None = all.
        disable: names of extractors not to run.
        config: options per extractor name, e.g. ``{"dates": {"language": "de"}}``.
        strict: raise on the first extractor error instead of recording it.
        max_chars: longest text accepted; longer input raises `ParseError`.
    """

    def __init__(
        self,
        *,
        manager: PluginManager | None = None,
        extractors: Iterable[str] | None = None,
        disable: Iterable[str] = (),
        config: Mapping[str, Mapping[str, Any]] | None = None,
        strict: bool = False,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> None:
        self.manager = manager or get_manager()
        self.strict = strict
        self.max_chars = max_chars
        available = self.manager.extractors()
        self._plugin_of = {name: entry.plugin for name, entry in available.items()}
        disabled = set(disable)
        unknown = sorted(disabled - set(available))
        if unknown:
            raise ConfigError(
                f"cannot disable unknown extractor(s) {unknown}; available: {sorted(available)}"
            )
        selected = self._select(available, None if extractors is None else list(extractors), disabled)
        config = dict(config or {})
        unknown_config = sorted(set(config) - set(available))
        if unknown_config:
            raise ConfigError(
                f"config for unknown extractor(s) {unknown_config}; available: {sorted(available)}"
            )
        configured = {
            name: configure_extractor(extractor, config.get(name, {})) for name, extractor in selected.items()
        }
        self.extractor_names: tuple[str, ...] = tuple(_order(configured))
        self._extractors = [(name, configured[name]) for name in self.extractor_names]
        self._readers = self.manager.readers()

    @staticmethod
    def _select(
        available: Mapping[str, Registered], requested: list[str] | None, disabled: set[str]
    ) -> dict[str, Extractor]:
        if requested is not None:
            missing = sorted(set(requested) - set(available))
            if missing:
                raise ConfigError(f"unknown extractor(s) {missing}; available: {sorted(available)}")
            wanted: dict[str, Extractor] = {}
            stack = list(requested)
            while stack:
                name = stack.pop()
                if name in wanted:
                    continue
                if name not in available:
                    raise ConfigError(f"an extractor requires {name!r}, which is not installed")
                if name in disabled:
                    raise ConfigError(f"{name!r} is disabled but a requested extractor requires it")
                wanted[name] = available[name].obj
                stack.extend(available[name].obj.requires)
            return wanted
        # Everything, minus what is disabled and whatever can no longer run without it.
        wanted = {name: entry.obj for name, entry in available.items() if name not in disabled}
        changed = True
        while changed:
            changed = False
            for name, extractor in list(wanted.items()):
                lacking = [need for need in extractor.requires if need not in wanted]
                if lacking:
                    warnings.warn(
                        f"extractor {name!r} skipped: it requires {lacking}, which is disabled or missing",
                        RuntimeWarning,
                        stacklevel=4,
                    )
                    del wanted[name]
                    changed = True
        return wanted

    # -- reading ---------------------------------------------------------------------------------

    def read(
        self,
        source: Source,
        *,
        format: str = "auto",
        url: str | None = None,
        published: dt.date | dt.datetime | str | None = None,
        id: str | None = None,
        encoding: str | None = None,
    ) -> Article:
        """Turn a source into an `Article` without running extractors."""
        published_value = coerce_published(published)
        if isinstance(source, (bytes, bytearray, memoryview)):
            # UTF-8 takes at most four bytes a character: past that, the text is over max_chars.
            text = decode_source(bytes(source), encoding=encoding, max_bytes=4 * self.max_chars)
        elif isinstance(source, str):
            text = source
        else:
            raise ParseError(f"source must be str or bytes, not {type(source).__name__}")
        if len(text) > self.max_chars:
            raise ParseError(
                f"input is {len(text):,} characters, over the limit of {self.max_chars:,} (raise max_chars)"
            )
        reader = self._reader_for(text, format)
        article = reader.read(text, url=url, published=published_value)
        if not isinstance(article, Article):
            raise ParseError(f"reader {reader.name!r} returned {type(article).__name__}, not an Article")
        if id is not None:
            article = attrs.evolve(article, id=id)
        return article

    def _reader_for(self, text: str, format: str) -> Any:
        if format != "auto":
            entry = self._readers.get(format)
            if entry is None:
                raise ConfigError(
                    f"unknown format {format!r}; available: auto, {', '.join(sorted(self._readers))}"
                )
            return entry.obj
        if not text.strip():
            raise ParseError("empty input: nothing to parse (use format='plain' to accept empty text)")
        best, best_score = None, 0.0
        for name in sorted(self._readers):
            reader = self._readers[name].obj
            try:
                score = float(reader.sniff(text))
            except Exception:  # a reader's sniff must not break format detection
                logger.warning("reader %s failed to sniff", name, exc_info=True)
                continue
            if score > best_score:
                best, best_score = reader, score
        if best is None:
            raise ParseError("no reader recognises this input")
        return best

    # -- extracting ------------------------------------------------------------------------------

    def extract(self, article: Article) -> Article:
        """Run the extractors on an article; returns a new article with findings, summaries and errors."""
        document = Document.of(article)
        found: dict[str, tuple[Finding, ...]] = {}
        summaries: dict[str, Any] = {}
        errors: list[ExtractionError] = []
        for name, extractor in self._extractors:
            plugin = self._plugin_of.get(name)
            try:
                # A requirement that failed is handed over as "found nothing": its own error is
                # recorded, and the dependent's findings (which only lose that enrichment) are kept.
                view = MappingProxyType({need: found.get(need, ()) for need in extractor.requires})
                findings = tuple(extractor(article, document, view))
                _check_findings(name, article, findings)
                found[name] = tuple(
                    sorted(findings, key=lambda f: (f.field != "text", f.field, f.start, f.end))
                )
                summarize = getattr(extractor, "summarize", None)
                if callable(summarize):
                    summaries[name] = summarize(article, found[name])
            except Exception as exc:  # isolation is the point: one extractor never loses the others
                if self.strict:
                    raise ExtractorError(name, f"{type(exc).__name__}: {exc}") from exc
                logger.warning("extractor %s failed", name, exc_info=True)
                found.pop(name, None)
                summaries.pop(name, None)
                errors.append(
                    ExtractionError(extractor=name, plugin=plugin, message=f"{type(exc).__name__}: {exc}")
                )
        return attrs.evolve(
            article,
            extractions={name: found[name] for name in self.extractor_names if name in found},
            summaries=summaries,
            errors=(*article.errors, *errors),
        )

    def parse(
        self,
        source: Source,
        *,
        format: str = "auto",
        url: str | None = None,
        published: dt.date | dt.datetime | str | None = None,
        id: str | None = None,
        encoding: str | None = None,
    ) -> Article:
        """Read a source and run the extractors on it."""
        article = self.read(source, format=format, url=url, published=published, id=id, encoding=encoding)
        return self.extract(article)


def _check_findings(name: str, article: Article, findings: tuple[Finding, ...]) -> None:
    """Hold every extractor to the output contract: its own name and exact spans."""
    for finding in findings:
        if not isinstance(finding, Finding):
            raise TypeError(f"returned {type(finding).__name__}, not a Finding")
        if finding.extractor != name:
            raise ValueError(f"finding names extractor {finding.extractor!r}")
        try:
            source = article.text_of(finding.field)
        except KeyError:
            raise ValueError(f"finding names unknown field {finding.field!r}") from None
        if (
            not 0 <= finding.start <= finding.end <= len(source)
            or source[finding.start : finding.end] != finding.text
        ):
            raise ValueError(
                f"finding span {finding.start}:{finding.end} does not match its text {finding.text!r}"
            )
