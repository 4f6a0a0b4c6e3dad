"""Hostile inputs finish in linear time.

Measured on the shared 2-core development machine (load average about 2): a Document build
(sentences, tokens, mentions, entities, clause tenses; not numbers, which belong to their own
module) took 0.05 s for a 1 MB line without spaces, 1.2-2 s for a 1 MB line of dots (a million
one-character tokens in one sentence), 0.2 s for 100,000 quote marks, 1.8 s for 100,000
initials, 0.6-1.2 s for 10,000 copies of a sentence with a name and pronouns, 2.2 s for 100,000
one-letter lines in one block and 2.6-4.5 s for 1 MB of hard-wrapped lines in capitals (15,000
sentences). The bound below is generous: it catches quadratic behaviour (which would take many
minutes), not a slow machine.
"""

from __future__ import annotations

import time

import pytest

from newsparse.text import Document

HOSTILE = {
    "1 MB without spaces": "a" * 1_000_000,
    "1 MB of dots": "." * 1_000_000,
    "100,000 quote marks": '"' * 100_000,
    "100,000 curly quotes and spaces": "“ ” " * 25_000,
    "100,000 nested brackets": "(" * 50_000 + "x" + ")" * 50_000,
    "initials": "A. " * 100_000,
    "capitalised words": "Putin Erdogan " * 40_000,
    "names and pronouns": "Timur Akhmetov said he would go. " * 10_000,
    "100,000 one-letter lines": "A\n" * 100_000,
    "1 MB of wrapped capitals": (
        "THE ARMY SAID THAT GEN. SMITH OF THE U.S. WOULD MEET THE REBELS IN\n" * 15_000
    ),
}
BOUND_SECONDS = 30.0


def _build(text: str) -> None:
    document = Document(text)
    for sentence in document.sentences[:1000]:
        document.tense_at(sentence.start)
    assert document.entities is not None
    assert document.tokens is not None


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_finishes(name: str) -> None:
    start = time.perf_counter()
    _build(HOSTILE[name])
    assert time.perf_counter() - start < BOUND_SECONDS


@pytest.mark.slow
def test_time_grows_linearly() -> None:
    """Doubling the input at most about doubles the time (quadratic code would quadruple it)."""
    unit = "Timur Akhmetov, an expert, said he would go. “Stop,” she said. "
    timings = []
    for copies in (1_000, 2_000):
        text = unit * copies
        # CPU time, fastest of three: other processes on a shared machine must not fail the test.
        runs = []
        for _ in range(3):
            start = time.process_time()
            _build(text)
            runs.append(time.process_time() - start)
        timings.append(min(runs))
    assert timings[1] < timings[0] * 3.5
