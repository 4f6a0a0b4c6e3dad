"""parse_many: order, per-item errors, bounded memory, worker processes."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsparse
from newsparse import batch
from newsparse.readers.records import Record

TEXTS = [
    f"Rescue workers said on Tuesday that {n} people were still missing after the floods in the north of the country."
    for n in range(1, 41)
]


def ids(results: list[object]) -> list[str | None]:
    return [getattr(r, "id", None) for r in results]


def test_results_come_in_input_order_with_errors_in_place() -> None:
    items: list[object] = [Record(source=text, id=f"a{i}") for i, text in enumerate(TEXTS[:5])]
    items.insert(2, Record(id="bad", where="in.jsonl line 3", error="invalid JSON"))
    items.insert(4, b"\x00\x01\x02binary")
    results = list(newsparse.parse_many(items, format="plain", extractors=[]))
    assert len(results) == 7
    assert [type(r).__name__ for r in results] == [
        "Article",
        "Article",
        "RecordError",
        "Article",
        "RecordError",
        "Article",
        "Article",
    ]
    assert ids(results) == ["a0", "a1", "bad", "a2", None, "a3", "a4"]
    error = results[2]
    assert isinstance(error, newsparse.RecordError)
    assert isinstance(error, newsparse.ParseError)
    assert str(error) == "in.jsonl line 3: invalid JSON"
    assert error.to_dict() == {"id": "bad", "error": "invalid JSON", "where": "in.jsonl line 3"}
    assert "binary" in str(results[4])


def test_plain_sources_dicts_and_paths_are_accepted(tmp_path: Path) -> None:
    file = tmp_path / "story.txt"
    file.write_text(TEXTS[0], encoding="utf-8")
    results = list(
        newsparse.parse_many(
            [TEXTS[1], TEXTS[2].encode(), {"id": "d", "text": TEXTS[3], "published": "2020-03-05"}, file, 42],
            extractors=[],
        )
    )
    assert [type(r).__name__ for r in results] == ["Article", "Article", "Article", "Article", "RecordError"]
    assert results[2].id == "d"
    assert str(results[2].published) == "2020-03-05"
    assert results[3].id == str(file)
    assert results[3].text == TEXTS[0]
    assert "int" in str(results[4])


def test_a_bad_record_value_is_that_record_s_error_only() -> None:
    results = list(
        newsparse.parse_many(
            [
                {"id": "x", "text": TEXTS[0], "published": "not a date"},
                {"id": "y", "text": TEXTS[1], "format": "nope"},
            ],
            extractors=[],
        )
    )
    # An unreadable date loses only the date (kept raw); an unknown format loses the record.
    assert [type(r).__name__ for r in results] == ["Article", "RecordError"]
    assert results[0].published_raw == "not a date"
    assert "unknown format" in str(results[1])


def test_output_dict_and_json() -> None:
    items = [TEXTS[0], Record(id="bad", error="broken")]
    dicts = list(newsparse.parse_many(items, format="plain", extractors=[], output="dict"))
    assert dicts[0]["text"] == TEXTS[0]
    assert dicts[1] == {"id": "bad", "error": "broken", "where": None}
    lines = list(newsparse.parse_many(items, format="plain", extractors=[], output="json"))
    assert [json.loads(line) for line in lines] == dicts


def test_bad_options_fail_before_any_item_is_read() -> None:
    def never() -> Iterator[str]:
        raise AssertionError("the input must not be read")
        yield ""

    with pytest.raises(newsparse.ConfigError):
        newsparse.parse_many(never(), extractors=["no-such-extractor"])
    with pytest.raises(newsparse.ConfigError):
        newsparse.parse_many(never(), output="xml")  # type: ignore[arg-type]
    with pytest.raises(newsparse.ConfigError):
        newsparse.parse_many(never(), workers=0)
    with pytest.raises(newsparse.ConfigError, match="workers=1"):
        newsparse.parse_many(never(), workers=2, manager=newsparse.PluginManager())


def test_record_error_survives_pickling() -> None:
    error = newsparse.RecordError("invalid JSON", id="7", where="x.jsonl line 7")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.id, copy.where, str(copy)) == ("7", "x.jsonl line 7", "x.jsonl line 7: invalid JSON")


def test_input_is_read_lazily_in_one_process() -> None:
    pulled = 0

    def source() -> Iterator[str]:
        nonlocal pulled
        for text in TEXTS:
            pulled += 1
            yield text

    results = newsparse.parse_many(source(), format="plain", extractors=[])
    next(results)
    assert pulled == 1


def test_workers_keep_order_and_errors(tmp_path: Path) -> None:
    items: list[object] = [Record(source=text, id=str(i)) for i, text in enumerate(TEXTS)]
    items[7] = Record(id="7", error="invalid JSON")
    items[20] = Record(source=b"\x00\x00\x00", id="20")
    results = list(newsparse.parse_many(items, workers=2, format="plain", extractors=[], chunk_size=3))
    assert ids(results) == [str(i) for i in range(len(TEXTS))]
    assert [i for i, r in enumerate(results) if isinstance(r, newsparse.RecordError)] == [7, 20]
    assert results[0].text == TEXTS[0]


def test_workers_read_at_most_a_window_ahead() -> None:
    pulled = 0

    def source() -> Iterator[str]:
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield TEXTS[i % len(TEXTS)]

    results = newsparse.parse_many(
        source(), workers=2, format="plain", extractors=[], window=16, chunk_size=4
    )
    try:
        for _ in range(3):
            next(results)
        # The window (16) plus the chunk being cut: never the whole input.
        assert pulled <= 16 + 4
    finally:
        results.close()


@pytest.mark.skipif(sys.platform != "linux", reason="uses fork to carry a patched function into the workers")
def test_a_worker_that_dies_costs_its_chunk_not_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    original = batch._parse_one

    def crash_on_poison(pipeline: object, item: object, options: object) -> object:
        if isinstance(item, str) and item == "POISON":
            os._exit(3)
        return original(pipeline, item, options)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "_parse_one", crash_on_poison)
    items = [*TEXTS[:6], "POISON", *TEXTS[6:12]]
    results = list(
        newsparse.parse_many(
            items,
            workers=2,
            format="plain",
            extractors=[],
            chunk_size=2,
            mp_context=multiprocessing.get_context("fork"),
        )
    )
    assert len(results) == len(items)
    failed = [i for i, r in enumerate(results) if isinstance(r, newsparse.RecordError)]
    assert failed == [6]
    assert "worker process died" in str(results[6])
    assert [r.text for r in results if isinstance(r, newsparse.Article)] == TEXTS[:12]


def test_parse_partition_yields_dicts_and_reuses_one_pipeline() -> None:
    before = len(batch._PIPELINES)
    first = list(
        batch.parse_partition([TEXTS[0], Record(id="e", error="bad")], format="plain", extractors=[])
    )
    second = list(batch.parse_partition([TEXTS[1]], format="plain", extractors=[]))
    assert first[0]["text"] == TEXTS[0]
    assert first[1]["error"] == "bad"
    assert second[0]["text"] == TEXTS[1]
    assert len(batch._PIPELINES) <= before + 1


def test_a_record_date_that_is_no_full_day_keeps_the_article() -> None:
    from newsparse.batch import parse_many

    [article] = list(parse_many([{"id": "m", "text": "Talks resumed on Monday.", "published": "2016-10"}]))
    assert isinstance(article, newsparse.Article)
    assert article.published is None
    assert article.published_raw == "2016-10"
