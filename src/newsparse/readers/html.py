"""The ``html`` reader: a news page's HTML, read with trafilatura (extra ``newsparse[html]``).

trafilatura removes the boilerplate and reads the page's metadata; newsparse does not write
its own HTML cleaner. This reader maps trafilatura's result into the `Article` model:

* ``text`` is the headline, then the body blocks trafilatura kept (paragraphs, subheadings,
  list items, quotes, table rows) in page order, separated by blank lines;
* ``title`` is the visible headline (the ``<h1>``), else the metadata title without its
  " | Site name" part; ``authors`` come from the visible byline, else from the metadata, without
  job titles, outlets or "Staff" (see `newsparse.readers.html_meta`);
* ``published`` is trafilatura's (htmldate's) publication day, given its time of day when the
  page states one for that day; ``published_raw`` is the string the page wrote;
* ``images`` are the article's captioned ``<figure>``s (caption, credit, alt text);
* ``lede`` is the first body paragraph when it is the page's description (standfirst).

trafilatura is imported on first use, so ``import newsparse`` stays light; without it,
reading HTML raises a `ParseError` that says what to install.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from types import ModuleType
from typing import Any

import attrs
import regex

from newsparse.errors import ParseError
from newsparse.hookspecs import hookimpl
from newsparse.model import Article, ParagraphKind, paragraphs_from_blocks
from newsparse.readers import html_meta
from newsparse.readers.decode import looks_like_html
from newsparse.text.language import guess_language
from newsparse.typing import ReaderRegistrar

__all__ = ["INSTALL_HINT", "HtmlReader"]

logger = logging.getLogger(__name__)

INSTALL_HINT = 'pip install "newsparse[html]"'

_SNIFF_CHARS = 4096
_TAG = regex.compile(
    r"<(?:p|div|span|a|h[1-6]|article|section|br|img|table|li|ul|script|meta|link)\b", regex.I
)
_SPACE = regex.compile(r"[^\S\n]+")
_BLANK_LINES = regex.compile(r"\s*\n\s*")
_LANG = regex.compile(r"^(?P<code>[a-zA-Z]{2})(?:[-_]|$)")


@functools.lru_cache(maxsize=1)
def _trafilatura() -> ModuleType:
    try:
        import trafilatura
    except ImportError as exc:
        raise ParseError(f"reading HTML needs trafilatura, which is not installed: {INSTALL_HINT}") from exc
    return trafilatura


def _inline_text(element: Any) -> str:
    """An element's text with line breaks (``<lb/>``) kept and other whitespace collapsed."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag != "graphic":
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    text = _SPACE.sub(" ", "".join(parts))
    return _BLANK_LINES.sub("\n", text).strip()


def _blocks(body: Any) -> list[tuple[str, ParagraphKind]]:
    """The body's blocks in order, from trafilatura's XML tree."""
    blocks: list[tuple[str, ParagraphKind]] = []

    def add(text: str, kind: ParagraphKind = "paragraph") -> None:
        if text:
            blocks.append((text, kind))

    for element in body:
        tag = element.tag
        if tag == "head":
            add(_inline_text(element), "heading")
        elif tag == "list":
            for item in element.iter("item"):
                add(_inline_text(item))
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_inline_text(cell) for cell in row.iter("cell")]
                add(" | ".join(cell for cell in cells if cell))
        elif tag == "quote" and len(element) and all(child.tag == "p" for child in element):
            for paragraph in element:
                add(_inline_text(paragraph))
        elif tag != "graphic":
            add(_inline_text(element))
    return blocks


@functools.lru_cache(maxsize=1)
def _html_parser() -> Any:
    from lxml.html import HTMLParser

    # huge_tree: libxml2 otherwise stops at a text node over 10 MB (an inline script or data
    # blob) and silently drops the rest of the page.
    return HTMLParser(
        huge_tree=True, remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
    )


def _parse_html(source: str, trafilatura: ModuleType) -> Any:
    """The page's lxml tree; trafilatura's own loader (which repairs odd markup) as the fallback."""
    from lxml.html import document_fromstring

    tree = None
    try:
        tree = document_fromstring(source, parser=_html_parser())
    except ValueError:
        # "Unicode strings with encoding declaration are not supported" (XHTML's <?xml ...?>).
        try:
            tree = document_fromstring(source.encode("utf-8"), parser=_html_parser())
        except Exception:  # lxml's many parse errors: let trafilatura try
            tree = None
    except Exception:  # lxml's many parse errors: let trafilatura try
        tree = None
    if tree is None or len(tree) == 0:
        try:
            tree = trafilatura.load_html(source)
        except (ValueError, TypeError) as exc:
            raise ParseError(f"cannot parse the HTML: {exc}") from exc
    return tree


#: Pages longer than this skip htmldate's search of the whole page text for dates (regexes
#: over every character: about 15 s for a 20 MB page); markup and metadata are still read.
_EXTENSIVE_DATE_SEARCH_CHARS = 2_000_000


def _date_params(size: int) -> dict[str, Any]:
    # trafilatura's defaults (original date, no date after today), with the search bounded.
    return {
        "original_date": True,
        "extensive_search": size <= _EXTENSIVE_DATE_SEARCH_CHARS,
        "max_date": dt.date.today().isoformat(),
    }


def _same_text(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@attrs.frozen
class HtmlReader:
    """Reads an HTML page with trafilatura and maps it into an `Article` (see the module docstring).

    Attributes:
        name: the ``format=`` value.
        favor: ``balanced`` (trafilatura's default), ``precision`` or ``recall``.
        max_elements: pages with more HTML elements are refused with a `ParseError`. News pages
            have a few thousand (NAEB's largest: about 5,000); trafilatura's time grows with the
            element count, to about a minute for a 20 MB page of paragraphs.
    """

    name: str = "html"
    favor: str = "balanced"
    max_elements: int = 100_000

    def sniff(self, source: str) -> float:
        """Sure for a document that starts like HTML; fairly sure for text full of tags."""
        head = source[:_SNIFF_CHARS]
        if looks_like_html(head):
            return 0.95
        if head.lstrip().startswith("<") and len(_TAG.findall(head)) >= 5:
            return 0.7
        return 0.0

    def read(
        self,
        source: str,
        *,
        url: str | None = None,
        published: dt.date | dt.datetime | None = None,
    ) -> Article:
        trafilatura = _trafilatura()
        if not source.strip():
            raise ParseError("empty input: the HTML page is empty")
        tree = _parse_html(source, trafilatura)
        if tree is None:
            raise ParseError("not an HTML document (the parser found no page structure)")
        elements = sum(1 for _ in tree.iter())
        if elements > self.max_elements:
            raise ParseError(
                f"the HTML page has {elements:,} elements, over the html reader's limit of "
                f"{self.max_elements:,} (news pages have a few thousand)"
            )
        try:
            document = trafilatura.bare_extraction(
                tree,
                url=url,
                with_metadata=True,
                include_comments=False,
                # trafilatura's image mode changes which text it keeps (adbar/trafilatura#194):
                # captions come from the page's <figure>s instead.
                include_images=False,
                include_tables=True,
                favor_precision=self.favor == "precision",
                favor_recall=self.favor == "recall",
                date_extraction_params=_date_params(len(source)),
            )
        except Exception as exc:  # trafilatura's own failures on odd pages are the page's problem
            logger.debug("trafilatura failed", exc_info=True)
            raise ParseError(f"trafilatura could not read the page: {type(exc).__name__}: {exc}") from exc
        return self._article(tree, document, url=url, published=published)

    def _article(
        self, tree: Any, document: Any, *, url: str | None, published: dt.date | dt.datetime | None
    ) -> Article:
        meta_title = getattr(document, "title", None)
        site = getattr(document, "sitename", None)
        host = getattr(document, "hostname", None)
        title = html_meta.visible_headline(tree, meta_title) or html_meta.clean_title(
            meta_title, site=site, host=host
        )

        body = getattr(document, "body", None)
        blocks = _blocks(body) if body is not None else []
        # trafilatura sometimes keeps the headline as the body's first block, or as its first line.
        if blocks and title:
            first, kind = blocks[0]
            if _same_text(first, title):
                blocks.pop(0)
            elif first.startswith(title + "\n"):
                blocks[0] = (first[len(title) + 1 :].strip(), kind)
        if not blocks and not title:
            raise ParseError("no article text found in the HTML page")

        description = getattr(document, "description", None)
        lede = None
        if blocks and blocks[0][1] == "paragraph" and _same_text(blocks[0][0], description):
            lede = blocks[0][0]
            blocks[0] = (lede, "lede")

        authors, foreign_names = html_meta.visible_byline(tree)
        if not authors:
            authors = html_meta.authors_from_metadata(
                getattr(document, "author", None),
                exclude=html_meta.publishers(tree, site) | foreign_names,
            )

        published_raw: str | None = None
        page_day = _day(getattr(document, "date", None))
        page_published: dt.date | dt.datetime | None = page_day
        if page_day is not None:
            raw = html_meta.raw_published(tree, page_day)
            if raw is not None:
                page_published, published_raw = raw
            else:
                published_raw = document.date

        all_blocks: list[tuple[str, ParagraphKind]] = [(title, "title")] if title else []
        all_blocks.extend(blocks)
        text, paragraphs = paragraphs_from_blocks(all_blocks)
        return Article(
            text=text,
            title=title,
            section=html_meta.section_of(tree, getattr(document, "categories", None)),
            authors=list(authors),
            published=published or page_published,
            published_raw=published_raw,
            url=url or getattr(document, "url", None),
            lede=lede,
            paragraphs=paragraphs,
            images=html_meta.figures(tree),
            language=_language(tree) or guess_language(text),
            reader=self.name,
        )


def _language(tree: Any) -> str | None:
    """The two-letter code of ``<html lang="...">``, when the page declares one."""
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    match = _LANG.match((root.get("lang") or "").strip())
    return match["code"].lower() if match else None


@hookimpl
def newsparse_register_readers(register: ReaderRegistrar) -> None:
    register(HtmlReader())
