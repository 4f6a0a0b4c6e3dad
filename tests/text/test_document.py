"""The Document API the extractors build on: look-ups by offset, side documents, invariants."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse.model import Article, Image, Paragraph, RelatedLink
from newsparse.text import Document

STORY = (
    "Kremlin spokesman Ivan Sokolov said on Monday the talks would resume. "
    '"We are ready," he told reporters in Moscow.'
)


def test_lookups_by_offset() -> None:
    document = Document(STORY)
    start = STORY.index("he told")
    pronoun = document.mention_at(start, start + 2)
    assert pronoun is not None
    assert pronoun.kind == "pronoun"
    assert pronoun.speech_verb == "tell"
    entity = document.resolve(pronoun)
    assert entity is not None
    assert entity.name == "Ivan Sokolov"
    assert document.entity_at(start, start + 2) == entity
    assert pronoun.antecedent is not None
    assert document.mentions[pronoun.antecedent].text == "Ivan Sokolov"
    first_sentence = document.sentences[0]
    inside = document.mentions_between(first_sentence.start, first_sentence.end)
    assert [m.text for m in inside] == ["Kremlin", "Ivan Sokolov"]
    name = inside[1]
    assert (name.role, name.role_noun, name.country) == ("Kremlin spokesman", "spokesman", "Russia")
    assert STORY[name.outer_start : name.outer_end] == "Kremlin spokesman Ivan Sokolov"
    assert document.entity_named("sokolov") == entity
    assert document.entity_named("Nobody") is None


def test_sentences_blocks_and_tokens() -> None:
    document = Document("Title here\n\nFirst one. Second one.")
    assert [s.text for s in document.sentences] == ["Title here", "First one.", "Second one."]
    assert [s.paragraph for s in document.sentences] == [0, 1, 1]
    assert document.sentence_at(document.text.index("Second")) == document.sentences[2]
    assert document.sentence_at(10) is None  # between blocks
    assert [t.text for t in document.tokens[:3]] == ["Title", "here", "First"]
    assert document.sentences_between(0, 14) == document.sentences[:2]


def test_article_document_uses_paragraph_kinds_and_side_documents() -> None:
    text = "Putin meets Erdogan\n\nRussian President Vladimir Putin met Erdogan on Thursday."
    article = Article(
        text=text,
        published=dt.datetime(2020, 3, 5, 12, 0),
        paragraphs=(
            Paragraph(start=0, end=19, kind="title", text=text[0:19]),
            Paragraph(start=21, end=len(text), kind="paragraph", text=text[21:]),
        ),
        images=(Image(caption="Vladimir Putin in Sochi"),),
        related=(
            RelatedLink(title="Will the EU-Turkey refugee deal collapse?"),
            RelatedLink(title="Opinion: Erdogan, Putin and the limits of friendship"),
        ),
    )
    document = Document.of(article)
    assert document.published == dt.date(2020, 3, 5)
    assert document.sentences[0].kind == "title"
    sides = document.side_documents()
    assert [s.field for s in sides] == ["related[0].title", "related[1].title", "images[0].caption"]
    assert [m.text for m in sides[2].mentions] == ["Vladimir Putin", "Sochi"]
    assert [m.text for m in sides[0].mentions] == ["EU", "Turkey"]  # no "refugee" nominal
    # "Erdogan" opens a clause in a short title: known from the main text, it is still a name.
    assert [m.text for m in sides[1].mentions] == ["Erdogan", "Putin"]


def test_parse_builds_the_same_document_for_the_seed(seed_text: str) -> None:
    article = newsparse.parse(seed_text)
    document = Document.of(article)
    for mention in document.mentions:
        assert article.text[mention.start : mention.end] == mention.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_gives_valid_spans(text: str) -> None:
    document = Document(text)
    for sentence in document.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text
    for mention in document.mentions:
        assert text[mention.start : mention.end] == mention.text
        if mention.entity is not None:
            assert mention.entity < len(document.entities)
    for token in document.tokens:
        assert text[token.start : token.end] == token.text
    for sentence in document.sentences:
        assert document.tense_at(sentence.start) in {"past", "present", "future", "conditional", "unknown"}


NEWSY = st.lists(
    st.sampled_from(
        [
            "Turkish President Recep Tayyip Erdogan",
            "Erdogan",
            "he",
            "she",
            "the expert",
            "said",
            "told reporters",
            ",",
            ".",
            '"',
            "Mr.",
            "U.S.",
            "the Syrian army",
            "Achmetow",
            "Timur Akhmetov, an expert with the Council (RSMD),",
            "\n\n",
            "Thursday",
            "will meet",
        ]
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(NEWSY)
def test_news_like_noise_keeps_the_invariants(text: str) -> None:
    document = Document(text)
    for mention in document.mentions:
        assert text[mention.start : mention.end] == mention.text
        if mention.role is not None:
            assert text[mention.role_start : mention.role_end] == mention.role
        if mention.antecedent is not None:
            assert document.mentions[mention.antecedent].entity == mention.entity
    for entity in document.entities:
        assert entity.mentions
        assert all(document.mentions[m].entity == entity.id for m in entity.mentions)


def test_tokens_keep_words_with_soft_hyphens_whole_and_skip_zero_width_spaces() -> None:
    text = "\ufeffThe Wilkins\u00adburg police\u200bsaid so."
    document = Document(text)
    assert [t.text for t in document.tokens] == ["The", "Wilkins\u00adburg", "police", "said", "so", "."]
    assert all(text[t.start : t.end] == t.text for t in document.tokens)
