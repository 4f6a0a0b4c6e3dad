"""Casualty counts against the development corpora: GVA, MUC-4 and the number-convention cases.

    .venv/bin/python benchmarks/casualties.py                  # all three sets
    .venv/bin/python benchmarks/casualties.py --set gva --errors 20

Scoring follows the corpora READMEs exactly. An article's figure for a category is
``summaries.casualties[cat].min`` when given, else the largest ``min`` of the non-negated
casualty findings of that category, else none.

* GVA: the killed (injured) figure must equal the incident's total on articles with
  ``killed_stated`` (``injured_stated``) true; the false-positive rate is the share of articles
  whose incident had 0 killed (0 injured) where the figure is >= 1.
* MUC-4: a document's killed figure is right when it is any accepted value of any incident, or
  the sum of the required exact incidents; counted over documents with a numeric killed figure
  in a required incident. Also: found-a-count precision/recall and qualifier agreement.
* Numbers: each phrase becomes a sentence ("<phrase> people were killed.", or the phrase itself
  when it has a casualty word); the first finding of the expected category must have
  (min, max) = (lower, upper) (an exclusive bound may be N or N±1) and point = acled_point.

Speed: milliseconds per article for building the `Document` plus the extractor and summary,
beside two peers run in the same process on the same articles: a naive "number near a kill
word" rule (what the issue's baseline describes) and dateparser's ``search_dates`` (the
whole-text search newsparse avoids), as a ratio.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsparse.extractors.casualties import CasualtiesExtractor, CasualtyFinding  # noqa: E402
from newsparse.model import Article  # noqa: E402
from newsparse.readers.plain import PlainReader  # noqa: E402
from newsparse.text.datestrings import parse_date_string  # noqa: E402
from newsparse.text.document import Document  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
EXTRACTOR = CasualtiesExtractor()
READER = PlainReader()

Figure = int | None


# -- running the extractor --------------------------------------------------------------------


def analyse(text: str, published: str | None = None) -> tuple[list[CasualtyFinding], dict[str, Any]]:
    """Findings and summary for one plain-text article (the ``dates`` extractor is not run)."""
    article = read(text, published)
    return run(article)


def read(text: str, published: str | None = None) -> Article:
    date = parse_date_string(published) if published else None
    return READER.read(text, published=date)


def run(article: Article) -> tuple[list[CasualtyFinding], dict[str, Any]]:
    document = Document.of(article)
    findings = list(EXTRACTOR(article, document, {}))
    return findings, EXTRACTOR.summarize(article, tuple(findings))


def figure(findings: Iterable[CasualtyFinding], summary: dict[str, Any], category: str) -> Figure:
    """The article's figure as the held-out scorer reads it."""
    entry = summary.get(category)
    if entry is not None and entry.get("min") is not None:
        return int(entry["min"])
    mins = [f.min for f in findings if f.category == category and not f.negated and f.min is not None]
    return max(mins) if mins else None


# -- a naive peer -----------------------------------------------------------------------------

_NAIVE_NUMBER = r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_NAIVE_WORDS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}
_NAIVE = {
    "killed": regex.compile(
        rf"\b{_NAIVE_NUMBER}\b\W+(?:\w+\W+){{0,3}}?(?:killed|dead|died|deaths)\b", regex.I
    ),
    "injured": regex.compile(rf"\b{_NAIVE_NUMBER}\b\W+(?:\w+\W+){{0,3}}?(?:injured|wounded|hurt)\b", regex.I),
}


def naive(text: str, category: str) -> Figure:
    """The first number within four words before a kill (injure) word: the issue's baseline."""
    match = _NAIVE[category].search(text)
    if match is None:
        return None
    word = match[1].lower()
    return int(word) if word.isdigit() else _NAIVE_WORDS[word]


# -- corpora ----------------------------------------------------------------------------------


def load_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def score_gva(rows: Sequence[dict[str, Any]], errors: int = 0) -> dict[str, float]:
    """Accuracy on stated figures and the false-positive rate on zero-victim incidents."""
    right = Counter[str]()
    total = Counter[str]()
    naive_right = Counter[str]()
    shown = 0
    for row in rows:
        findings, summary = analyse(row["text"], row.get("published"))
        for category in ("killed", "injured"):
            gold = row[category]
            got = figure(findings, summary, category)
            if row.get(f"{category}_stated"):
                total[category] += 1
                right[category] += got == gold
                naive_right[category] += naive(row["text"], category) == gold
                if got != gold and shown < errors:
                    shown += 1
                    _show_error(row["id"], category, gold, got, findings)
            if gold == 0:
                total[f"{category}_zero"] += 1
                right[f"{category}_fp"] += got is not None and got >= 1
                naive_got = naive(row["text"], category)
                naive_right[f"{category}_fp"] += naive_got is not None and naive_got >= 1
    return {
        "killed": _share(right["killed"], total["killed"]),
        "injured": _share(right["injured"], total["injured"]),
        "killed_fp": _share(right["killed_fp"], total["killed_zero"]),
        "injured_fp": _share(right["injured_fp"], total["injured_zero"]),
        "naive_killed": _share(naive_right["killed"], total["killed"]),
        "naive_injured": _share(naive_right["injured"], total["injured"]),
        "naive_killed_fp": _share(naive_right["killed_fp"], total["killed_zero"]),
        "n_killed": total["killed"],
        "n_injured": total["injured"],
        "n_killed_zero": total["killed_zero"],
    }


_MUC_QUALIFIER = {
    "exact": "exact", "more_than": "at_least", "at_least": "at_least", "up_to": "at_most", "about": "approx",
    "range": "other", "vague": "plural",
}  # fmt: skip


def score_muc(rows: Sequence[dict[str, Any]], errors: int = 0) -> dict[str, float]:
    """Document killed figure against the accepted template values."""
    right = judged = found = found_gold = gold_docs = qualifier_right = naive_right = 0
    shown = 0
    for row in rows:
        incidents = row["incidents"]
        killed = [i["killed"] for i in incidents if i.get("killed")]
        numeric_required = [
            i for i in incidents if not i["optional"] and i.get("killed") and i["killed"]["values"]
        ]
        accepted = {v for k in killed for v in k["values"]}
        exact_required = [
            i["killed"]["values"][0] for i in numeric_required if i["killed"]["qualifiers"] == ["exact"]
        ]
        if exact_required and len(exact_required) == len(numeric_required):
            accepted.add(sum(exact_required))
        findings, summary = analyse(row["text"])
        got = figure(findings, summary, "killed")
        has_gold = bool(accepted)
        gold_docs += has_gold
        if got is not None and got >= 1:
            found += 1
            found_gold += has_gold
        if not numeric_required:
            continue
        judged += 1
        naive_right += naive(row["text"], "killed") in accepted
        if got in accepted:
            right += 1
            entry = summary.get("killed") or {}
            ours = _MUC_QUALIFIER.get(str(entry.get("qualifier")), "other")
            qualifier_right += any(ours in k["qualifiers"] for k in killed if got in k["values"])
        elif shown < errors:
            shown += 1
            _show_error(row["id"], "killed", sorted(accepted), got, findings)
    return {
        "killed": _share(right, judged),
        "naive_killed": _share(naive_right, judged),
        "found_precision": _share(found_gold, found),
        "found_recall": _share(found_gold, gold_docs),
        "qualifier_agreement": _share(qualifier_right, right),
        "n_docs": judged,
    }


def number_cases(path: Path) -> Iterator[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t")


_CASUALTY_WORD = regex.compile(
    r"kill|dead|died|death|wound|injur|hurt|displac|missing|kidnap|arrest|fatal|slain", regex.IGNORECASE
)


def expected_category(phrase: str) -> str:
    low = phrase.lower()
    if "killing or wounding" in low:
        return "affected"
    if "displaced" in low:
        return "displaced"
    if regex.search(r"wounded|injured|hurt", low) and not regex.search(r"kill|dead", low):
        return "injured"
    return "killed"


def check_number_case(case: dict[str, str]) -> tuple[bool, str]:
    """Whether one convention case passes, and what was found."""
    phrase = case["phrase"]
    sentence = phrase if _CASUALTY_WORD.search(phrase) else f"{phrase} people were killed."
    category = expected_category(phrase)
    findings, _ = analyse(sentence)
    mine = [f for f in findings if f.category == category]
    if not mine:
        return False, f"no {category} finding in {[(f.category, f.min, f.max) for f in findings]}"
    first = mine[0]
    lower = int(case["lower"]) if case["lower"] else None
    upper = int(case["upper"]) if case["upper"] else None
    point = int(case["acled_point"]) if case["acled_point"] else None
    ok = (
        _bound_ok(first.min, lower, case["lower_incl"] == "true")
        and _bound_ok(first.max, upper, case["upper_incl"] == "true")
        and (first.point == point or category == "affected")
    )
    return ok, f"{category} min={first.min} max={first.max} point={first.point}"


def _bound_ok(got: int | None, expected: int | None, inclusive: bool) -> bool:
    if expected is None:
        return got is None
    if got is None:
        return False
    return got == expected if inclusive else abs(got - expected) <= 1


def score_numbers(path: Path, verbose: bool = False) -> dict[str, float]:
    cases = list(number_cases(path))
    passed = 0
    for case in cases:
        ok, found = check_number_case(case)
        passed += ok
        if verbose and not ok:
            print(f"  number case differs: {case['phrase']!r}: {found}")
    return {"passed": passed, "cases": len(cases), "share": _share(passed, len(cases))}


def _pct(share: float) -> str:
    return f"{share:.1%}"


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _show_error(
    doc_id: str, category: str, gold: object, got: Figure, findings: Sequence[CasualtyFinding]
) -> None:
    mine = [f for f in findings if f.category == category]
    print(f"  {doc_id} {category}: gold {gold}, got {got}")
    for finding in mine[:8]:
        flags = " ".join(
            flag
            for flag, on in (("neg", finding.negated), ("cum", finding.cumulative), (finding.modality, True))
            if on
        )
        print(f"      {finding.min}..{finding.max} {flags}: {finding.text[:110]!r}")


# -- speed ------------------------------------------------------------------------------------


def timed(function: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def speed(texts: Sequence[str], peer_sample: int = 40) -> dict[str, float]:
    """Milliseconds per article, best of three runs: the language layer's sentences (shared by all
    extractors), the number phrases, the casualties extractor with its summary, and the peers."""
    articles = [read(text) for text in texts]

    def sentences() -> None:
        for article in articles:
            _ = Document.of(article).sentences

    def numbers() -> None:
        for article in articles:
            _ = Document.of(article).numbers

    documents = [Document.of(article) for article in articles]
    for document in documents:
        _ = document.sentences, document.numbers

    def extractor() -> None:
        for article, document in zip(articles, documents, strict=True):
            findings = tuple(EXTRACTOR(article, document, {}))
            EXTRACTOR.summarize(article, findings)

    def baseline() -> None:
        for text in texts:
            naive(text, "killed")
            naive(text, "injured")

    count = len(articles)
    result = {
        "ms_sentences": 1000 * timed(sentences, 3) / count,
        "ms_numbers": 1000 * timed(numbers, 3) / count,
        "ms_extractor": 1000 * timed(extractor, 3) / count,
        "ms_naive": 1000 * timed(baseline, 3) / count,
    }
    result["ms_total"] = result["ms_sentences"] + result["ms_numbers"] + result["ms_extractor"]
    from dateparser.search import search_dates

    sample = texts[:peer_sample]
    search_dates("warm up on 5 March 2020", languages=["en"])
    peer = timed(lambda: [search_dates(t, languages=["en"]) for t in sample]) / len(sample)
    ours_sample = timed(lambda: [run(read(t)) for t in sample], 3) / len(sample)
    result["ms_dateparser_search"] = 1000 * peer
    result["ratio_dateparser_to_newsparse"] = peer / ours_sample if ours_sample else 0.0
    return result


# -- command line -----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpora", type=Path, default=DEFAULT_CORPORA, help="folder with gva/, muc4/, numbers/"
    )
    parser.add_argument("--set", choices=("gva", "muc4", "numbers", "all"), default="all")
    parser.add_argument("--limit", type=int, default=None, help="only the first N records of each corpus")
    parser.add_argument("--errors", type=int, default=0, help="print up to N wrong articles per corpus")
    parser.add_argument("--no-speed", action="store_true", help="skip the timing runs")
    args = parser.parse_args(argv)
    corpora: Path = args.corpora
    if not corpora.is_dir():
        print(f"corpora not found at {corpora}; skipping (use --corpora PATH)")
        return 0
    rows_out: list[tuple[str, str, str, str]] = []
    gva_texts: list[str] = []
    if args.set in ("gva", "all"):
        path = corpora / "gva" / "gva_dev.jsonl"
        if path.exists():
            rows = load_jsonl(path, args.limit)
            gva_texts = [row["text"] for row in rows]
            gva = score_gva(rows, args.errors)
            zero = gva["n_killed_zero"]
            rows_out += [
                (
                    "GVA dev",
                    f"killed right (n={gva['n_killed']})",
                    _pct(gva["killed"]),
                    _pct(gva["naive_killed"]),
                ),
                (
                    "GVA dev",
                    f"injured right (n={gva['n_injured']})",
                    _pct(gva["injured"]),
                    _pct(gva["naive_injured"]),
                ),
                (
                    "GVA dev",
                    f"killed > 0 when 0 (n={zero})",
                    _pct(gva["killed_fp"]),
                    _pct(gva["naive_killed_fp"]),
                ),
                ("GVA dev", "injured > 0 when 0", _pct(gva["injured_fp"]), ""),
            ]
        else:
            print(f"skipping GVA: {path} not found")
    if args.set in ("muc4", "all"):
        path = corpora / "muc4" / "muc4_dev.jsonl"
        if path.exists():
            muc = score_muc(load_jsonl(path, args.limit), args.errors)
            rows_out += [
                (
                    "MUC-4 dev",
                    f"killed right (n={muc['n_docs']})",
                    _pct(muc["killed"]),
                    _pct(muc["naive_killed"]),
                ),
                ("MUC-4 dev", "found-a-count precision", _pct(muc["found_precision"]), ""),
                ("MUC-4 dev", "found-a-count recall", _pct(muc["found_recall"]), ""),
                ("MUC-4 dev", "qualifier agreement (right docs)", _pct(muc["qualifier_agreement"]), ""),
            ]
        else:
            print(f"skipping MUC-4: {path} not found")
    if args.set in ("numbers", "all"):
        path = corpora / "numbers" / "number_conventions_cases.tsv"
        if path.exists():
            numbers = score_numbers(path, verbose=True)
            rows_out.append(
                ("numbers", "cases passed", f"{numbers['passed']:.0f}/{numbers['cases']:.0f}", "")
            )
        else:
            print(f"skipping numbers: {path} not found")
    print()
    print(f"{'set':<10} {'measure':<36} {'newsparse':>10} {'naive peer':>11}")
    for name, measure, ours, peer in rows_out:
        print(f"{name:<10} {measure:<36} {ours:>10} {peer:>11}")
    if gva_texts and not args.no_speed:
        timing = speed(gva_texts)
        mean_chars = statistics.mean(map(len, gva_texts))
        print()
        print(f"speed on {len(gva_texts)} GVA dev articles (mean {mean_chars:.0f} chars), ms per article:")
        print(f"  casualties extractor + summary:       {timing['ms_extractor']:.3f}")
        print(f"  number phrases (Document.numbers):    {timing['ms_numbers']:.3f}")
        print(f"  sentences (Document, language layer): {timing['ms_sentences']:.3f}")
        print(f"  all three:                            {timing['ms_total']:.3f}")
        print(f"  naive regex peer:                     {timing['ms_naive']:.3f}")
        print(
            f"  dateparser search_dates (first 40):   {timing['ms_dateparser_search']:.3f}"
            f"  ({timing['ratio_dateparser_to_newsparse']:.1f}x newsparse's whole casualties run)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
