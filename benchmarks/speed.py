"""Batch speed and memory: ``newsparse parse --jsonl`` over 1,000 and 10,000 articles, 1 and 2 workers.

    .venv/bin/python benchmarks/speed.py [--corpora PATH] [--sizes 1000,10000] [--workers 1,2]

The input is the development corpora's article texts (GVA, MUC-4, PolNeAR, TimeBank,
agreements), repeated until there are enough, written as JSONL records
``{"id", "text", "published"}`` to a temporary folder. Each run is the real command line in a
subprocess; the whole process tree's resident memory (parent plus workers) is sampled every
50 ms and its peak reported. Every run's output is checked: one line per input line, in order.

Also, in this process: `parse_many` (one worker) against a plain loop of `newsparse.parse`
over the same 1,000 articles, to show what the batch machinery costs.

Timings on a shared machine are noisy; compare within one run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
CORPUS_FILES = (
    "gva/gva_dev.jsonl",
    "muc4/muc4_dev.jsonl",
    "polnear/dev.jsonl",
    "tempeval3-tbaq/timebank.jsonl",
    "agreements-dev/agreements_dev.jsonl",
)


def corpus_texts(corpora: Path) -> list[tuple[str, str | None]]:
    texts = []
    for name in CORPUS_FILES:
        path = corpora / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row.get("text"):
                    texts.append((row["text"], row.get("published")))
    return texts


def records(texts: list[tuple[str, str | None]], count: int) -> Iterator[str]:
    for i in range(count):
        text, published = texts[i % len(texts)]
        record = {"id": str(i), "text": text}
        if published:
            record["published"] = published
        yield json.dumps(record, ensure_ascii=False)


def write_input(path: Path, texts: list[tuple[str, str | None]], count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for line in records(texts, count):
            out.write(line + "\n")


def _tree_rss(process: object) -> int:
    import psutil

    assert isinstance(process, psutil.Process)
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total


def run_cli(source: Path, output: Path, workers: int) -> dict[str, float]:
    """Run the command, sampling the process tree's memory; returns seconds and peak MiB."""
    import psutil

    command = [
        sys.executable,
        "-m",
        "newsparse",
        "parse",
        "--jsonl",
        str(source),
        "--workers",
        str(workers),
        "--output",
        str(output),
        "--no-progress",
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen(command, stderr=subprocess.PIPE)
    process = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        peak = max(peak, _tree_rss(process))
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stderr = child.stderr.read().decode() if child.stderr else ""
    if child.returncode != 0:
        raise RuntimeError(f"newsparse exited {child.returncode}: {stderr}")
    # CPU time of the command and its worker processes (reaped by it, so counted here too):
    # unlike wall time, it does not depend on what else the machine is running.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_mib": peak / 2**20}


def check_output(output: Path, count: int) -> int:
    """One line per input line, in order; returns how many lines are error records."""
    errors = 0
    with output.open(encoding="utf-8") as handle:
        for expected, line in enumerate(handle):
            row = json.loads(line)
            if "error" in row:
                errors += 1
            elif row["id"] != str(expected):
                raise AssertionError(f"line {expected + 1} has id {row['id']!r}")
        else:
            pass
    lines = sum(1 for _ in output.open(encoding="utf-8"))
    if lines != count:
        raise AssertionError(f"{lines} output lines for {count} input lines")
    return errors


def in_process_overhead(texts: list[tuple[str, str | None]], count: int) -> dict[str, float]:
    import newsparse

    items = [json.loads(line) for line in records(texts, count)]
    pipeline = newsparse.Pipeline()
    loop = batch = float("inf")
    # Alternate, best of two each: the first pass over the texts fills caches for both.
    for _ in range(2):
        started = time.perf_counter()
        for item in items:
            with contextlib.suppress(newsparse.NewsparseError):
                pipeline.parse(item["text"], published=item.get("published"), id=item["id"])
        loop = min(loop, time.perf_counter() - started)
        started = time.perf_counter()
        for _ in newsparse.parse_many(items, workers=1):
            pass
        batch = min(batch, time.perf_counter() - started)
    return {"loop_per_s": count / loop, "batch_per_s": count / batch}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--sizes", default="1000,10000", help="article counts, comma-separated")
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    args = parser.parse_args(argv)
    texts = corpus_texts(args.corpora)
    if not texts:
        print(f"skipped: no development corpora under {args.corpora}", file=sys.stderr)
        return 0
    try:
        import psutil  # noqa: F401 - measured with it; installed with the dask extra
    except ImportError:
        print("skipped: psutil is needed to measure memory (pip install psutil)", file=sys.stderr)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    worker_counts = [int(w) for w in args.workers.split(",")]
    mean_chars = sum(len(t) for t, _ in texts) / len(texts)
    print(f"{len(texts)} distinct corpus texts, mean {mean_chars:,.0f} characters, repeated as needed")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            source = Path(folder) / f"in-{size}.jsonl"
            write_input(source, texts, size)
            for workers in worker_counts:
                output = Path(folder) / f"out-{size}-{workers}.jsonl"
                result = run_cli(source, output, workers)
                errors = check_output(output, size)
                rows.append((size, workers, result, errors))
    print()
    print(
        f"{'articles':>9} {'workers':>8} {'seconds':>9} {'art/s':>8} {'art/s/worker':>13}"
        f" {'CPU s':>7} {'art/CPU-s':>10} {'peak MiB':>9} {'errors':>7}"
    )
    for size, workers, result, errors in rows:
        rate = size / result["seconds"]
        print(
            f"{size:>9,} {workers:>8} {result['seconds']:>9.1f} {rate:>8.1f} {rate / workers:>13.1f}"
            f" {result['cpu_seconds']:>7.1f} {size / result['cpu_seconds']:>10.1f}"
            f" {result['peak_mib']:>9.0f} {errors:>7}"
        )
    print("(art/CPU-s counts the parent and the workers, start-up included; wall time depends on the load)")
    if len(sizes) > 1:
        print()
        for workers in worker_counts:
            peaks = [r["peak_mib"] for s, w, r, _ in rows if w == workers]
            print(
                f"peak memory, {workers} worker(s): {sizes[-1]:,} vs {sizes[0]:,} articles"
                f" = {peaks[-1] / peaks[0]:.2f}x"
            )
    overhead = in_process_overhead(texts, min(1000, sizes[0]))
    print()
    print(
        f"in one process: newsparse.parse loop {overhead['loop_per_s']:.1f}/s, "
        f"parse_many(workers=1) {overhead['batch_per_s']:.1f}/s "
        f"(ratio {overhead['batch_per_s'] / overhead['loop_per_s']:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
