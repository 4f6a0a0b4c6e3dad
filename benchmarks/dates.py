"""Score the dates extractor on TempEval-3 TimeBank+AQUAINT the TempEval-3 way, and time it
against dateparser's ``search_dates`` on the same articles in the same run.

    .venv/bin/python benchmarks/dates.py                      # both sets, scores and speed
    .venv/bin/python benchmarks/dates.py --sets timebank --no-peer
    .venv/bin/python benchmarks/dates.py --errors 40          # print some misses and wrong values

Scoring (UzZaman et al. 2013): gold and predicted expressions are paired one-to-one, identical
extents first, then overlapping extents by overlap size. Strict P/R/F1 count identical extents,
relaxed P/R/F1 overlapping ones; type, value and mod accuracy are measured on the relaxed
pairs (exact string equality); value F1 = relaxed F1 x value accuracy. The publication-date
expression is not part of the texts, so it is never scored.

The corpora are read from ``../shared/corpora`` (or ``--corpora PATH``); without them the script
says so and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
SETS = {"timebank": "timebank.jsonl", "aquaint": "aquaint.jsonl"}


@attrs.frozen(kw_only=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None


@attrs.define
class Scores:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    mod_ok: int = 0

    def add(self, other: Scores) -> None:
        for field in attrs.fields(Scores):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))

    @staticmethod
    def _prf(hits: int, system: int, gold: int) -> tuple[float, float, float]:
        precision = hits / system if system else 0.0
        recall = hits / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def row(self) -> dict[str, float]:
        sp, sr, sf = self._prf(self.strict, self.system, self.gold)
        rp, rr, rf = self._prf(self.relaxed, self.system, self.gold)
        value_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        return {
            "strict_p": sp,
            "strict_r": sr,
            "strict_f1": sf,
            "relaxed_p": rp,
            "relaxed_r": rr,
            "relaxed_f1": rf,
            "type_acc": self.type_ok / self.relaxed if self.relaxed else 0.0,
            "value_acc": value_acc,
            "mod_acc": self.mod_ok / self.relaxed if self.relaxed else 0.0,
            "value_f1": rf * value_acc,
        }


def pair(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs: identical extents first, then the largest overlaps."""
    pairs: list[tuple[Timex, Timex]] = []
    used_gold: set[int] = set()
    used_system: set[int] = set()
    by_span = {(s.start, s.end): i for i, s in enumerate(system)}
    for gi, g in enumerate(gold):
        si = by_span.get((g.start, g.end))
        if si is not None and si not in used_system:
            pairs.append((g, system[si]))
            used_gold.add(gi)
            used_system.add(si)
    overlaps = []
    for gi, g in enumerate(gold):
        if gi in used_gold:
            continue
        for si, s in enumerate(system):
            if si in used_system:
                continue
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                overlaps.append((-overlap, gi, si))
    for _, gi, si in sorted(overlaps):
        if gi in used_gold or si in used_system:
            continue
        pairs.append((gold[gi], system[si]))
        used_gold.add(gi)
        used_system.add(si)
    return pairs


def score(gold: Sequence[Timex], system: Sequence[Timex]) -> tuple[Scores, list[tuple[Timex, Timex]]]:
    pairs = pair(gold, system)
    result = Scores(gold=len(gold), system=len(system), relaxed=len(pairs))
    for g, s in pairs:
        result.strict += (g.start, g.end) == (s.start, s.end)
        result.type_ok += g.type == s.type
        result.value_ok += g.value == s.value
        result.mod_ok += (g.mod or None) == (s.mod or None)
    return result, pairs


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def published_of(doc: dict[str, Any]) -> dt.date:
    return dt.date.fromisoformat(doc["published"][:10])


def run_newsparse(docs: Iterable[dict[str, Any]]) -> tuple[list[list[Timex]], list[float]]:
    """The extractor's expressions per article (and wall seconds per article)."""
    import newsparse
    from newsparse.extractors.dates import DateFinding

    pipeline = newsparse.Pipeline(extractors=["dates"], strict=True)
    outputs: list[list[Timex]] = []
    times: list[float] = []
    for doc in docs:
        begin = time.process_time()
        article = pipeline.parse(doc["text"], published=published_of(doc), format="plain")
        times.append(time.process_time() - begin)
        outputs.append(
            [
                Timex(start=f.start, end=f.end, text=f.text, type=f.type, value=f.value, mod=f.mod)
                for f in article.findings("dates")
                if isinstance(f, DateFinding) and f.field == "text"
            ]
        )
    return outputs, times


@attrs.frozen
class Timing:
    """CPU seconds per article in one pass."""

    extract: list[float]
    """The dates extractor on an article already read (``Pipeline.extract``: the Document it
    uses and the output checks included)."""

    parse: list[float]
    """The whole ``parse(text, published=..., format="plain", extractors=["dates"])``."""

    peer: list[float] | None
    """dateparser's whole-text ``search_dates`` (None when dateparser is not installed)."""


def time_pass(docs: Sequence[dict[str, Any]], *, peer: bool) -> Timing:
    """One timing pass over the articles, one tool after the other. CPU time
    (``time.process_time``) rather than wall time: the machines this runs on are shared, and
    waiting for a core is not the tool's cost."""
    import newsparse

    search_dates = None
    if peer:
        try:
            from dateparser.search import search_dates
        except ImportError:
            search_dates = None
    pipeline = newsparse.Pipeline(extractors=["dates"])
    articles = [pipeline.read(doc["text"], published=published_of(doc), format="plain") for doc in docs]
    extract: list[float] = []
    for article in articles:
        begin = time.process_time()
        pipeline.extract(article)
        extract.append(time.process_time() - begin)
    parse: list[float] = []
    for doc in docs:
        begin = time.process_time()
        pipeline.parse(doc["text"], published=published_of(doc), format="plain")
        parse.append(time.process_time() - begin)
    theirs: list[float] = []
    if search_dates is not None:
        for doc in docs:
            base = dt.datetime.combine(published_of(doc), dt.time())
            begin = time.process_time()
            search_dates(doc["text"], languages=["en"], settings={"RELATIVE_BASE": base})
            theirs.append(time.process_time() - begin)
    return Timing(extract=extract, parse=parse, peer=theirs if search_dates is not None else None)


def format_row(name: str, row: dict[str, float], extra: str = "") -> str:
    return (
        f"{name:<10} {row['strict_p']:.3f} {row['strict_r']:.3f} {row['strict_f1']:.3f}   "
        f"{row['relaxed_p']:.3f} {row['relaxed_r']:.3f} {row['relaxed_f1']:.3f}   "
        f"{row['type_acc']:.3f} {row['value_acc']:.3f} {row['mod_acc']:.3f}   {row['value_f1']:.3f}{extra}"
    )


def evaluate(corpora: Path, sets: Sequence[str], *, errors: int = 0) -> dict[str, dict[str, float]]:
    """Scores per set and overall (used by the floor test too)."""
    results: dict[str, dict[str, float]] = {}
    total = Scores()
    shown = 0
    for name in sets:
        docs = load(corpora / "tempeval3-tbaq" / SETS[name])
        outputs, _ = run_newsparse(docs)
        set_scores = Scores()
        for doc, system in zip(docs, outputs, strict=False):
            gold = [
                Timex(**{k: t[k] for k in ("start", "end", "text", "type", "value", "mod")})
                for t in doc["timexes"]
            ]
            doc_scores, pairs = score(gold, system)
            set_scores.add(doc_scores)
            if errors and shown < errors:
                shown += print_errors(doc, gold, system, pairs, errors - shown)
        total.add(set_scores)
        results[name] = set_scores.row()
    results["all"] = total.row()
    return results


def print_errors(
    doc: dict[str, Any],
    gold: Sequence[Timex],
    system: Sequence[Timex],
    pairs: Sequence[tuple[Timex, Timex]],
    limit: int,
) -> int:
    paired_gold = {id(g) for g, _ in pairs}
    paired_system = {id(s) for _, s in pairs}
    lines = []
    text = doc["text"]
    for g in gold:
        if id(g) not in paired_gold:
            lines.append(
                f"  MISS  {g.text!r} {g.type} {g.value} {g.mod}  …{text[max(0, g.start - 40) : g.end + 30]!r}"
            )
    for s in system:
        if id(s) not in paired_system:
            lines.append(
                f"  FALSE {s.text!r} {s.type} {s.value} {s.mod}  …{text[max(0, s.start - 40) : s.end + 30]!r}"
            )
    for g, s in pairs:
        if g.value != s.value or g.type != s.type:
            lines.append(
                f"  VALUE {g.text!r}->{s.text!r} gold {g.type} {g.value} {g.mod}"
                f" got {s.type} {s.value} {s.mod}"
                f"  …{text[max(0, g.start - 50) : g.end + 30]!r}"
            )
    lines = lines[:limit]
    if lines:
        print(f"{doc['id']} (published {doc['published']})")
        print("\n".join(lines))
    return len(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpora", type=Path, default=DEFAULT_CORPORA, help="folder holding tempeval3-tbaq/"
    )
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=list(SETS))
    parser.add_argument("--no-peer", action="store_true", help="skip timing dateparser.search.search_dates")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N errors")
    parser.add_argument("--passes", type=int, default=3, help="timing passes (the best one is reported)")
    args = parser.parse_args(argv)

    folder = args.corpora / "tempeval3-tbaq"
    if not folder.is_dir():
        print(f"TempEval-3 corpus not found at {folder}; nothing to score.")
        return 0

    results = evaluate(args.corpora, args.sets, errors=args.errors)
    print()
    print("           strict P/R/F1           relaxed P/R/F1          type  value mod     value F1")
    for name in [*args.sets, "all"]:
        print(format_row(name, results[name]))
    print("HeidelTime (published): TimeBank relaxed F1 .916, value F1 .792; AQUAINT .918 / .730")

    docs = [doc for name in args.sets for doc in load(folder / SETS[name])]
    time_pass(docs[:5], peer=not args.no_peer)  # warm-up: imports, plugin loading, first calls
    # Best of several passes for each tool (as timeit does): the machines this runs on are
    # shared, and the best pass is the one least disturbed by others.
    passes = [time_pass(docs, peer=not args.no_peer) for _ in range(args.passes)]
    extract_ms = min(1000 * statistics.mean(p.extract) for p in passes)
    parse_ms = min(1000 * statistics.mean(p.parse) for p in passes)
    peer_ms = min((1000 * statistics.mean(p.peer) for p in passes if p.peer is not None), default=None)
    print(f"\nCPU ms per article, mean over {len(docs)} articles, best of {args.passes} passes:")
    ratio = f"  ({peer_ms / extract_ms:.1f}x faster than search_dates)" if peer_ms else ""
    print(f"  newsparse dates extractor      {extract_ms:7.2f}{ratio}")
    ratio = f"  ({peer_ms / parse_ms:.1f}x)" if peer_ms else ""
    print(f"  newsparse parse, dates only    {parse_ms:7.2f}{ratio}  (reading the text included)")
    if peer_ms is not None:
        print(
            f"  dateparser search_dates        {peer_ms:7.2f}"
            "  (languages=['en'], RELATIVE_BASE = publication date)"
        )
    elif not args.no_peer:
        print("  dateparser.search.search_dates: not installed, no ratio")
    return 0


if __name__ == "__main__":
    sys.exit(main())
