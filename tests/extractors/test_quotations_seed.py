"""The seed article: every quotation in the reviewed expected output, with its speaker."""

from __future__ import annotations

import json

import pytest

import newsparse
from newsparse.extractors.quotations import QuotationFinding
from tests.conftest import SEED_NAME, SEEDS

EXPECTED = json.loads((SEEDS / f"{SEED_NAME}.expected.json").read_text(encoding="utf-8"))["extractions"][
    "quotations"
]
KEYS = ("text", "kind", "speaker", "speaker_text", "cue")


@pytest.fixture(scope="module")
def found(seed_text: str) -> list[QuotationFinding]:
    article = newsparse.parse(seed_text, extractors=["quotations"], strict=True)
    return list(article.findings("quotations"))  # type: ignore[arg-type]


def _row(finding: QuotationFinding) -> dict[str, object]:
    return {key: getattr(finding, key) for key in KEYS}


@pytest.mark.parametrize("expected", EXPECTED, ids=[f"{e['kind']}:{e['text'][:30]}" for e in EXPECTED])
def test_every_expected_quotation_is_found(
    found: list[QuotationFinding], expected: dict[str, object]
) -> None:
    assert expected in [_row(f) for f in found]


def test_no_unexpected_direct_quotes(found: list[QuotationFinding]) -> None:
    expected = [e for e in EXPECTED if e["kind"] == "direct"]
    assert [_row(f) for f in found if f.kind == "direct"] == expected


def test_the_speakers_the_issue_names(found: list[QuotationFinding]) -> None:
    by_cue_text = {(f.speaker_text, f.cue): f.speaker for f in found}
    assert by_cue_text[("he", "told")] == "Recep Tayyip Erdogan"
    assert by_cue_text[("Achmetow", "said")] == "Timur Akhmetov"
    assert by_cue_text[("the Russian expert", "suggested")] == "Timur Akhmetov"
    assert by_cue_text[("the expert", "says")] == "Marianna Belenkaya"


def test_the_unclosed_quote_ends_with_its_paragraph(found: list[QuotationFinding], seed_text: str) -> None:
    [unclosed] = [f for f in found if f.text.startswith('"Nobody would let it come to that')]
    assert unclosed.text.endswith("agriculture.")
    assert "\n" not in unclosed.text
    assert unclosed.speaker == "Timur Akhmetov"
    assert unclosed.speaker_via == "follow-on"
