"""newsparse.dask on a real distributed.LocalCluster with worker processes (kept small for CI)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsparse
import newsparse.dask

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

TEXTS = [
    f"Police said on Sunday that {n} people were injured when a bus overturned near the border crossing."
    for n in range(2, 26)
]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    )
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def test_parse_bag_keeps_order_and_errors_on_worker_processes(client: distributed.Client) -> None:
    items: list[object] = [{"id": str(i), "text": text} for i, text in enumerate(TEXTS)]
    items[5] = {"id": "5"}  # no text: an error record in its place
    bag = db.from_sequence(items, npartitions=4)
    results = newsparse.dask.parse_bag(bag, format="plain", extractors=[]).compute()
    assert [r["id"] for r in results] == [str(i) for i in range(len(TEXTS))]
    assert "error" in results[5]
    assert results[0]["text"] == TEXTS[0]
    # One pipeline (so one plugin manager) per worker process, reused for all its partitions.
    built = client.run(lambda: len(__import__("newsparse.batch").batch._PIPELINES))
    assert len(built) == 2
    assert all(count <= 1 for count in built.values())


def test_parse_files_streams_each_file_on_a_worker(client: distributed.Client, tmp_path: Path) -> None:
    first = tmp_path / "a.jsonl"
    first.write_text(
        "\n".join(json.dumps({"id": f"a{i}", "text": t}) for i, t in enumerate(TEXTS[:3])) + "\n"
    )
    second = tmp_path / "b.jsonl"
    second.write_text(json.dumps({"id": "b0", "text": TEXTS[3]}) + "\n{not json\n")
    results = newsparse.dask.parse_files([str(first), str(second)], format="plain", extractors=[]).compute()
    assert [r["id"] for r in results] == ["a0", "a1", "a2", "b0", None]
    assert results[-1]["where"] == "b.jsonl line 2"


def test_bad_options_fail_before_computing() -> None:
    bag = db.from_sequence(TEXTS[:2])
    with pytest.raises(newsparse.ConfigError):
        newsparse.dask.parse_bag(bag, extractors=["no-such-extractor"])
