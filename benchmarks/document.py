"""Benchmark of the language layer (`newsparse.text.Document`): sentence boundaries and speed.

Run ``.venv/bin/python benchmarks/document.py [--corpora PATH]``. It reads PolNeAR dev
(``../shared/corpora/polnear/dev.jsonl``; research use only, never copied into the repository)
and prints:

1. **Sentence-boundary P/R/F1** against boundaries derived from the PolNeAR dev texts. PolNeAR
   has no sentence annotation, so the gold is derived as follows (`gold_boundaries`):

   - the text is cut into blocks at blank lines (`newsparse.readers.plain.split_paragraphs`);
     block starts are not scored (they are given), only boundaries inside blocks;
   - a single line break inside a block is a boundary when the next line does not start with a
     lower-case letter (list items, quotes printed one per line; a lower-case start is a
     hard-wrapped sentence);
   - every run of ``. ! ? …`` with closing quotes/brackets, followed by whitespace, is a
     candidate. It is not a boundary when the next character is lower case, a dash, an ellipsis
     or another symbol. Otherwise:
     * the 235 hard candidates -- a closing quote or bracket in the mark; a single capital
       letter, a dotted acronym (U.S., D.C., a.m.), a month or state abbreviation, "No.", "St.",
       "v." or an empty word before it -- were read and labelled by hand (one annotator, this
       benchmark's author) in ``benchmarks/data/polnear-dev-sentence-review.tsv`` (document id,
       offset, label; no corpus text);
     * after "Mr", "Mrs", "Ms", "Dr", "Rep", "Sen", "Sens", "Gov", "Rev", "Lt", "Gen", "Mt" it is
       not a boundary (checked by type: every such case in dev precedes a name);
     * every other candidate (a lower-case word, a number or a capitalised word before it) is a
       boundary.

   The hand-labelled cases are where splitters differ; the rule-labelled rest is unambiguous
   text ("... said Trump. The ..."). Scores are micro-averaged over all boundaries.
   Then two speaker figures from PolNeAR's attributions (see `speaker_scores`): how often a
   he/she source resolves to CoreNLP's silver name, and how many non-pronoun sources a mention
   covers.
2. **Speed**: seconds per 1,000 articles to build the Document with every property (blocks,
   sentences, tokens, numbers, mentions, entities, the tense of every sentence, side documents)
   over the PolNeAR dev texts: passes over all dev texts until at least ``--builds`` documents
   are built, each pass timed in CPU time (`time.process_time`, so that other processes on a
   shared machine count less); the best pass is reported.
3. **Ratio against dateparser**: the CPU time of one full Document build divided by the CPU time
   of ``dateparser.search.search_dates`` on the same text, in the same run, each the best of
   ``--repeats`` runs: on the seed article and on every dev article of 750-1,050 words.
   dateparser is run two ways:

   - as called without options (``search_dates(text)``), which first detects the text's
     language. The language it settled on is printed with the figures: on some English
     articles it settles on Catalan, then reads English dates with Catalan rules, finds fewer of
     them and takes ~40 ms instead of ~1 s. Those runs are reported apart, as they are not the
     time dateparser needs to read the article as what it is;
   - pinned to English (``languages=["en"]``), its fastest correct configuration and the one
     ``benchmarks/dates.py`` compares against.

   Skipped when dateparser is missing.

Every figure is computed on fresh `Document` objects: nothing is cached between builds of the
same text except per-process word tables (look-ups keyed by single words).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import NamedTuple, TypeVar

import regex

import newsparse
from newsparse.readers.plain import split_paragraphs
from newsparse.text import Document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
REVIEW_LABELS = Path(__file__).resolve().parent / "data" / "polnear-dev-sentence-review.tsv"
T = TypeVar("T")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CANDIDATE = regex.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_NEXT = regex.compile(r"\s+(\S)")
_LINE_BREAK = regex.compile(r"[^\S\n]*\n[^\S\n]*(?=\S)")
_WORD_BEFORE = regex.compile(r"(\S+)$")
_OPENING = "\"'“‘«(["
_CLOSING = "\"'”’»)]"
# Word types labelled once for all their cases (see the module docstring).
_NOT_BOUNDARY_AFTER = frozenset(
    {
        "Mr",
        "Mrs",
        "Ms",
        "“Mr",
        "”Mr",
        "(Mr",
        '"Mr',
        "Dr",
        "Rep",
        "Sen",
        "Sens",
        "Gov",
        "Rev",
        "Lt",
        "Gen",
        "Mt",
    }
)
# Word types whose cases were labelled one by one.
_REVIEWED_WORDS = _words(
    """St v vs No no Sept Nov Oct Jan Feb Aug Del Va Wis Ala N.Y W.Va D.C U.S U.N G.K W.T.O a.m p.m
    <EMPTY> (800-273-8255) “U-S-A ''WHAT RT II hook) rate) forms) about) pneumonia) (AROS)"""
)
_LOWER_ABBREVIATIONS = _words("etc vs approx a.m p.m e.g i.e al cf ca ft oz lb mph mi km no st sr jr mt")


def load(corpora: Path, name: str) -> list[dict[str, object]]:
    path = corpora / "polnear" / name
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def read_review_labels(path: Path = REVIEW_LABELS) -> dict[tuple[str, int], int]:
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            doc_id, offset, label = line.split("\t")
            labels[(doc_id, int(offset))] = int(label)
    return labels


def gold_boundaries(doc_id: str, text: str, labels: dict[tuple[str, int], int]) -> set[int]:
    """Offsets where a sentence starts inside a block, derived as the module docstring says."""
    gold: set[int] = set()
    for block in split_paragraphs(text):
        for match in _LINE_BREAK.finditer(text, block.start, block.end):
            if not text[match.end()].islower():
                gold.add(match.end())
        for match in _CANDIDATE.finditer(text, block.start, block.end):
            following = _NEXT.match(text, match.end(), block.end)
            if following is None:
                continue
            first = following.group(1)
            if first.islower() or not (first.isalnum() or first in _OPENING):
                continue
            word_match = _WORD_BEFORE.search(text, 0, match.start())
            word = word_match.group(1) if word_match and match.start() > block.start else "<EMPTY>"
            mark = match.group()
            closing = any(c in _CLOSING for c in mark)
            bare = word.strip('“"(”')
            hard = closing or word in _REVIEWED_WORDS or (len(bare) == 1 and bare.isupper())
            if hard:
                label = labels.get((doc_id, match.start()))
                if label is None:
                    raise KeyError(f"unlabelled hard case {doc_id} {match.start()}")
            elif word in _NOT_BOUNDARY_AFTER:
                label = 0
            else:
                label = 1
            if label:
                gold.add(following.start(1))
    return gold


def predicted_boundaries(text: str) -> set[int]:
    document = Document(text)
    block_starts = {block.start for block in document.blocks}
    return {s.start for s in document.sentences if s.start not in block_starts}


def score(
    predicted: Iterable[set[int]], gold: Iterable[set[int]]
) -> tuple[float, float, float, int, int, int]:
    true_positives = false_positives = false_negatives = 0
    for found, expected in zip(predicted, gold, strict=True):
        true_positives += len(found & expected)
        false_positives += len(found - expected)
        false_negatives += len(expected - found)
    precision = true_positives / max(1, true_positives + false_positives)
    recall = true_positives / max(1, true_positives + false_negatives)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return precision, recall, f1, true_positives, false_positives, false_negatives


def build_everything(document: Document) -> int:
    """Touch every property of the document (and its side documents); returns a checksum."""
    total = len(document.blocks) + len(document.sentences) + len(document.tokens) + len(document.numbers)
    total += len(document.mentions) + len(document.entities)
    total += sum(1 for s in document.sentences if document.tense_at(s.start) != "unknown")
    for side in document.side_documents():
        total += build_everything(side)
    return total


def speaker_scores(docs: list[dict[str, object]]) -> tuple[float, int, float, int]:
    """(pronoun agreement, pronouns scored, source coverage, sources scored) on PolNeAR attributions.

    Pronoun agreement: for attributions whose source is he/she/him/her/his and that carry a silver
    name (CoreNLP's coreference, shipped with PolNeAR; automatic, not gold), the share whose
    resolved entity has the silver name's last word among its alias words (by `same_name`).
    Source coverage: the share of non-pronoun sources that some mention overlaps, i.e. that an
    extractor can attach to an entity.
    """
    from newsparse.text.aliases import same_name

    agreed = pronouns = covered = sources = 0
    for doc in docs:
        document = Document(str(doc["text"]))
        for attribution in doc["attributions"]:  # type: ignore[attr-defined]
            if not attribution["source"]:
                continue
            span = attribution["source"][0]
            if attribution["source_is_pronoun"]:
                silver = attribution["source_canonical_silver"]
                if not silver or attribution["source_text"].lower() not in ("he", "she", "him", "her", "his"):
                    continue
                pronouns += 1
                entity = document.entity_at(span["start"], span["end"])
                words = [w for alias in entity.aliases for w in alias.split()] if entity else []
                agreed += any(same_name(silver.split()[-1], word) for word in words)
            else:
                sources += 1
                covered += bool(document.mention_at(span["start"], span["end"]))
    return agreed / max(1, pronouns), pronouns, covered / max(1, sources), sources


def part_timings(texts: list[str], passes: int = 3) -> dict[str, float]:
    """Median CPU milliseconds per article for each group of properties, built on fresh
    documents (the best of `passes` for each article)."""
    parts: dict[str, Callable[[Document], object]] = {
        "sentences": lambda d: d.sentences,
        "tokens, mentions, entities": lambda d: (d.sentences, d.entities),
        "numbers": lambda d: d.numbers,
        "tense of every sentence": lambda d: [d.tense_at(s.start) for s in d.sentences],
    }
    result = {}
    for name, touch in parts.items():
        timings = []
        for text in texts:
            best = float("inf")
            for _ in range(passes):
                document = Document(text)
                if name.startswith("tense"):
                    document.sentences  # noqa: B018 - sentences are timed on their own
                start = time.process_time()
                touch(document)
                best = min(best, time.process_time() - start)
            timings.append(best)
        result[name] = statistics.median(timings) * 1000
    return result


def sentence_scores(docs: list[dict[str, object]]) -> tuple[float, float, float, int, int, int]:
    labels = read_review_labels()
    gold = [gold_boundaries(str(d["id"]), str(d["text"]), labels) for d in docs]
    predicted = [predicted_boundaries(str(d["text"])) for d in docs]
    return score(predicted, gold)


def seconds_per_thousand(texts: list[str], minimum: int = 1000) -> float:
    """CPU seconds per 1,000 documents (= ms per document): the best of passes over `texts`,
    repeated until at least `minimum` documents are built."""
    builds = 0
    best = float("inf")
    while builds < minimum:
        start = time.process_time()
        for text in texts:
            build_everything(Document(text))
        best = min(best, time.process_time() - start)
        builds += len(texts)
    return best / len(texts) * 1000


def _best_time(function: Callable[[], T], repeats: int) -> tuple[float, T]:
    """The least CPU time of `repeats` calls of `function`, and what the last call returned."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        result = function()
        best = min(best, time.process_time() - start)
    return best, result


class PeerTiming(NamedTuple):
    """One article's timings for the ratio against dateparser (CPU seconds, best of repeats)."""

    ours: float
    """A full Document build."""

    default: float
    """``search_dates(text)``: language detection, then search."""

    language: str | None
    """The language dateparser detected (the most frequent among its results; None: no results)."""

    english: float
    """``search_dates(text, languages=["en"])``."""


def _build_text(text: str) -> int:
    return build_everything(Document(text))


def dateparser_timings(texts: list[str], repeats: int) -> list[PeerTiming] | None:
    """`PeerTiming` for each text, or None without dateparser."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    search_dates("Putin met Erdogan on Thursday, March 5, 2020.")  # load language data outside the timing
    timings = []
    for text in texts:
        ours, _ = _best_time(partial(_build_text, text), repeats)
        # `add_detected_language` only appends the language dateparser chose to each result.
        default, found = _best_time(partial(search_dates, text, add_detected_language=True), repeats)
        languages = Counter(result[2] for result in found or []).most_common(1)
        english, _ = _best_time(partial(search_dates, text, languages=["en"]), repeats)
        timings.append(PeerTiming(ours, default, languages[0][0] if languages else None, english))
    return timings


def _ratios(label: str, timings: list[PeerTiming], peer: Callable[[PeerTiming], float]) -> str:
    ratios = sorted(timing.ours / peer(timing) for timing in timings)
    ours_ms = statistics.median(timing.ours for timing in timings) * 1000
    theirs_ms = statistics.median(peer(timing) for timing in timings) * 1000
    return (
        f"| {label} ({len(timings)}): Document / search_dates | median {ours_ms:.1f} ms / "
        f"{theirs_ms:.0f} ms; ratio median {statistics.median(ratios):.3f}, max {ratios[-1]:.3f} |"
    )


def peer_rows(label: str, timings: list[PeerTiming]) -> list[str]:
    """Table rows for one sample: against the default call, split by the language dateparser
    detected (English or not), and against dateparser pinned to English."""
    rows = []
    read_as_english = [t for t in timings if t.language == "en"]
    misread = [t for t in timings if t.language != "en"]
    if read_as_english:
        rows.append(_ratios(f"{label}, default call, read as English", read_as_english, lambda t: t.default))
    if misread:
        languages = ", ".join(sorted({str(t.language) for t in misread}))
        rows.append(_ratios(f"{label}, default call, read as {languages}", misread, lambda t: t.default))
    rows.append(_ratios(f'{label}, languages=["en"]', timings, lambda t: t.english))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder holding polnear/")
    parser.add_argument("--builds", type=int, default=1000, help="documents to build for the speed figure")
    parser.add_argument(
        "--repeats", type=int, default=3, help="timed runs of each article on each side of the ratio (best)"
    )
    arguments = parser.parse_args(argv)
    if not (arguments.corpora / "polnear" / "dev.jsonl").is_file():
        print(f"PolNeAR dev not found under {arguments.corpora}; nothing to measure.")
        return 0
    docs = load(arguments.corpora, "dev.jsonl")
    texts = [str(d["text"]) for d in docs]
    precision, recall, f1, tp, fp, fn = sentence_scores(docs)
    print(f"PolNeAR dev: {len(docs)} articles, {sum(len(t.split()) for t in texts)} words")
    print()
    print("| measure | value |")
    print("|---|---|")
    print(
        f"| sentence boundaries P / R / F1 | {precision:.3f} / {recall:.3f} / {f1:.3f} "
        f"(tp {tp}, fp {fp}, fn {fn}) |"
    )
    agreement, pronouns, coverage, sources = speaker_scores(docs)
    print(f"| he/she sources resolved to the silver name | {agreement:.3f} ({pronouns} attributions) |")
    print(f"| non-pronoun sources covered by a mention | {coverage:.3f} ({sources} attributions) |")
    per_thousand = seconds_per_thousand(texts, arguments.builds)
    print(
        f"| Document, all properties: s per 1,000 articles | {per_thousand:.2f} "
        f"({per_thousand:.2f} ms/article) |"
    )
    for name, milliseconds in part_timings(texts).items():
        print(f"| median ms per article: {name} | {milliseconds:.2f} |")
    seed = ROOT / "seeds" / "dw-2020-03-05-idlib-crisis.txt"
    samples: list[tuple[str, list[str]]] = []
    if seed.is_file():
        samples.append(("seed article", [newsparse.parse(seed.read_text(encoding="utf-8")).text]))
    samples.append(("dev articles of 750-1,050 words", [t for t in texts if 750 <= len(t.split()) <= 1050]))
    for label, sample in samples:
        timings = dateparser_timings(sample, arguments.repeats)
        if timings is None:
            print("| ratio to dateparser.search.search_dates | skipped (dateparser not installed) |")
            break
        for row in peer_rows(label, timings):
            print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
