"""`Document`: the shared analysis of one text, computed lazily and at most once.

The pipeline builds one `Document` per article and hands it to every extractor. Each property
is computed on first use and cached, so an article whose extractors never ask for names never
pays for them. Extractors must use it instead of re-splitting sentences or re-finding names.

Text that is not part of `Article.text` (captions, related-link titles) gets its own small
documents from `side_documents()`; findings in them carry the field name in `Finding.field`.
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import cached_property
from typing import TYPE_CHECKING

import attrs

from newsparse.text.coref import resolve
from newsparse.text.lexicon import fold
from newsparse.text.names import Entity, Mention, find_mentions
from newsparse.text.numbers import NumberPhrase, find_numbers
from newsparse.text.sentences import split_sentences
from newsparse.text.tense import Tense, clause_tense, tense_of
from newsparse.text.tokens import Token, TokenSequence, token_columns

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsparse.model import Article, ParagraphKind

__all__ = ["Block", "Document", "Entity", "Mention", "Sentence", "Token"]


@attrs.frozen(kw_only=True)
class Block:
    """A paragraph-level block of the document's text."""

    start: int
    """Offset of the block."""

    end: int
    """Offset one past the block."""

    kind: ParagraphKind = "paragraph"
    """``title``, ``lede``, ``heading`` or ``paragraph``."""


@attrs.frozen(kw_only=True)
class Sentence:
    """One sentence (or heading) of the text."""

    index: int
    """Position in `Document.sentences`."""

    start: int
    """Offset of the sentence's first character."""

    end: int
    """Offset one past its last character."""

    text: str
    """The sentence as written."""

    paragraph: int
    """Index of the block (`Document.blocks`) it belongs to."""

    kind: ParagraphKind = "paragraph"
    """The kind of that block: sentences of titles and headings are not full sentences."""


class Document:
    """The analysis of one text.

    Args:
        text: the text to analyse (normally ``article.text``).
        article: the article it belongs to, for paragraph structure and the publication date.
        field: which article field `text` is (``text``, ``related[0].title``, ...).
    """

    def __init__(
        self,
        text: str,
        *,
        article: Article | None = None,
        field: str = "text",
        known_names: frozenset[str] = frozenset(),
    ) -> None:
        self.text = text
        self.article = article
        self.field = field
        # Name words known from the article's main text, so that a caption or a link title (few
        # words, often in headline case) still recognises "Erdogan" without context.
        self.known_names = known_names

    @classmethod
    def of(cls, article: Article) -> Document:
        """The document for an article's main text."""
        return cls(article.text, article=article)

    @property
    def published(self) -> dt.date | None:
        """The publication day, the anchor for relative dates (None when unknown)."""
        value = self.article.published if self.article is not None else None
        if isinstance(value, dt.datetime):
            return value.date()
        return value

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        """Paragraph-level blocks: the article's paragraphs, or blank-line separated blocks."""
        if self.article is not None and self.field == "text" and self.article.paragraphs:
            return tuple(Block(start=p.start, end=p.end, kind=p.kind) for p in self.article.paragraphs)
        from newsparse.readers.plain import split_paragraphs

        return tuple(Block(start=p.start, end=p.end) for p in split_paragraphs(self.text))

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Sentences in order; titles and headings are single sentences of their own kind."""
        sentences: list[Sentence] = []
        for block_index, block in enumerate(self.blocks):
            if block.kind in ("title", "heading"):
                spans = [(block.start, block.end)]
            else:
                spans = split_sentences(self.text, [(block.start, block.end)])
            for start, end in spans:
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        start=start,
                        end=end,
                        text=self.text[start:end],
                        paragraph=block_index,
                        kind=block.kind,
                    )
                )
        return tuple(sentences)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing `offset`, or None when it falls between sentences."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index < 0:
            return None
        sentence = self.sentences[index]
        return sentence if offset < sentence.end else None

    def sentences_between(self, start: int, end: int) -> tuple[Sentence, ...]:
        """Sentences overlapping ``[start, end)``."""
        first = max(0, bisect.bisect_right(self._sentence_starts, start) - 1)
        last = bisect.bisect_left(self._sentence_starts, end)
        return tuple(s for s in self.sentences[first:last] if s.end > start)

    @cached_property
    def numbers(self) -> tuple[NumberPhrase, ...]:
        """Every number phrase, with its interval."""
        return tuple(find_numbers(self.text))

    def numbers_between(self, start: int, end: int) -> tuple[NumberPhrase, ...]:
        """Number phrases inside ``[start, end)``."""
        starts = [n.start for n in self.numbers]
        first = bisect.bisect_left(starts, start)
        return tuple(n for n in self.numbers[first:] if n.start < end and n.end <= end)

    @cached_property
    def _token_columns(self) -> tuple[list[int], list[int], list[str]]:
        return token_columns(self.text)

    @cached_property
    def tokens(self) -> TokenSequence:
        """Words and punctuation marks with offsets (see `newsparse.text.tokens`): a read-only
        sequence of `Token` (start, end, text) tuples, made as they are read."""
        return TokenSequence(*self._token_columns)

    @cached_property
    def _analysis(self) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
        sentences = [(s.start, s.end, s.kind) for s in self.sentences]
        drafts = find_mentions(self.text, sentences, self.known_names, self._token_columns)
        return resolve(self.text, drafts)

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Mentions of people, organisations and places (names, nominals, pronouns), in text order.

        A name mention covers the name only; its title or apposition is in `Mention.role` with
        its own span. See `newsparse.text.names` for the rules.
        """
        return self._analysis[0]

    @property
    def entities(self) -> tuple[Entity, ...]:
        """The entities the mentions refer to, in order of first mention, each with its fullest
        name, aliases, roles, gender and country (see `newsparse.text.coref`)."""
        return self._analysis[1]

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    def mentions_between(self, start: int, end: int) -> tuple[Mention, ...]:
        """Mentions lying entirely inside ``[start, end)``, in text order."""
        first = bisect.bisect_left(self._mention_starts, start)
        last = bisect.bisect_left(self._mention_starts, end)
        return tuple(m for m in self.mentions[first:last] if m.end <= end)

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping ``[start, end)`` the most (the earliest on a tie), or None."""
        best: Mention | None = None
        best_overlap = 0
        for mention, overlap in self._overlapping(start, end):
            if overlap > best_overlap:
                best, best_overlap = mention, overlap
        return best

    def _overlapping(self, start: int, end: int) -> Iterator[tuple[Mention, int]]:
        """Mentions near ``[start, end)`` in text order with their overlap (<= 0: none). Looks a few
        mentions back (one may start before `start` and run into the span) and never copies the list."""
        mentions = self.mentions
        for index in range(max(0, bisect.bisect_left(self._mention_starts, start) - 8), len(mentions)):
            mention = mentions[index]
            if mention.start >= end:
                return
            yield mention, min(end, mention.end) - max(start, mention.start)

    def resolve(self, mention: Mention) -> Entity | None:
        """The entity a mention refers to (pronouns and nominals included, when resolved)."""
        return None if mention.entity is None else self.entities[mention.entity]

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity of the resolved mention overlapping ``[start, end)`` the most, or None.

        Pass a speaker span ("he", "the expert", "Achmetow") to get the person with the fullest name.
        """
        best: Entity | None = None
        best_overlap = 0
        for mention, overlap in self._overlapping(start, end):
            if overlap > best_overlap and mention.entity is not None:
                best, best_overlap = self.entities[mention.entity], overlap
        return best

    def entity_named(self, name: str) -> Entity | None:
        """The first entity one of whose aliases is `name` or ends with it ("Erdogan"), or None."""
        key = fold(name)
        for entity in self.entities:
            if any(fold(alias) == key or fold(alias).endswith(" " + key) for alias in entity.aliases):
                return entity
        return None

    @cached_property
    def _sentence_tenses(self) -> tuple[Tense, ...]:
        return tuple(tense_of(s.text) for s in self.sentences)

    def sentence_tense(self, sentence: Sentence) -> Tense:
        """The tense of a sentence's first verb group ("Erdogan meets Putin ..." -> present)."""
        return self._sentence_tenses[sentence.index]

    def tense_at(self, offset: int) -> Tense:
        """The tense of the clause around `offset`: past, present, future, conditional or unknown.

        "Erdogan, who met Putin last year, will travel to Moscow on Thursday": at "last year" it
        is past, at "Thursday" future. See `newsparse.text.tense` for the rules.
        """
        sentence = self.sentence_at(offset)
        if sentence is None:
            return "unknown"
        return clause_tense(self.text, sentence.start, sentence.end, offset)

    def side_documents(self) -> tuple[Document, ...]:
        """Documents for the article's text outside `Article.text`: related-link titles and captions."""
        if self.article is None or self.field != "text":
            return ()
        if not self.article.related and not self.article.images:
            return ()  # no side texts: don't pay for the main text's names
        known = frozenset(
            fold(word)
            for entity in self.entities
            if entity.named
            for alias in entity.aliases
            for word in alias.split()
        )
        documents = []
        for index, link in enumerate(self.article.related):
            if link.title:
                field = f"related[{index}].title"
                documents.append(Document(link.title, article=self.article, field=field, known_names=known))
        for index, image in enumerate(self.article.images):
            if image.caption:
                field = f"images[{index}].caption"
                documents.append(
                    Document(image.caption, article=self.article, field=field, known_names=known)
                )
        return tuple(documents)
