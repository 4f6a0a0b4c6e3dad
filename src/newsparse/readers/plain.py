"""The ``plain`` reader: the source *is* the article text (``article.text == source``)."""

from __future__ import annotations

import datetime as dt

import attrs
import regex

from newsparse.hookspecs import hookimpl
from newsparse.model import Article, Paragraph
from newsparse.text.language import guess_language
from newsparse.typing import ReaderRegistrar

__all__ = ["PlainReader", "split_paragraphs"]

# A paragraph break is a line that is empty or only whitespace.
_BREAK = regex.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Blank-line separated blocks of `text` with their exact offsets (surrounding whitespace trimmed)."""
    paragraphs = []
    position = 0
    for piece_end, next_start in [(m.start(), m.end()) for m in _BREAK.finditer(text)] + [
        (len(text), len(text))
    ]:
        start, end = position, piece_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            paragraphs.append(Paragraph(start=start, end=end, kind="paragraph", text=text[start:end]))
        position = next_start
    return tuple(paragraphs)


@attrs.frozen
class PlainReader:
    """Takes the source as the article text, unchanged, and finds its paragraphs."""

    name: str = "plain"

    def sniff(self, source: str) -> float:
        """The fallback: any text is plain text, with low confidence."""
        return 0.1

    def read(
        self,
        source: str,
        *,
        url: str | None = None,
        published: dt.date | dt.datetime | None = None,
    ) -> Article:
        return Article(
            text=source,
            url=url,
            published=published,
            paragraphs=split_paragraphs(source),
            language=guess_language(source),
            reader=self.name,
        )


@hookimpl
def newsparse_register_readers(register: ReaderRegistrar) -> None:
    register(PlainReader())
