"""Score the HTML reader on NAEB (dev half) against plain trafilatura on the same pages.

    .venv/bin/python benchmarks/articles.py [--corpora PATH] [--limit N] [--misses title,authors,date]

Scores, for newsparse's ``html`` reader and for trafilatura's own ``bare_extraction`` (metadata
on, comments off) on the same page bytes in the same run:

* title: exact match after NFKC and whitespace collapsing (the visible headline is the gold);
* authors: exact set of names (same normalisation); an empty gold list must give no names;
* date: the publication day;
* body: the Scrapinghub article-extraction-benchmark metric — word 4-gram shingles, per-page
  TP/FP/FN normalised to sum to 1, precision and recall averaged over pages, F1 of those means.
  newsparse's body is `Article.text` without the title block;
* ms/page for each, and their ratio.

Skips with a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"

_WORD = regex.compile(r"\w+")
Counts = tuple[float, float, float]


def normalise(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text or "")
    if len(words) < n:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def shingle_counts(gold: str, predicted: str) -> Counts:
    """TP, FP, FN over word 4-gram shingles, normalised so every page weighs the same."""
    expected, got = _shingles(gold), _shingles(predicted)
    tp = sum((expected & got).values())
    fp = sum((got - expected).values())
    fn = sum((expected - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def body_scores(counts: Iterable[Counts]) -> dict[str, float]:
    """Mean precision and recall over pages (Scrapinghub's definition) and their F1."""
    counts = list(counts)

    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean([precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    r = statistics.mean([recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def load_gold(corpora: Path, limit: int | None = None) -> list[dict[str, Any]]:
    rows = []
    with (corpora / "naeb" / "gold.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def page_bytes(corpora: Path, row: dict[str, Any]) -> bytes:
    with gzip.open(corpora / "naeb" / row["file"], "rb") as handle:
        return handle.read()


# -- the two systems -------------------------------------------------------------------------


def newsparse_system() -> Callable[[bytes, str], dict[str, Any]]:
    import newsparse

    pipeline = newsparse.Pipeline(extractors=())

    def run(html: bytes, url: str) -> dict[str, Any]:
        try:
            article = pipeline.read(html, format="html", url=url)
        except newsparse.ParseError as exc:
            return {"title": None, "authors": [], "date": None, "body": "", "error": str(exc)}
        body = "\n\n".join(p.text for p in article.paragraphs if p.kind != "title")
        published = article.published.isoformat()[:10] if article.published else None
        return {"title": article.title, "authors": list(article.authors), "date": published, "body": body}

    return run


def trafilatura_system() -> Callable[[bytes, str], dict[str, Any]] | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(html: bytes, url: str) -> dict[str, Any]:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
        if document is None:
            return {"title": None, "authors": [], "date": None, "body": ""}
        authors = [name.strip() for name in (document.author or "").split(";") if name.strip()]
        return {
            "title": document.title,
            "authors": authors,
            "date": document.date,
            "body": document.text or "",
        }

    return run


# -- scoring ---------------------------------------------------------------------------------


def score(
    rows: list[dict[str, Any]], outputs: list[dict[str, Any]], seconds: float
) -> tuple[dict[str, float], dict[str, list[tuple[Any, Any]]]]:
    title = authors = date = 0
    misses: dict[str, list[tuple[Any, Any]]] = {"title": [], "authors": [], "date": []}
    counts = []
    for row, out in zip(rows, outputs, strict=True):
        if normalise(out["title"]) == normalise(row["title"]):
            title += 1
        else:
            misses["title"].append((row["title"], out["title"]))
        if {normalise(a) for a in out["authors"]} == {normalise(a) for a in row["authors"]}:
            authors += 1
        else:
            misses["authors"].append((row["authors"], out["authors"]))
        if (out["date"] or "")[:10] == row["date"]:
            date += 1
        else:
            misses["date"].append((row["date"], out["date"]))
        counts.append(shingle_counts(row["text"], out["body"]))
    n = len(rows)
    body = body_scores(counts)
    scores = {
        "title": title / n,
        "authors": authors / n,
        "date": date / n,
        "body_p": body["precision"],
        "body_r": body["recall"],
        "body_f1": body["f1"],
        "ms_per_page": 1000 * seconds / n,
    }
    return scores, misses


def run_system(
    system: Callable[[bytes, str], dict[str, Any]], rows: list[dict[str, Any]], pages: list[bytes]
) -> tuple[dict[str, float], dict[str, list[tuple[Any, Any]]]]:
    # One page first, untimed: dateparser (which htmldate uses too) builds its per-language
    # caches on first use, and whichever system ran first would pay for both.
    system(pages[0], rows[0]["url"])
    outputs = []
    started = time.perf_counter()
    for row, html in zip(rows, pages, strict=True):
        outputs.append(system(html, row["url"]))
    return score(rows, outputs, time.perf_counter() - started)


def score_naeb(corpora: Path, *, limit: int | None = None, peer: bool = True) -> dict[str, Any]:
    """Scores of newsparse (and of trafilatura when `peer`) on NAEB dev; used by the floor test."""
    rows = load_gold(corpora, limit)
    pages = [page_bytes(corpora, row) for row in rows]
    result: dict[str, Any] = {"pages": len(rows)}
    result["newsparse"], result["newsparse_misses"] = run_system(newsparse_system(), rows, pages)
    peer_system = trafilatura_system() if peer else None
    if peer_system is not None:
        result["trafilatura"], result["trafilatura_misses"] = run_system(peer_system, rows, pages)
    return result


def _table(result: dict[str, Any]) -> str:
    columns = ("title", "authors", "date", "body_p", "body_r", "body_f1", "ms_per_page")
    lines = [f"NAEB dev, {result['pages']} pages", f"{'system':<12}" + "".join(f"{c:>12}" for c in columns)]
    for name in ("newsparse", "trafilatura"):
        if name in result:
            values = result[name]
            cells = "".join(
                f"{values[c]:>12.1f}" if c == "ms_per_page" else f"{values[c]:>12.3f}" for c in columns
            )
            lines.append(f"{name:<12}{cells}")
    if "trafilatura" in result:
        ours, theirs = result["newsparse"], result["trafilatura"]
        lines.append(
            f"difference  title {ours['title'] - theirs['title']:+.3f}"
            f"  authors {ours['authors'] - theirs['authors']:+.3f}"
            f"  date {ours['date'] - theirs['date']:+.3f}  body F1 {ours['body_f1'] - theirs['body_f1']:+.4f}"
            f"  time ratio {ours['ms_per_page'] / theirs['ms_per_page']:.2f}x"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder holding naeb/")
    parser.add_argument("--limit", type=int, help="score only the first N pages")
    parser.add_argument("--no-peer", action="store_true", help="skip trafilatura")
    parser.add_argument("--misses", default="", help="comma-separated fields whose misses to print")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if not (args.corpora / "naeb" / "gold.jsonl").is_file():
        print(f"skipped: NAEB not found under {args.corpora}", file=sys.stderr)
        return 0
    result = score_naeb(args.corpora, limit=args.limit, peer=not args.no_peer)
    for field in filter(None, args.misses.split(",")):
        for system in ("newsparse", "trafilatura"):
            for gold, got in result.get(f"{system}_misses", {}).get(field, []):
                print(f"{system:<11} {field:<8} gold={gold!r} got={got!r}")
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if not k.endswith("_misses")}, indent=2))
    else:
        print(_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
