"""Score the agreements extractor on the agreements-dev corpus and time it against a keyword peer.

    .venv/bin/python benchmarks/agreements.py                # scores + speed
    .venv/bin/python benchmarks/agreements.py --errors       # also list misses, false alarms, wrong values
    .venv/bin/python benchmarks/agreements.py --corpora PATH

Scoring (the issue's definition): a system mention matches a gold mention when their overlap is at
least half of the shorter span; matching is one-to-one, greedy by overlap. Gold mentions marked
``optional`` are neither rewarded nor penalised (a system mention that lands on one is ignored).
On matched required mentions: kind, status and modality accuracy; parties as a micro-averaged
set P/R/F1 over (mention, party) pairs after light normalisation (case, a leading "the", dots);
name accuracy where any name the gold chain gives counts; date accuracy (exact TIMEX3 value,
None included).

The peer is a keyword matcher (the corpus README's baseline): agreement nouns with their
determiner, a kind from the words in the mention, modality always "asserted", no status.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
DEV_FILE = Path("agreements-dev") / "agreements_dev.jsonl"

Mention = dict[str, Any]
System = Callable[[Mapping[str, Any]], list[Mention]]


@attrs.frozen(kw_only=True)
class Scores:
    """Dev-set scores: mention detection, then attributes on matched required mentions."""

    tp: int
    fp: int
    fn: int
    matched: int
    kind: float
    status: float
    modality: float
    parties_p: float
    parties_r: float
    parties_f1: float
    name: float
    date: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_dev(corpora: Path) -> list[dict[str, Any]]:
    """The dev documents, one dict per line of the JSONL file."""
    with (corpora / DEV_FILE).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _overlap(a: Mention, b: Mention) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match(gold: Sequence[Mention], system: Sequence[Mention]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs overlapping by at least half the shorter span.

    Required gold mentions are matched before optional ones, then larger overlaps first.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = _overlap(g, s)
            shorter = min(g["end"] - g["start"], s["end"] - s["start"])
            if shorter > 0 and overlap * 2 >= shorter:
                candidates.append((bool(g.get("optional")), -overlap / shorter, gi, si))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _optional, _ratio, gi, si in candidates:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gi, si))
    return pairs


_DOTS = re.compile(r"[.’']")


def normalise_party(party: str) -> str:
    """Case-folded, without a leading "the", dots or apostrophes ("the U.S." -> "us")."""
    text = _DOTS.sub("", party.strip().lower())
    return text[4:] if text.startswith("the ") else text


def _name_key(name: str | None) -> str | None:
    return None if name is None else normalise_party(name)


def score(
    docs: Iterable[Mapping[str, Any]],
    system: System,
    *,
    report: Callable[[str], None] | None = None,
) -> Scores:
    """Run `system` on every document and score it (optionally reporting every error)."""
    tp = fp = fn = matched = 0
    kind_ok = status_ok = modality_ok = name_ok = date_ok = 0
    party_tp = party_fp = party_fn = 0
    for doc in docs:
        gold = doc["agreements"]
        predicted = system(doc)
        pairs = match(gold, predicted)
        gold_matched = {gi for gi, _ in pairs}
        system_matched = {si for _, si in pairs}
        chain_names: dict[str, set[str | None]] = {}
        for g in gold:
            chain_names.setdefault(g["id"], set()).add(_name_key(g.get("name")))
        for gi, g in enumerate(gold):
            if gi not in gold_matched and not g.get("optional"):
                fn += 1
                if report:
                    report(f"MISS  {doc['id']}: {g['text']!r} ({g['kind']}, {g['status']}, {g['modality']})")
        for si, s in enumerate(predicted):
            if si not in system_matched:
                fp += 1
                if report:
                    report(f"FALSE {doc['id']}: {s['text']!r} in {_context(doc['text'], s)!r}")
        for gi, si in pairs:
            g, s = gold[gi], predicted[si]
            if g.get("optional"):
                continue
            tp += 1
            matched += 1
            checks = {
                "kind": g["kind"] == s.get("kind"),
                "status": g["status"] == s.get("status"),
                "modality": g["modality"] == s.get("modality"),
                "name": _name_key(s.get("name")) in chain_names[g["id"]],
                "date": g.get("date") == s.get("date"),
            }
            kind_ok += checks["kind"]
            status_ok += checks["status"]
            modality_ok += checks["modality"]
            name_ok += checks["name"]
            date_ok += checks["date"]
            gold_parties = {normalise_party(p) for p in g.get("parties") or ()}
            system_parties = {normalise_party(p) for p in s.get("parties") or ()}
            party_tp += len(gold_parties & system_parties)
            party_fp += len(system_parties - gold_parties)
            party_fn += len(gold_parties - system_parties)
            if report:
                wrong = [k for k, ok in checks.items() if not ok]
                if gold_parties != system_parties:
                    wrong.append("parties")
                if wrong:
                    details = "; ".join(f"{k}: {_gold_value(g, k)!r} vs {s.get(k)!r}" for k in wrong)
                    report(f"ATTR  {doc['id']}: {g['text']!r} / {s['text']!r}: {details}")
    parties_p = party_tp / (party_tp + party_fp) if party_tp + party_fp else 0.0
    parties_r = party_tp / (party_tp + party_fn) if party_tp + party_fn else 0.0
    parties_f1 = 2 * parties_p * parties_r / (parties_p + parties_r) if parties_p + parties_r else 0.0
    return Scores(
        tp=tp,
        fp=fp,
        fn=fn,
        matched=matched,
        kind=kind_ok / matched if matched else 0.0,
        status=status_ok / matched if matched else 0.0,
        modality=modality_ok / matched if matched else 0.0,
        parties_p=parties_p,
        parties_r=parties_r,
        parties_f1=parties_f1,
        name=name_ok / matched if matched else 0.0,
        date=date_ok / matched if matched else 0.0,
    )


def _gold_value(gold: Mention, key: str) -> Any:
    return gold.get(key) if key != "parties" else gold.get("parties")


def _context(text: str, mention: Mention, width: int = 60) -> str:
    start = max(0, mention["start"] - width)
    return text[start : mention["end"] + width].replace("\n", " ")


def _clock() -> float:
    """CPU time of this process: the machine is shared, so wall time measures the neighbours."""
    return time.process_time()


# -- systems ------------------------------------------------------------------------------------


def _published(doc: Mapping[str, Any]) -> str | None:
    """The document's date; a month alone ("2016-10", from a URL) is read as its first day."""
    value = doc.get("published")
    return f"{value}-01" if isinstance(value, str) and len(value) == 7 else value


def newsparse_system() -> tuple[System, Callable[[Mapping[str, Any]], float]]:
    """The extractor as users run it, and a timer for its own share of the work.

    Dates are found first (outside the timer) when the dates extractor is installed: they are
    another extractor's cost. The timer covers building the `Document` the agreements extractor
    reads and the extractor itself.
    """
    from newsparse.extractors.agreements import AgreementsExtractor
    from newsparse.pipeline import Pipeline
    from newsparse.plugins import get_manager
    from newsparse.text.document import Document

    extractor = AgreementsExtractor()
    dates = get_manager().extractors().get("dates")
    reader = Pipeline(extractors=[]).read

    def prepare(doc: Mapping[str, Any]) -> tuple[Any, dict[str, Any]]:
        article = reader(doc["text"], format="plain", published=_published(doc))
        found = {}
        if dates is not None:
            found["dates"] = tuple(dates.obj(article, Document.of(article), {}))
        return article, found

    def run(doc: Mapping[str, Any]) -> list[Mention]:
        article, found = prepare(doc)
        return [f.to_dict() for f in extractor(article, Document.of(article), found)]

    def timed(doc: Mapping[str, Any]) -> float:
        article, found = prepare(doc)
        began = _clock()
        list(extractor(article, Document.of(article), found))
        return _clock() - began

    return run, timed


_KEYWORD = re.compile(
    r"(?:\b(?:the|a|an|this|that|these|those|its|their|his|her)\s+)?(?:[\w-]+\s+){0,2}?"
    r"\b(?:agreements?|accords?|deals?|treat(?:y|ies)|pacts?|cease-?fires?|truces?|settlements?"
    r"|NAFTA|Nafta|TPP|TTIP|CETA|JCPOA|NDAs?)\b",
    re.IGNORECASE,
)
_KEYWORD_KINDS = (
    ("ceasefire", re.compile(r"cease-?fire|truce", re.I)),
    ("peace", re.compile(r"peace", re.I)),
    ("trade", re.compile(r"trade|NAFTA|TPP|TTIP|CETA", re.I)),
    ("climate", re.compile(r"climate|Paris", re.I)),
    ("nuclear", re.compile(r"nuclear|JCPOA|Iran", re.I)),
    ("migration", re.compile(r"refugee|migra", re.I)),
)


def keyword_system(doc: Mapping[str, Any]) -> list[Mention]:
    """The baseline: agreement nouns with up to two words before them."""
    found = []
    for m in _KEYWORD.finditer(doc["text"]):
        kind = next((k for k, pattern in _KEYWORD_KINDS if pattern.search(m.group())), "other")
        found.append(
            {
                "start": m.start(),
                "end": m.end(),
                "text": m.group(),
                "kind": kind,
                "modality": "asserted",
                "status": None,
                "parties": [],
                "name": None,
                "date": None,
            }
        )
    return found


# -- command line ------------------------------------------------------------------------------


def _row(label: str, s: Scores) -> str:
    return (
        f"{label:<10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}  {s.kind:6.3f} {s.status:6.3f}"
        f" {s.modality:6.3f}  {s.parties_p:6.3f} {s.parties_r:6.3f} {s.parties_f1:6.3f}"
        f"  {s.name:6.3f} {s.date:6.3f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="the shared corpora folder")
    parser.add_argument("--errors", action="store_true", help="print every error of the extractor")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (best is reported)")
    args = parser.parse_args(argv)
    if not (args.corpora / DEV_FILE).is_file():
        print(f"agreements-dev not found under {args.corpora}; nothing to score (use --corpora PATH)")
        return 0
    docs = load_dev(args.corpora)
    run, timed = newsparse_system()
    ours = score(docs, run, report=print if args.errors else None)
    peer = score(docs, keyword_system)
    required = sum(1 for d in docs for a in d["agreements"] if not a.get("optional"))
    print(f"agreements-dev: {len(docs)} documents, {required} required mentions\n")
    print(
        f"{'system':<10} {'P':>6} {'R':>6} {'F1':>6}  {'kind':>6} {'status':>6} {'modal':>6}"
        f"  {'partyP':>6} {'partyR':>6} {'partyF':>6}  {'name':>6} {'date':>6}"
    )
    print(_row("newsparse", ours))
    print(_row("keywords", peer))
    print(
        "\ntargets:   mention F1 >= 0.90, kind >= 0.85, status >= 0.75, modality >= 0.85, parties F1 >= 0.65"
    )

    best_ours = best_peer = float("inf")
    for _ in range(max(1, args.rounds)):
        best_ours = min(best_ours, sum(timed(doc) for doc in docs))
        began = _clock()
        for doc in docs:
            keyword_system(doc)
        best_peer = min(best_peer, _clock() - began)
    per_ours = 1000 * best_ours / len(docs)
    per_peer = 1000 * best_peer / len(docs)
    print(
        f"\nspeed (CPU time, best of {args.rounds}): newsparse {per_ours:.3f} ms/article (target <= 1 ms), "
        f"keywords {per_peer:.3f} ms/article, ratio {per_ours / per_peer:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
