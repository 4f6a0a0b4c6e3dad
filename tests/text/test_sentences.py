"""Sentence boundaries on news-shaped sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.text.sentences import _LINE_BREAK, split_sentences


def _split(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"(I hope) there will be a truce soon," he told reporters. More than 50 soldiers died.',
            ['"(I hope) there will be a truce soon," he told reporters.', "More than 50 soldiers died."],
        ),
        ('"Stop!" he shouted. Nobody did.', ['"Stop!" he shouted.', "Nobody did."]),
        (
            '"Why now?" Smith asked. The room fell silent.',
            ['"Why now?" Smith asked.', "The room fell silent."],
        ),
        ("Mr. Smith met Gen. Jones and Sen. Lee.", ["Mr. Smith met Gen. Jones and Sen. Lee."]),
        (
            "The photo is by A. Zemlianichenko. It ran on page one.",
            ["The photo is by A. Zemlianichenko.", "It ran on page one."],
        ),
        ("He visited the U.S. Capitol on Monday.", ["He visited the U.S. Capitol on Monday."]),
        (
            "He lives in the U.S. The rest of his family does not.",
            ["He lives in the U.S.", "The rest of his family does not."],
        ),
        ("The attacks of Sept. 11 changed everything.", ["The attacks of Sept. 11 changed everything."]),
        ("Plessy v. Ferguson was overturned.", ["Plessy v. Ferguson was overturned."]),
        ("Apple Inc. The company said sales rose.", ["Apple Inc.", "The company said sales rose."]),
        (
            "She was born in Selma, Ala. But she grew up elsewhere.",
            ["She was born in Selma, Ala.", "But she grew up elsewhere."],
        ),
        ("It was 9 a.m. Friday in Kabul.", ["It was 9 a.m. Friday in Kabul."]),
        (
            'He said: "We will fight. We will win." Then he left.',
            ['He said: "We will fight.', 'We will win."', "Then he left."],
        ),
        ("Wait... Really? Yes!", ["Wait...", "Really?", "Yes!"]),
        ('"This is a disgrace." ― Jane Doe', ['"This is a disgrace." ― Jane Doe']),
        (
            "Stop lying\nShow humility\nand tell the truth.",
            ["Stop lying", "Show humility\nand tell the truth."],
        ),
    ],
)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_offsets_are_exact_and_blocks_are_respected() -> None:
    text = "Title line\n\nFirst sentence. Second one.\n\nThird."
    spans = split_sentences(text, [(0, 10), (12, 39), (41, 47)])
    assert [text[s:e] for s, e in spans] == ["Title line", "First sentence.", "Second one.", "Third."]


# Hard-wrapped text (wire copy, e-mail): a line break that only wraps a filled line is not a
# boundary, whatever the case of the next line; short lines (headings, list items) still are.
WRAPPED_CAPITALS = (
    "ANKARA, 5 MAR 20 -- TURKISH PRESIDENT RECEP TAYYIP ERDOGAN SAID ON THURSDAY\n"
    "THAT HE WOULD TRAVEL TO MOSCOW NEXT WEEK TO MEET RUSSIAN PRESIDENT\n"
    "VLADIMIR PUTIN, WHO HAS BACKED THE SYRIAN GOVERNMENT OFFENSIVE IN IDLIB\n"
    "PROVINCE.  THE TWO LEADERS WILL DISCUSS A CEASEFIRE, ERDOGAN'S OFFICE SAID\n"
    "IN A STATEMENT.  GEN. JOHN SMITH OF THE U.S. ARMY DECLINED TO COMMENT ON\n"
    "THE TALKS, WHICH ARE EXPECTED TO LAST TWO DAYS."
)
WRAPPED_MIXED_CASE = (
    "Turkish President Recep Tayyip Erdogan said on Thursday that he would\n"
    "travel to Moscow next week to meet Russian President Vladimir Putin, who\n"
    "has backed the Syrian government offensive in the northwestern province of\n"
    "Idlib. The two leaders will discuss a ceasefire, Erdogan's office said in\n"
    "a statement released late on Wednesday, adding that Foreign Minister\n"
    "Mevlut Cavusoglu would join the talks."
)


def test_wrapped_capitals_split_only_at_sentence_ends() -> None:
    assert [s.replace("\n", " ") for s in _split(WRAPPED_CAPITALS)] == [
        "ANKARA, 5 MAR 20 -- TURKISH PRESIDENT RECEP TAYYIP ERDOGAN SAID ON THURSDAY THAT HE WOULD "
        "TRAVEL TO MOSCOW NEXT WEEK TO MEET RUSSIAN PRESIDENT VLADIMIR PUTIN, WHO HAS BACKED THE "
        "SYRIAN GOVERNMENT OFFENSIVE IN IDLIB PROVINCE.",
        "THE TWO LEADERS WILL DISCUSS A CEASEFIRE, ERDOGAN'S OFFICE SAID IN A STATEMENT.",
        "GEN. JOHN SMITH OF THE U.S. ARMY DECLINED TO COMMENT ON THE TALKS, WHICH ARE EXPECTED TO "
        "LAST TWO DAYS.",
    ]


def test_wrapped_mixed_case_keeps_lines_that_start_with_a_name() -> None:
    assert [s.replace("\n", " ") for s in _split(WRAPPED_MIXED_CASE)] == [
        "Turkish President Recep Tayyip Erdogan said on Thursday that he would travel to Moscow "
        "next week to meet Russian President Vladimir Putin, who has backed the Syrian government "
        "offensive in the northwestern province of Idlib.",
        "The two leaders will discuss a ceasefire, Erdogan's office said in a statement released "
        "late on Wednesday, adding that Foreign Minister Mevlut Cavusoglu would join the talks.",
    ]


def test_a_heading_line_above_wrapped_text_is_its_own_unit() -> None:
    for heading, wrapped in (("IDLIB CRISIS", WRAPPED_CAPITALS), ("Idlib crisis", WRAPPED_MIXED_CASE)):
        sentences = _split(heading + "\n" + wrapped)
        assert sentences[0] == heading
        assert sentences[1:] == _split(wrapped)


def test_list_items_inside_wrapped_text_start_new_units() -> None:
    text = (
        "The ministry listed the conditions for a ceasefire in Idlib province in a\n"
        "statement on Thursday, and said that talks would continue next week in\n"
        "- Moscow, if the Russian side agrees to the proposals made by Ankara\n"
        "- Geneva, under the auspices of the United Nations envoy for Syria"
    )
    assert [s.split("\n")[0] for s in _split(text)] == [
        "The ministry listed the conditions for a ceasefire in Idlib province in a",
        "- Moscow, if the Russian side agrees to the proposals made by Ankara",
        "- Geneva, under the auspices of the United Nations envoy for Syria",
    ]


def test_lines_of_a_list_without_wrapping_stay_apart() -> None:
    # Equal-length lines that never continue in lower case: headlines, not wrapped prose.
    headlines = [
        "Turkey deploys troops to the border of Idlib province",
        "Russia warns of consequences after the latest air strikes",
        "EU leaders meet refugees at the Greek border fence",
        "Erdogan and Putin agree on a ceasefire in Moscow",
    ]
    assert _split("\n".join(headlines)) == headlines


def _line_starts(text: str) -> list[int]:
    """Reference for the splitter's line breaks: after each newline and the spaces or tabs that
    follow it, the offset where text resumes (none when another newline or the end comes first)."""
    starts = []
    for index, character in enumerate(text):
        if character == "\n":
            position = index + 1
            while position < len(text) and text[position] != "\n" and text[position].isspace():
                position += 1
            if position < len(text) and not text[position].isspace():
                starts.append(position)
    return starts


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(["a", "B", ".", " ", "\t", "\r", "\n", "\u00a0", "\u2028"]), max_size=60)
)
def test_line_breaks_end_where_each_line_resumes(text: str) -> None:
    # The pattern starts at the newline (spaces before it are stripped with their line); what the
    # splitter reads from it is where the next line's text starts, which must be every such place.
    assert [match.end() for match in _LINE_BREAK.finditer(text)] == _line_starts(text)


def test_trailing_spaces_do_not_change_how_wrapped_lines_are_read() -> None:
    lines = [
        "Officials in the capital confirmed on Friday that the army units had",
        "withdrawn from the two villages overnight. The ministry said forty",
        "soldiers were killed in the attack on the base, and Ahmed Saleh, a",
        "local council member, said dozens of families had fled to the north.",
    ]
    plain = "\n".join(lines)
    padded = "  \n".join(lines)  # the same lines with spaces before each line break
    assert len(split_sentences(plain)) == 2
    assert [" ".join(sentence.split()) for sentence in _split(padded)] == [
        " ".join(sentence.split()) for sentence in _split(plain)
    ]
