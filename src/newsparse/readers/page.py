"""The ``page`` reader: text copied from a rendered news page.

A copied page is a sequence of lines: navigation, the section, the title, a byline and a date,
maybe a lede and a short link, images with captions and credits, "Read more" links,
subheadings and the body. The reader classifies each line by its own shape, then reads the
page's structure from the order of those classes:

1. lines that are chrome wherever they occur (navigation, sharing, cookie banners) are set aside;
2. image credits claim the caption (and a short title) printed right above them;
3. the title is the first headline-like line; a short line right before it is the section;
4. between the title and the body, bylines, dates and a URL are metadata, and a prose
   paragraph followed by such metadata is the lede;
5. in the body, a short line followed by prose is a subheading; short lines that lead to no
   prose (teasers, trailing link lists) are boilerplate.

No rule names a site. Everything set aside is kept in `Article.boilerplate`, `images` or
`related`, so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

import attrs
import regex

from newsparse.errors import ParseError
from newsparse.hookspecs import hookimpl
from newsparse.model import Article, Image, ParagraphKind, RelatedLink, paragraphs_from_blocks
from newsparse.readers import page_rules as rules
from newsparse.text.datestrings import looks_like_full_date, parse_date_string
from newsparse.text.language import guess_language
from newsparse.typing import ReaderRegistrar

__all__ = ["PageReader"]

LineKind = Literal[
    "text",
    "boilerplate",
    "url",
    "credit",
    "caption_credit",
    "caption",
    "related",
    "related_label",
    "related_item",
    "labelled",
    "byline",
    "date",
]

#: A headline has at least this many words; fewer is a section label or kicker.
_MIN_TITLE_WORDS = 3
#: Subheadings and captions are short; longer lines are prose whatever their punctuation.
_MAX_HEADING_WORDS = 16
_MAX_HEADING_CHARS = 140
#: Dates and bylines are short lines.
_MAX_META_CHARS = 90
#: Prose has at least this many words when it does not end like a sentence.
_PROSE_WORDS = 14
#: The header (title to body) spans at most this many lines.
_HEADER_LINES = 30
#: Sniffing looks at this much of the source.
_SNIFF_CHARS = 6000

_WORD = regex.compile(r"\w+(?:[’'\-.]\w+)*")
_MONTH_HINT = regex.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}",
    regex.IGNORECASE,
)
_NAME_SPLIT = regex.compile(r"\s*(?:,|;|\band\b|&|\||/|•|·|\s[-–—]\s)\s*", regex.IGNORECASE)
_BYLINE_TAIL = regex.compile(r"\s+(?:in|for|at)\s+\p{Lu}.*$")


@attrs.define
class _Line:
    """One non-blank line of the page and what the reader decided it is."""

    text: str
    blank_before: bool
    kind: LineKind = "text"
    value: str | None = None  # the credit, related title, URL, label value...
    names: tuple[str, ...] = ()
    claimed: bool = False  # taken as an image caption or title


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _is_prose(text: str) -> bool:
    return bool(rules.SENTENCE_END.search(text)) or _words(text) >= _PROSE_WORDS


def _is_heading_like(text: str) -> bool:
    return (
        len(text) <= _MAX_HEADING_CHARS
        and _words(text) <= _MAX_HEADING_WORDS
        and not text.rstrip("\"'”’»)").endswith((".", ",", ";"))
        and text[:1].isupper() | text[:1].isdigit() | (text[:1] in "\"'“‘«")
    )


def person_names(text: str) -> tuple[str, ...]:
    """The personal names in a byline string ("Jane Doe and John Smith, Reuters" -> both names)."""
    text = _BYLINE_TAIL.sub("", text.strip())
    names: list[str] = []
    for part in _NAME_SPLIT.split(text):
        tokens = part.split()
        if not tokens:
            continue
        lowered = [t.lower().strip(".,") for t in tokens]
        if any(word in rules.BYLINE_STOP_WORDS or word in rules.SECTION_WORDS for word in lowered):
            # "Patrick Wintour Diplomatic editor": keep the name tokens before the role.
            kept = []
            for token, low in zip(tokens, lowered, strict=True):
                if low in rules.BYLINE_STOP_WORDS or low in rules.SECTION_WORDS:
                    break
                kept.append(token)
            tokens = kept[:3] if len(kept) <= 3 else kept[:2]
        if _name_tokens_ok(tokens):
            names.append(" ".join(tokens))
    return tuple(dict.fromkeys(names))


def _name_tokens_ok(tokens: list[str]) -> bool:
    if not 2 <= len(tokens) <= 5:
        return False
    capitalised = 0
    for token in tokens:
        if token.lower() in rules.NAME_PARTICLES:
            continue
        if not rules.NAME_TOKEN.match(token):
            return False
        capitalised += 1
    return capitalised >= 2


def _bare_byline(text: str) -> tuple[str, ...]:
    """Names when the whole line is names ("Roman Goncharenko", "Jane Doe and John Smith")."""
    if len(text) > _MAX_META_CHARS or rules.SENTENCE_END.search(text.rstrip(".")):
        return ()
    parts = [p for p in _NAME_SPLIT.split(text) if p]
    names = []
    for part in parts:
        tokens = part.split()
        if any(t.lower().strip(".,") in rules.SECTION_WORDS for t in tokens) or not _name_tokens_ok(tokens):
            return ()
        names.append(" ".join(tokens))
    return tuple(names)


def _byline_names(text: str) -> tuple[str, ...]:
    """Names when a line is a byline without "By": "Roman Goncharenko", "Jane Doe and John Smith",
    "Patrick Holloway Political editor"."""
    names = _bare_byline(text)
    if names or len(text) > _MAX_META_CHARS or _words(text) > 8 or rules.SENTENCE_END.search(text):
        return names
    lowered = {word.lower().strip(".,") for word in text.split()}
    if lowered & rules.BYLINE_STOP_WORDS and text[:1].isupper():
        return person_names(text)
    return ()


def _is_byline_tail(text: str) -> bool:
    """An outlet or desk line printed under a byline ("BBC News, Leeds", "Reuters, Moscow")."""
    if _words(text) > 6 or rules.SENTENCE_END.search(text):
        return False
    return bool({word.lower().strip(".,") for word in text.split()} & rules.BYLINE_STOP_WORDS)


def _classify(line: _Line) -> None:
    text = line.text
    if match := rules.URL_LINE.match(text):
        line.kind, line.value = "url", match["url"]
    elif match := rules.RELATED_LINE.match(text):
        title = match["title"].strip()
        line.kind = "related" if title else "related_label"
        line.value, line.names = title, (match["label"],)
    elif rules.BOILERPLATE_LINE.match(text) or (len(text) < 300 and rules.has_boilerplate_phrase(text)):
        line.kind = "boilerplate"
    elif match := rules.CREDIT_LINE.match(text):
        line.kind, line.value = "credit", match["credit"].strip()
    elif match := rules.CAPTION_LINE.match(text):
        line.kind, line.value = "caption", match["caption"].strip()
    elif len(text) <= 400 and (match := rules.trailing_credit(text)):
        line.kind = "caption_credit"
        line.value = (match["credit"] or match["credit2"] or match["credit3"] or match["credit4"]).strip()
    elif len(text) <= _MAX_META_CHARS and (match := rules.LABELLED_FIELD.match(text)) and _label_fits(match):
        line.kind, line.value, line.names = "labelled", match["value"].strip(), (match["label"].lower(),)
    elif len(text) <= _MAX_META_CHARS and (match := rules.BYLINE_LEAD.match(text)):
        names = person_names(match["names"])
        line.kind, line.names = ("byline", names) if names else ("boilerplate", ())
    elif (
        len(text) <= _MAX_META_CHARS
        and _MONTH_HINT.search(text)
        and looks_like_full_date(text)
        and parse_date_string(text) is not None
    ):
        line.kind = "date"


def _label_fits(match: regex.Match[str]) -> bool:
    """A "Label value" line is metadata only when the value has the label's shape
    ("Date rape cases rose" is body text, "Date 05.03.2020" is not)."""
    label, value = match["label"].lower(), match["value"]
    if label == "date":
        return parse_date_string(value) is not None
    if label in ("author", "authors"):
        return bool(person_names(value))
    if label == "permalink":
        return value.startswith("http")
    return ":" in match.group()[: len(label) + 2]


def _lines(source: str) -> list[_Line]:
    lines: list[_Line] = []
    blank = True
    for raw in source.splitlines():
        text = " ".join(raw.split())
        if not text:
            blank = True
            continue
        lines.append(_Line(text=text, blank_before=blank))
        blank = False
    return lines


@attrs.frozen
class PageReader:
    """Reads text copied from a rendered news page (see the module docstring for the rules)."""

    name: str = "page"

    def sniff(self, source: str) -> float:
        """Sure when the top of the text has the marks of a copied page (nav, bylines, credits, links)."""
        head = source[:_SNIFF_CHARS]
        if head.lstrip().startswith("<") and head.count("<") > 20:
            return 0.0
        signals = 0
        for line in _lines(head)[:80]:
            _classify(line)
            if line.kind in ("boilerplate", "url", "credit", "caption_credit", "related", "byline", "date"):
                signals += 1
                if signals >= 6:
                    break  # the score is at its ceiling: more lines cannot raise it
        return 0.0 if signals < 2 else min(0.9, 0.3 + 0.1 * signals)

    def read(
        self,
        source: str,
        *,
        url: str | None = None,
        published: dt.date | dt.datetime | None = None,
    ) -> Article:
        lines = _lines(source)
        if not lines:
            raise ParseError("empty input: the page has no text")
        for line in lines:
            _classify(line)
        page = _Page(lines)
        blocks: list[tuple[str, ParagraphKind]] = []
        if page.title:
            blocks.append((page.title, "title"))
        if page.lede:
            blocks.append((page.lede, "lede"))
        blocks.extend(page.body)
        text, paragraphs = paragraphs_from_blocks(blocks)
        return Article(
            text=text,
            title=page.title,
            section=page.section,
            authors=list(page.authors),
            published=published or page.published,
            published_raw=page.published_raw,
            url=url or page.url,
            lede=page.lede,
            paragraphs=paragraphs,
            images=page.images,
            related=page.related,
            boilerplate=page.boilerplate,
            language=guess_language(text),
            reader=self.name,
        )


class _Page:
    """The structure read off the classified lines (one instance per article)."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.title: str | None = None
        self.section: str | None = None
        self.authors: list[str] = []
        self.published: dt.date | dt.datetime | None = None
        self.published_raw: str | None = None
        self.url: str | None = None
        self.lede: str | None = None
        self.images: list[Image] = []
        self.related: list[RelatedLink] = []
        self.boilerplate: list[str] = []
        self.body: list[tuple[str, ParagraphKind]] = []
        self._claim_images()
        self._collect_related()
        body_start = self._read_header()
        self._read_body(body_start)
        self._read_footer_fields()

    # -- images and links, wherever they are ---------------------------------------------------

    def _adjacent_text_above(self, index: int) -> _Line | None:
        """The unclaimed text line right above `index`, when nothing (not even a blank) separates them."""
        if index == 0 or self.lines[index].blank_before:
            return None
        above = self.lines[index - 1]
        if above.claimed or above.kind != "text" or _words(above.text) > 60:
            return None
        return above

    def _claim_images(self) -> None:
        for index, line in enumerate(self.lines):
            if line.kind == "credit":
                caption = self._adjacent_text_above(index)
                if caption is not None:
                    caption.claimed = True
                    # A BBC-style "Image caption, ..." line below the credit is the caption too.
                self.images.append(Image(caption=caption.text if caption else None, credit=line.value))
            elif line.kind == "caption_credit":
                match = rules.trailing_credit(line.text)
                assert match is not None
                caption_text = line.text[: match.start()].strip() or None
                alt = self._adjacent_text_above(index)
                if alt is not None and _is_heading_like(alt.text):
                    alt.claimed = True
                else:
                    alt = None
                self.images.append(
                    Image(caption=caption_text, credit=line.value, alt=alt.text if alt else None)
                )
            elif line.kind == "caption":
                caption_text = line.value or None
                below = self.lines[index + 1] if index + 1 < len(self.lines) else None
                if (
                    caption_text is None
                    and below is not None
                    and below.kind == "text"
                    and _words(below.text) <= 60
                ):
                    below.claimed = True  # "Image caption," with the caption on the next line (BBC)
                    caption_text = below.text
                previous = self.lines[index - 1] if index else None
                if (
                    previous is not None
                    and previous.kind == "credit"
                    and self.images
                    and not self.images[-1].caption
                ):
                    self.images[-1] = attrs.evolve(self.images[-1], caption=caption_text)
                else:
                    self.images.append(Image(caption=caption_text))

    def _collect_related(self) -> None:
        for index, line in enumerate(self.lines):
            if line.kind == "related":
                self.related.append(RelatedLink(title=line.value or "", label=line.names[0]))
            elif line.kind == "related_label":
                # "Related:" alone: the titles follow on the next lines, until a blank line.
                follower = index + 1
                while follower < len(self.lines) and not self.lines[follower].blank_before:
                    item = self.lines[follower]
                    if item.kind != "text" or not _is_heading_like(item.text):
                        break
                    item.kind, item.value = "related_item", item.text
                    self.related.append(RelatedLink(title=item.text, label=line.names[0]))
                    follower += 1
                self.boilerplate.append(line.text)

    # -- header ------------------------------------------------------------------------------

    def _content(self, start: int) -> Iterator[tuple[int, _Line]]:
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            if not line.claimed:
                yield index, line

    def _find_title(self) -> int | None:
        """The headline: the first of the headline-like lines that lead up to the first byline,
        date or prose paragraph.

        Taglines and kickers above the headline are cut off by the short section labels or
        chrome between them and the headline; a deck right after the headline stays the lede.
        """
        run: list[int] = []
        for index, line in self._content(0):
            if index > 60 or line.kind in ("byline", "date", "url", "labelled"):
                break
            if line.kind != "text":
                if line.kind == "boilerplate":
                    run = []
                continue  # images and links do not interrupt the run
            if _byline_names(line.text):
                break
            if (
                _words(line.text) >= _MIN_TITLE_WORDS
                and _is_heading_like(line.text)
                and len(line.text) <= 250
            ):
                run.append(index)
            elif _is_prose(line.text):
                break
            else:
                run = []  # a section label: the headline comes after it
        if not run:
            return None
        candidate = run[0]
        self.title = self.lines[candidate].text
        above = self._adjacent_or_previous_text(candidate)
        if above is not None and _words(above.text) < _MIN_TITLE_WORDS:
            self.section = above.text
        return candidate

    def _adjacent_or_previous_text(self, index: int) -> _Line | None:
        """The nearest unclaimed line above `index`, when it is plain text."""
        for above in range(index - 1, -1, -1):
            line = self.lines[above]
            if line.claimed:
                continue
            return line if line.kind == "text" else None
        return None

    def _read_header(self) -> int:
        """Read title, section, bylines, dates, URL and lede; return the index where the body starts.

        The header ends at the second prose paragraph with no byline, date or URL between; a
        single prose paragraph followed by such metadata is the lede.
        """
        title_index = self._find_title()
        start = 0 if title_index is None else title_index + 1
        since_meta: list[int] = []  # text lines seen since the last metadata line
        previous_kind = ""
        for index, line in self._content(start):
            if index - start > _HEADER_LINES:
                break
            names = line.names if line.kind == "byline" else ()
            if line.kind == "text":
                names = _byline_names(line.text)
                if not names and previous_kind == "byline" and _is_byline_tail(line.text):
                    line.kind = "boilerplate"  # "BBC News, Leeds" under "By Samira Chowdhury"
            previous_kind = "byline" if names else line.kind
            if names:
                line.kind = "byline"
                self.authors.extend(n for n in names if n not in self.authors)
            elif line.kind == "date":
                self._take_date(line.text)
            elif line.kind == "url":
                self.url = self.url or line.value
            elif line.kind == "text":
                since_meta.append(index)
                if sum(1 for i in since_meta if _is_prose(self.lines[i].text)) >= 2:
                    return since_meta[0]
                continue
            else:
                continue
            if since_meta:
                prose = [i for i in since_meta if _is_prose(self.lines[i].text)]
                if self.lede is None and len(prose) == 1:
                    self.lede = self.lines[prose[0]].text
                    self.lines[prose[0]].claimed = True  # consumed; never a body paragraph
                since_meta = []
        return since_meta[0] if since_meta else len(self.lines)

    def _take_date(self, text: str) -> None:
        value = parse_date_string(text)
        if value is None:
            return
        is_update = bool(regex.match(r"\s*(?:last\s+)?(?:updated|modified)", text, regex.IGNORECASE))
        if self.published is None or (self._published_is_update and not is_update):
            self.published, self.published_raw = value, text
            self._published_is_update = is_update

    _published_is_update = False

    # -- body --------------------------------------------------------------------------------

    def _read_body(self, start: int) -> None:
        content = [(i, line) for i, line in self._content(0)]
        for position, (index, line) in enumerate(content):
            if line.kind == "text" and index >= start:
                self._body_line(line, content[position + 1 :])
            elif index < start:
                if line.kind in ("boilerplate", "text") and line.text not in (self.title, self.section):
                    self.boilerplate.append(line.text)
            elif (
                line.kind in ("boilerplate", "labelled")
                or line.kind == "byline"
                or line.kind == "date"
                or line.kind == "url"
            ):
                self.boilerplate.append(line.text)

    def _body_line(self, line: _Line, rest: list[tuple[int, _Line]]) -> None:
        text = line.text
        if match := rules.FOOTER_CREDITS.match(text):
            self.boilerplate.append(text)
            if not self.authors:
                self.authors.extend(person_names(match["names"]))
            return
        if self.body and self.body[-1][1] == "paragraph" and not line.blank_before and text[:1].islower():
            # A paragraph hard-wrapped over several lines.
            self.body[-1] = (self.body[-1][0] + " " + text, "paragraph")
            return
        wrapped = bool(rest) and not rest[0][1].blank_before and rest[0][1].text[:1].islower()
        if wrapped or not _is_heading_like(text):
            self.body.append((text, "paragraph"))
            return
        # A short line is a subheading only when body prose follows it; otherwise it is a
        # teaser, a video title or a link list entry.
        following = next((other for _, other in rest if other.kind == "text"), None)
        if following is not None and not _is_heading_like(following.text):
            self.body.append((text, "heading"))
        else:
            self.boilerplate.append(text)

    def _read_footer_fields(self) -> None:
        for line in self.lines:
            if line.kind != "labelled" or line.value is None:
                continue
            label = line.names[0]
            if label == "date" and self.published is None:
                self._take_date(line.value)
            elif label in ("author", "authors") and not self.authors:
                self.authors.extend(person_names(line.value))
            elif label == "permalink" and self.url is None and line.value.startswith("http"):
                self.url = line.value


@hookimpl
def newsparse_register_readers(register: ReaderRegistrar) -> None:
    register(PageReader())
