"""What an HTML page says about its article besides the body: headline, byline, date, section.

trafilatura finds the body and the page's metadata (``<meta>``, JSON-LD, ``<title>``); this
module reads the *visible* page where that metadata is known to go wrong:

* the title: the visible headline (the page's ``<h1>``) rather than ``og:title``/``<title>``,
  which carry " | Site name" suffixes and SEO rewrites;
* the authors: the visible byline rather than JSON-LD ``author``, which names publishers
  ("Condé Nast"), comment authors and staff accounts;
* the raw publication date as the page writes it, beside trafilatura's normalised day.

Everything works on an lxml tree parsed once by the reader. No rule names a site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

import regex

from newsparse.model import Image
from newsparse.readers import page_rules
from newsparse.readers.page import person_names
from newsparse.text.datestrings import parse_date_string

__all__ = [
    "authors_from_metadata",
    "clean_title",
    "figures",
    "publishers",
    "raw_published",
    "section_of",
    "visible_byline",
    "visible_headline",
]

_SPACE = regex.compile(r"\s+")
#: " | Site", " - Site", " — Site", " :: Site", " · Site" (and the same as a prefix).
_TITLE_SEPARATOR = regex.compile(r"\s+(?:[|·•:]{1,2}|[-–—])\s+")
#: Title parts longer than this are headline text, never a site or section name.
_MAX_SITE_WORDS = 6
#: A headline has at least this many characters; shorter <h1>s are logos and section names.
_MIN_HEADLINE_CHARS = 12
_MAX_HEADLINE_CHARS = 400

#: Tags that are never a visible byline even when their attributes say "author".
_NOT_BYLINE_TAGS = frozenset({"meta", "link", "script", "style", "noscript", "template"})
#: Containers whose bylines belong to other articles or to comments.
_FOREIGN = regex.compile(
    r"comment|related|recirc|promo|teaser|sidebar|newsletter|footer|bio\b|card|caption|credit|photo|image|media",
    regex.I,
)
_MAX_BYLINE_CHARS = 160
_MAX_AUTHORS = 6
#: Where a byline's names end: dates, "Published", "Updated", a pipe, an e-mail label.
_BYLINE_END = regex.compile(
    r"\s*(?:\||•|·|\bpublished\b|\bupdated\b|\bposted\b|\bfollow\b|\be-?mail\b|\bcontact\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|\d+\s+(?:min|minutes?|hours?|days?)\b).*$",
    regex.I | regex.S,
)
_NOT_A_PERSON = regex.compile(r"(?:^the\s|\bwww\b|\.com\b|\bcom$|https?:|@|\d)", regex.I)
#: Words of outlet and agency names that follow a name in bylines ("Jane Doe, USA TODAY"),
#: beyond the role and outlet words the page reader already knows.
_OUTLET_WORDS = frozenset(
    [
        "today",
        "fox",
        "report",
        "xpress",
        "media",
        "magazine",
        "staff",
        "insider",
        "tribune",
        "herald",
        "daily",
        "weekly",
        "network",
        "group",
        "images",
        "getty",
        "photo",
        "photos",
        "photographer",
        "contributing",
    ]
)

_RAW_DATE_XPATHS = (
    ".//meta[@property='article:published_time']/@content",
    ".//meta[@itemprop='datePublished']/@content",
    ".//*[@itemprop='datePublished']/@datetime",
    ".//*[@itemprop='datePublished']/@content",
    ".//meta[@name='pubdate' or @name='publishdate' or @name='publish-date' or @name='date'"
    " or @name='dc.date' or @name='DC.date.issued' or @name='sailthru.date'"
    " or @name='parsely-pub-date']/@content",
    ".//time[@datetime]/@datetime",
)
_JSONLD_PUBLISHER = regex.compile(r'"publisher"\s*:\s*\{[^{}]{0,400}?"name"\s*:\s*"(?P<value>[^"]{2,80})"')
_JSONLD_PUBLISHED = regex.compile(r'"datePublished"\s*:\s*"(?P<value>[^"]{6,40})"')
_SECTION_XPATHS = (
    ".//meta[@property='article:section']/@content",
    ".//meta[@name='section' or @name='article:section' or @name='parsely-section']/@content",
)


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _words(text: str) -> int:
    return len(text.split())


def _tokens(text: str) -> set[str]:
    return set(regex.findall(r"\w+", text.lower()))


def _similar(a: str, b: str) -> float:
    """Share of the shorter string's words found in the other (0..1)."""
    first, second = _tokens(a), _tokens(b)
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def clean_title(title: str | None, *, site: str | None = None, host: str | None = None) -> str | None:
    """A ``<title>``/``og:title`` without its " | Site name" (or "Site - ") part.

    A part is the site's when it names the site or the host; short parts right before a trailing
    site name are sections ("Story | News | The Crimson"). With no site name known, one short
    trailing part after a much longer headline is taken for the site.
    """
    if not title:
        return None
    title = _squash(title)
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    names = {_squash(name).lower() for name in (site, host) if name}
    host_word = (host or "").lower().removeprefix("www.").split(".")[0]

    def is_site(part: str) -> bool:
        low = part.lower()
        return low in names or bool(host_word and low.replace(" ", "").startswith(host_word))

    dropped_site = False
    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
        dropped_site = True
    while dropped_site and len(parts) > 1 and _words(parts[-1]) <= 3 and len(parts[-1]) < len(parts[0]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
        dropped_site = True
    if not dropped_site and len(parts) > 1:
        rest = " ".join(parts[:-1])
        if _words(parts[-1]) <= 4 and _words(rest) >= 2 * _words(parts[-1]) + 2:
            parts.pop()
    # Cut the original string, so the separators inside the headline stay as printed.
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end] if 0 <= start < end else " ".join(parts)


def visible_headline(tree: Any, metadata_title: str | None) -> str | None:
    """The page's printed headline: the ``<h1>`` most like the metadata title.

    A page with one real ``<h1>`` prints its headline there; several ``<h1>``s (logos, section
    names, list items) are told apart by their likeness to the metadata title.
    """
    candidates = []
    for element in tree.iter("h1"):
        text = _squash(element.text_content())
        if _MIN_HEADLINE_CHARS <= len(text) <= _MAX_HEADLINE_CHARS and _words(text) >= 2:
            candidates.append(text)
    if not candidates:
        return None
    if len(candidates) == 1 or not metadata_title:
        return candidates[0]
    best = max(candidates, key=lambda text: _similar(text, metadata_title))
    return best if _similar(best, metadata_title) >= 0.5 else candidates[0]


#: Comment sections: a name in their bylines is a reader, not this article's author
#: (adbar/trafilatura#92). Related-story blocks are not counted: they often list the
#: author's other stories under the same name.
#: Only a class or id that starts with the word counts ("comments", "comment-author", not
#: "enable-comments" on the page's wrapper).
_OTHERS = regex.compile(r"(?:^|\s)comments?\b", regex.I)


def _inside_others(element: Any) -> bool:
    for ancestor in element.iterancestors():
        marks = f"{ancestor.get('class', '')} {ancestor.get('id', '')}"
        if marks.strip() and _OTHERS.search(marks):
            return True
    return False


def _inside_foreign(element: Any) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in ("footer", "aside", "nav"):
            return True
        marks = f"{ancestor.get('class', '')} {ancestor.get('id', '')}"
        if marks.strip() and _FOREIGN.search(marks):
            return True
    return False


def _names_in(text: str) -> list[str]:
    lead = page_rules.BYLINE_LEAD.match(text)
    if lead:
        text = lead["names"]
    text = _BYLINE_END.sub("", text)
    names = []
    for name in person_names(text):
        words = name.split()
        while words and words[-1].lower() in _OUTLET_WORDS:
            words.pop()
        if len(words) >= 2 and not _NOT_A_PERSON.search(name):
            names.append(" ".join(words))
    return names


def _byline_names(element: Any) -> list[str]:
    """Names in a byline element: each name sits in its own child element when markup is kind
    ("By <a>Jane Doe</a> <span>CNN</span>"), so pieces are read one by one first."""
    pieces = [_squash(piece) for piece in element.itertext()]
    text = _squash(" ".join(pieces))
    if not text or len(text) > _MAX_BYLINE_CHARS:
        return []
    names = [name for piece in pieces if piece for name in _names_in(piece)]
    return names or _names_in(text)


def _scopes(tree: Any) -> Iterator[Any]:
    """Where to look for the byline: the article, then the main part, then the whole page."""
    for tag in ("article", "main"):
        for element in tree.iter(tag):
            yield element
            break
    yield tree


def _byline_kind(element: Any) -> int | None:
    """How much an element looks like a byline: 0 (rel=author) to 3 (class mentions author)."""
    if element.get("rel") == "author":
        return 0
    classes = (element.get("class") or "").lower()
    if "byline" in classes or "byline" in (element.get("id") or "").lower():
        return 1
    if element.get("itemprop") == "author":
        return 2
    if "author" in classes:
        return 3
    return None


def visible_byline(tree: Any) -> tuple[tuple[str, ...], frozenset[str]]:
    """Author names from the article's byline, and names seen in bylines that are not the article's.

    The byline is the first element of the most trusted kind that holds a name; names in
    elements of the same kind next to it (under the same parent) are co-authors. Bylines in
    comments, captions, teasers and asides are not the article's: their names are returned
    apart, so that metadata naming them can be refused too.
    """
    foreign: set[str] = set()
    for scope in _scopes(tree):
        # One pass over the scope, sorting candidates by kind (document order kept within each).
        kinds: list[list[Any]] = [[], [], [], []]
        for element in scope.iter():
            if isinstance(element.tag, str) and element.tag not in _NOT_BYLINE_TAGS:
                kind = _byline_kind(element)
                if kind is not None:
                    kinds[kind].append(element)
        for candidates in kinds:
            names: list[str] = []
            parent = None
            for element in candidates:
                if _inside_foreign(element):
                    if _inside_others(element):
                        foreign.update(name.lower() for name in _byline_names(element))
                    continue
                if parent is not None and not any(a is parent for a in element.iterancestors()):
                    continue
                found = _byline_names(element)
                if found and parent is None:
                    parent = element.getparent()
                names.extend(found)
            if names:
                return tuple(dict.fromkeys(names))[:_MAX_AUTHORS], frozenset(foreign)
    return (), frozenset(foreign)


def publishers(tree: Any, site: str | None) -> set[str]:
    """Names of the outlet (JSON-LD ``publisher``, ``og:site_name``, the site name), lower-cased."""
    names = {site.lower()} if site else set()
    names.update(
        value.lower() for value in _strings(tree.xpath(".//meta[@property='og:site_name']/@content"))
    )
    for script in tree.xpath(".//script[@type='application/ld+json']/text()"):
        names.update(match["value"].lower() for match in _JSONLD_PUBLISHER.finditer(str(script)[:200_000]))
    return names


def authors_from_metadata(author: str | None, *, exclude: set[str] = frozenset()) -> tuple[str, ...]:  # type: ignore[assignment]
    """Names from trafilatura's ``author`` string ("Jane Doe; John Smith"), without roles or outlets.

    Names in `exclude` (lower-cased: the publisher's names) are left out.
    """
    if not author:
        return ()
    names: list[str] = []
    for part in author.split(";"):
        if part.strip().lower() in exclude:
            continue
        names.extend(name for name in _names_in(part) if name.lower() not in exclude)
    return tuple(dict.fromkeys(names))


def _strings(values: Iterable[Any]) -> Iterator[str]:
    for value in values:
        text = _squash(str(value))
        if text:
            yield text


def raw_published(tree: Any, day: dt.date | None) -> tuple[dt.date | dt.datetime, str] | None:
    """The publication date as the page writes it, when it falls on `day` (or on any day if None).

    Returns the parsed value (a datetime when the page gives a time) and the raw string.
    """
    found: list[str] = []
    for xpath in _RAW_DATE_XPATHS:
        found.extend(_strings(tree.xpath(xpath)))
    for script in tree.xpath(".//script[@type='application/ld+json']/text()"):
        found.extend(match["value"] for match in _JSONLD_PUBLISHED.finditer(str(script)[:200_000]))
    for raw in found:
        value = parse_date_string(raw)
        if value is None:
            continue
        value_day = value.date() if isinstance(value, dt.datetime) else value
        if day is None or value_day == day:
            return value, raw
    return None


def section_of(tree: Any, categories: Iterable[str] | None) -> str | None:
    """The site section: ``article:section`` and its kin, else trafilatura's first category."""
    for xpath in _SECTION_XPATHS:
        for value in _strings(tree.xpath(xpath)):
            if _words(value) <= _MAX_SITE_WORDS:
                return value
    for value in _strings(categories or ()):
        if _words(value) <= _MAX_SITE_WORDS:
            return value
    return None


_CREDIT_CLASS = regex.compile(r"credit|copyright|source|byline", regex.I)
_MAX_FIGURES = 50


def figures(tree: Any) -> tuple[Image, ...]:
    """Captioned pictures of the article: ``<figure>`` with ``<figcaption>`` in the article's scope.

    trafilatura's own image output changes the text it extracts (and lowers body accuracy), so
    captions are read from the page's figures instead. A credit is a caption child whose class
    says so ("credit", "copyright", "source").
    """
    scope = next(_scopes(tree))
    images: list[Image] = []
    for figure in scope.iter("figure"):
        if _inside_foreign(figure):
            continue
        caption_element = next(figure.iter("figcaption"), None)
        if caption_element is None:
            continue
        credit = None
        credit_parts = []
        for element in caption_element.iter():
            if element is not caption_element and _CREDIT_CLASS.search(element.get("class", "")):
                credit_parts.append(_squash(" ".join(element.itertext())))
        if credit_parts:
            credit = " ".join(part for part in credit_parts if part) or None
        caption = _squash(" ".join(caption_element.itertext()))
        if credit and caption.endswith(credit):
            caption = caption[: -len(credit)].rstrip(" -–—|")
        alt = next((_squash(img.get("alt", "")) for img in figure.iter("img") if img.get("alt")), None)
        if caption or credit:
            images.append(Image(caption=caption or None, credit=credit, alt=alt if alt != caption else None))
        if len(images) >= _MAX_FIGURES:
            break
    return tuple(images)
