"""The data model: what a page says (`Article`) and what extractors find in it (`Finding`).

Every class here is an attrs class, frozen and keyword-only, so field order is never API and
results can be shared between threads and processes without copying. Offsets always index
`Article.text` unless a finding names another field (see `Finding.field`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypeVar

import attrs
import regex

__all__ = [
    "Article",
    "ExtractionError",
    "Finding",
    "GenericFinding",
    "Image",
    "Paragraph",
    "RelatedLink",
    "Span",
]

ParagraphKind = Literal["title", "lede", "heading", "paragraph"]

#: Keys every finding has in its dict form; the rest are the subclass's own fields.
FINDING_BASE_KEYS = ("extractor", "start", "end", "text", "field")

_F = TypeVar("_F", bound="Finding")


def _to_tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """Converter for sequence fields: any iterable in, an immutable tuple stored."""
    return tuple(items)


def _to_list(items: Iterable[str]) -> list[str]:
    return list(items)


@attrs.frozen(kw_only=True)
class Span:
    """A half-open character range ``[start, end)`` of some text."""

    start: int
    """Offset of the first character."""

    end: int
    """Offset one past the last character."""

    def of(self, text: str) -> str:
        """The characters of `text` this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@attrs.frozen(kw_only=True)
class Paragraph:
    """One block of `Article.text`: the title, the lede, a subheading or a body paragraph."""

    start: int
    """Offset of the block's first character in `Article.text`."""

    end: int
    """Offset one past the block's last character in `Article.text`."""

    kind: ParagraphKind = "paragraph"
    """``title``, ``lede``, ``heading`` (a subheading) or ``paragraph`` (body text)."""

    text: str = ""
    """The block's text, equal to ``article.text[start:end]``."""


@attrs.frozen(kw_only=True)
class Image:
    """An image of the page, with the words printed around it (never part of `Article.text`)."""

    caption: str | None = None
    """The caption under the image, without its credit."""

    credit: str | None = None
    """Who the picture is credited to, without the ``Image:``/``Photo:`` label."""

    alt: str | None = None
    """A short title or alternative text shown with the image, when the page has one besides the caption."""


@attrs.frozen(kw_only=True)
class RelatedLink:
    """A link to another article ("Read more", "Related:", "See also")."""

    title: str
    """The linked article's title as shown on the page."""

    url: str | None = None
    """The link target, when the source gives it."""

    label: str | None = None
    """The label that introduced the link on the page ("Read more", "Related", ...)."""


@attrs.frozen(kw_only=True)
class ExtractionError:
    """An extractor that failed on one article; the other extractors' findings are kept."""

    extractor: str
    """Name of the extractor that raised."""

    message: str
    """The exception's message, prefixed with its type (``ValueError: ...``)."""

    plugin: str | None = None
    """Name of the plugin that registered the extractor."""


@attrs.frozen(kw_only=True)
class Finding:
    """Base class of everything an extractor finds.

    Subclasses add their own fields. Keep those fields JSON-shaped (str, int, float, bool,
    None, and tuples or dicts of those) so that `to_dict` and `from_dict` round-trip without
    per-class code.
    """

    extractor: str
    """Name of the extractor that produced the finding."""

    start: int
    """Offset of the finding's first character in its field (normally `Article.text`)."""

    end: int
    """Offset one past the finding's last character."""

    text: str
    """The characters the finding covers: ``article.text_of(field)[start:end]``."""

    field: str = "text"
    """The article field the offsets index: ``text`` (nearly always), ``related[0].title``,
    ``images[1].caption``, ... so that findings in captions and links keep exact spans."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field (tuples become lists)."""
        return _lists(attrs.asdict(self))  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls: type[_F], data: Mapping[str, Any]) -> _F:
        """Rebuild a finding from `to_dict` output; unknown keys are an error."""
        names = {a.name for a in attrs.fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"{cls.__name__}: unknown keys {sorted(unknown)}")
        return cls(**{key: _tuples(value) for key, value in data.items()})


@attrs.frozen(kw_only=True)
class GenericFinding(Finding):
    """A finding whose extractor is not installed: its own fields are kept in `data`."""

    data: Mapping[str, Any] = attrs.field(factory=dict)
    """The fields beyond the `Finding` base, as they were serialised."""

    def to_dict(self) -> dict[str, Any]:
        base = {key: getattr(self, key) for key in FINDING_BASE_KEYS}
        return {**base, **_lists(dict(self.data))}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GenericFinding:
        base = {key: data[key] for key in FINDING_BASE_KEYS if key in data}
        rest = {key: _tuples(value) for key, value in data.items() if key not in FINDING_BASE_KEYS}
        return cls(**base, data=rest)


def _tuples(value: Any) -> Any:
    """Lists from JSON back into the tuples the frozen classes hold."""
    if isinstance(value, list):
        return tuple(_tuples(item) for item in value)
    if isinstance(value, dict):
        return {key: _tuples(item) for key, item in value.items()}
    return value


def _lists(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_lists(item) for item in value]
    if isinstance(value, dict):
        return {key: _lists(item) for key, item in value.items()}
    return value


def _date_to_iso(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _date_from_iso(value: str | None) -> dt.date | dt.datetime | None:
    if value is None:
        return None
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    return dt.datetime.fromisoformat(value)


_FIELD_PATH = regex.compile(r"(?P<name>[a-z_]+)(?:\[(?P<index>\d+)\]\.(?P<attr>[a-z_]+))?")


# Not hashable: an Article holds dicts of findings. Equality compares every field.
@attrs.frozen(kw_only=True, hash=False)
class Article:
    """A news article: what the page says, plus what the extractors found in it.

    Only `text` is required. `text` is the readable text (title, lede, subheadings and body in
    reading order, blocks separated by blank lines); captions, credits, related links and
    navigation are kept in their own fields and are never part of it.
    """

    text: str
    """The readable text every extractor sees; all offsets index it."""

    title: str | None = None
    """The headline, as printed."""

    section: str | None = None
    """The site section or kicker printed above the title ("Politics", "Middle East")."""

    # A list, not a tuple, because it is what users print and compare first.
    authors: list[str] = attrs.field(factory=list, converter=_to_list)
    """Names from the byline, in order, without "By" or job titles."""

    published: dt.date | dt.datetime | None = None
    """Publication date (or date and time) as normalised; relative dates resolve against it."""

    published_raw: str | None = None
    """The publication date as it appears in the source ("March 5, 2020")."""

    url: str | None = None
    """The article's address (a canonical or short link, when the page prints one)."""

    lede: str | None = None
    """The standfirst or teaser paragraph under the title, when the page has one."""

    paragraphs: tuple[Paragraph, ...] = attrs.field(default=(), converter=_to_tuple)
    """The blocks of `text` with offsets and kinds, in reading order."""

    images: tuple[Image, ...] = attrs.field(default=(), converter=_to_tuple)
    """Images with caption and credit, in page order."""

    related: tuple[RelatedLink, ...] = attrs.field(default=(), converter=_to_tuple)
    """Links to other articles printed inside the page ("Read more ...")."""

    boilerplate: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    """Lines the reader recognised as navigation, sharing or advertising and left out of `text`."""

    language: str | None = None
    """ISO 639-1 code of the text's language, when known."""

    id: str | None = None
    """The identifier the source record gave the article (JSONL ``id``, WARC record id)."""

    reader: str | None = None
    """Name of the reader that built the article (``plain``, ``page``, ``html``, ...)."""

    extractions: Mapping[str, tuple[Finding, ...]] = attrs.field(factory=dict)
    """Findings per extractor name, in text order."""

    summaries: Mapping[str, Any] = attrs.field(factory=dict)
    """Article-level conclusions per extractor name (e.g. ``casualties``: best figure per category)."""

    errors: tuple[ExtractionError, ...] = attrs.field(default=(), converter=_to_tuple)
    """Extractors that failed on this article."""

    def text_of(self, field: str) -> str:
        """The string a finding's `field` names: ``text``, ``title``, ``lede``,
        ``related[2].title``, ``images[0].caption``, ...

        Raises:
            KeyError: `field` does not name a string of this article.
        """
        match = _FIELD_PATH.fullmatch(field)
        if match is None:
            raise KeyError(field)
        value: Any = getattr(self, match["name"], None)
        if match["index"] is not None:
            items = value if isinstance(value, tuple) else ()
            index = int(match["index"])
            value = getattr(items[index], match["attr"], None) if index < len(items) else None
        if not isinstance(value, str):
            raise KeyError(field)
        return value

    def findings(self, extractor: str) -> tuple[Finding, ...]:
        """The findings of one extractor (empty when it did not run or found nothing)."""
        return tuple(self.extractions.get(extractor, ()))

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready output object (DESIGN.md §5)."""
        return {
            "id": self.id,
            "title": self.title,
            "section": self.section,
            "authors": list(self.authors),
            "published": _date_to_iso(self.published),
            "published_raw": self.published_raw,
            "url": self.url,
            "lede": self.lede,
            "language": self.language,
            "reader": self.reader,
            "text": self.text,
            "paragraphs": [attrs.asdict(p) for p in self.paragraphs],
            "images": [attrs.asdict(i) for i in self.images],
            "related": [attrs.asdict(r) for r in self.related],
            "boilerplate": list(self.boilerplate),
            "extractions": {
                name: [finding.to_dict() for finding in found] for name, found in self.extractions.items()
            },
            "summaries": _lists(dict(self.summaries)),
            "errors": [attrs.asdict(e) for e in self.errors],
        }

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        finding_types: Mapping[str, type[Finding]] | None = None,
    ) -> Article:
        """Rebuild an article from `to_dict` output.

        Args:
            data: the dict (for example parsed from JSON).
            finding_types: finding class per extractor name. By default the classes of the
                extractors installed in this environment; findings of any other extractor come
                back as `GenericFinding`.
        """
        if finding_types is None:
            from newsparse.plugins import default_finding_types

            finding_types = default_finding_types()
        extractions = {
            name: tuple(finding_types.get(name, GenericFinding).from_dict(item) for item in items)
            for name, items in (data.get("extractions") or {}).items()
        }
        return cls(
            id=data.get("id"),
            title=data.get("title"),
            section=data.get("section"),
            authors=data.get("authors") or (),
            published=_date_from_iso(data.get("published")),
            published_raw=data.get("published_raw"),
            url=data.get("url"),
            lede=data.get("lede"),
            language=data.get("language"),
            reader=data.get("reader"),
            text=data["text"],
            paragraphs=[Paragraph(**p) for p in data.get("paragraphs") or ()],
            images=[Image(**i) for i in data.get("images") or ()],
            related=[RelatedLink(**r) for r in data.get("related") or ()],
            boilerplate=data.get("boilerplate") or (),
            extractions=extractions,
            summaries=_tuples(dict(data.get("summaries") or {})),
            errors=[ExtractionError(**e) for e in data.get("errors") or ()],
        )


def paragraphs_from_blocks(blocks: Iterable[tuple[str, ParagraphKind]]) -> tuple[str, tuple[Paragraph, ...]]:
    """Join blocks with blank lines into one text, returning it and the blocks' `Paragraph` records."""
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for block, kind in blocks:
        if parts:
            parts.append("\n\n")
            offset += 2
        parts.append(block)
        paragraphs.append(Paragraph(start=offset, end=offset + len(block), kind=kind, text=block))
        offset += len(block)
    return "".join(parts), tuple(paragraphs)
