"""The article-level casualty figures: one best-supported figure per category, never a sum of repeats.

`summarize_casualties` is what `CasualtiesExtractor.summarize` stores under
``summaries.casualties``. It reads only the findings, so it can be re-run on findings loaded
from JSON.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from newsparse.extractors import casualty_rules as rules

if TYPE_CHECKING:
    from newsparse.extractors.casualties import CasualtyFinding

__all__ = ["CATEGORIES", "summarize_casualties"]

CATEGORIES = rules.CATEGORIES

Key = tuple[int | None, int | None, int | None]

# How much one report supports its figure: a report about part of the victims ("two of the
# victims are in critical condition", "one was taken to hospital"), about one victim, a vague
# or an indirect count ("multiple fatalities", "two counts of murder") supports less than a
# plain count.
_WEAK = 0.5
# A count in the lede outweighs one repeat further down, never two.
_LEDE_BONUS = 0.5
_SUBSET_TRIGGER = re.compile(r"condition|hospital|treated|suffered", re.IGNORECASE)
_PARTITIVE_TEXT = re.compile(r"^(?:\S+\s+){1,3}of\s+(?:the|them|those|these|whom)\b", re.IGNORECASE)
_INDIRECT = re.compile(r"(?:murder|homicide|manslaughter)$", re.IGNORECASE)
# Triggers of harm without a killed/injured split, from which injuries can be derived.
_HARM_ONLY = re.compile(r"shot|stabbed|struck|hit|gunned|shooting|stabbing|casualties|\bor\b", re.IGNORECASE)
_ALSO = re.compile(r"\balso\b", re.IGNORECASE)
_OTHERS = re.compile(r"\b(?:others?|more|additional)\b", re.IGNORECASE)
# A count opening a report: a group told for the first time ("two people", "3 men"), not "the two".
_NEW_COUNT = re.compile(
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?!of\b)(?:[\w'’-]+\s+){0,2}?"
    r"(?:people|persons|men|women|boys|girls|teens|teenagers|adults|children|victims)\b",
    re.IGNORECASE,
)
_REFLEXIVE = frozenset({"himself", "herself"})
_PERPETRATOR_NOUNS = frozenset(
    """gunman shooter suspect attacker assailant killer perpetrator sniper bomber gunmen shooters
    suspects intruder intruders robber robbers burglar burglars carjacker hijacker""".split()
)
_OF_AFTER = re.compile(r"\s+(?:of|to)\b")
_TOLL_TRIGGER = re.compile(r"\btoll\b|number\s+of|died|dies|succumbed", re.IGNORECASE)
_WORDS = re.compile(r"[\w'’.&/-]+")
_SINGULAR = {"men": "man", "women": "woman", "children": "child", "people": "person", "persons": "person"}
# Heads that say nothing about who the victims are.
_GENERIC_HEADS = frozenset(
    {"person", "victim", "other", "individual", "them", "more", "resident", "civilian"}
)


def summarize_casualties(
    findings: Iterable[CasualtyFinding], top_end: int | None = None, lede_end: int | None = None
) -> dict[str, dict[str, Any]]:
    """The article's best figure per category: ``{category: {min, max, qualifier, ...}}``.

    Per category, among the reports in the main text that are neither negated, merely possible,
    about an earlier incident (``background``) nor a statistic over a calendar period:

    1. figures are grouped, so a figure repeated in the title, lede and body counts once with
       more support (never added up); reports about part of the victims ("two of them are in
       critical condition"), about one victim, vague and indirect counts ("two counts of
       murder") support less;
    2. the incident figure is the best-supported explicit count; single victims without a
       number ("a man was killed") only count when there is no explicit count; ties go to the
       report that comes first (the headline figure); when that figure is one victim, each
       later single report with "also" ("a woman was also killed") adds one, even far down the
       story;
    3. a count of several victims in the lede (``lede_end``: the first paragraph of the body)
       gets half a report more support: the total is stated first, its parts below;
    4. a running total of the same victims ("the death toll rose to 40", "more than 50 Turkish
       soldiers ... in recent weeks" after "more than 30 Turkish soldiers") replaces it when it
       is at least as large; a roundup of "people shot since Wednesday" does not;
    5. a category with only denials ("no one was hurt") gets 0;
    6. injured, when no plain report of injuries says more, is derived from people shot or hurt
       without a split ("five people were shot" and two killed: 3 injured), marked ``derived``.

    An entry has ``min``/``max`` (for "about 19" both are 19, with ``approximate`` true),
    ``qualifier``, ``point``, ``negated``, ``cumulative``, ``victims``, ``reports`` (how many
    usable reports the category has), ``support`` (how many gave the chosen figure) and the
    chosen report's ``start``, ``end`` and ``text``.
    """
    by_category: dict[str, list[CasualtyFinding]] = {}
    findings_list = [f for f in findings if f.field == "text"]
    for finding in findings_list:
        if finding.field == "text":
            by_category.setdefault(finding.category, []).append(finding)
    summary: dict[str, dict[str, Any]] = {}
    strength: dict[str, float] = {}
    for category in CATEGORIES:
        reports = sorted(by_category.get(category, ()), key=lambda f: f.start)
        if not reports:
            continue
        usable = [f for f in reports if counts_for_summary(f) and not _deep_single(f, top_end)]
        lone_part = [f for f in usable if _deep_part(f, top_end)]
        if len(lone_part) == len(usable):
            # "one of them died" far down the story, and nothing above: the group it is part of
            # was told as another incident ("two people were shot in that incident")
            usable = []
        if usable:
            # "a woman was also killed" far down the story: one more victim besides those above
            usable += [
                f
                for f in reports
                if counts_for_summary(f) and _deep_single(f, top_end) and _ALSO.search(f.text)
            ]
            usable.sort(key=lambda f: f.start)
        if not usable:
            denials = [f for f in reports if f.negated]
            if denials:
                summary[category] = _entry(denials[0], len(reports), len(denials))
            else:
                summary[category] = _context_only(reports)
            continue
        chosen, support, _ = _choose(usable, top_end, lede_end)
        if category == "injured":
            chosen = _survivors_told_after(chosen, usable, summary.get("killed"))
            support = sum(1 for f in usable if _key(f) == _key(chosen))
        entry = _entry(chosen, len(usable), support)
        strength[category] = max(_weight(f) for f in usable if _key(f) == _key(chosen))
        added = _perpetrator_dead(chosen, usable, findings_list) if category == "killed" else []
        added += _also_harmed(chosen, usable)
        summary[category] = _with_added(entry, added)
    derived = _derived_injured(by_category.get("affected", ()), summary.get("killed"), top_end)
    if derived is not None:
        current = summary.get("injured")
        unknown = current is None or current["negated"] or bool(current.get("context"))
        # a running tally ("seven people injured in shootings this weekend") is no incident's figure
        unknown = unknown or bool(current and current["cumulative"])
        weak = unknown or strength.get("injured", 0.0) < 1.0
        # People shot at the top of the story, before any report of injuries, are the total
        # those reports are part of ("Five people were shot ... three have non-life-threatening
        # injuries"; "... two were taken to hospital")
        stated = 0 if current is None or current["min"] is None else int(current["min"])
        first = current is not None and not unknown and derived["start"] <= current["start"]
        first = first and (top_end is None or derived["start"] < top_end)
        if derived["min"] == 0 and stated > 1:
            pass  # all those shot died: a group stated as hurt are others ("... two men were hurt")
        elif unknown or (first and (weak or derived["min"] > stated)) or (weak and derived["min"] >= stated):
            summary["injured"] = derived
    return summary


def _perpetrator_dead(
    chosen: CasualtyFinding, usable: Sequence[CasualtyFinding], findings: Sequence[CasualtyFinding]
) -> list[CasualtyFinding]:
    """The attacker's own death ("before killing himself", "the gunman was shot dead by police"),
    when the chosen figure counts only the victims: the incident's dead include the attacker."""
    if not _attacker_object(chosen):
        return []  # "two dead", "three people were killed": the count may have the attacker in it
    if _counts_perpetrator(chosen):
        return []
    names = {f.perpetrator.split()[-1] for f in findings if f.perpetrator and f.perpetrator[:1].isupper()}
    for report in usable:
        if report is not chosen and _is_perpetrator(report, names):
            return [report]
    return []


def _also_harmed(chosen: CasualtyFinding, usable: Sequence[CasualtyFinding]) -> list[CasualtyFinding]:
    """Victims told one by one ("the officer was killed ... a woman was also killed"): when the
    figure is one victim, each later single report with "also" is another victim."""
    if chosen.min != 1 or chosen.max != 1:
        return []
    return [
        f
        for f in usable
        if f.start > chosen.start and f.min == 1 and f.max == 1 and _ALSO.search(f.text) is not None
    ]


def _attacker_object(report: CasualtyFinding) -> bool:
    """Whether the report counts the objects of an attacker's verb ("[the gunman] killed two
    people", "killing a woman"): his victims, never himself."""
    low = report.text.lower()
    trigger = report.trigger.lower()
    return low.startswith(trigger) and _OF_AFTER.match(low, len(trigger)) is None


def _is_perpetrator(report: CasualtyFinding, names: set[str]) -> bool:
    victims = (report.victims or "").strip()
    if not victims or report.min != 1:
        return False
    words = victims.lower().split()
    if words[-1] in _REFLEXIVE or words[-1] in _PERPETRATOR_NOUNS:
        return True
    return victims.split()[-1] in names


def _counts_perpetrator(report: CasualtyFinding) -> bool:
    """Whether a report's count already has the attacker in it ("three dead, including the gunman")."""
    said = f"{report.victims or ''} {report.including or ''} {report.text}".lower()
    return any(word in _PERPETRATOR_NOUNS or word in _REFLEXIVE for word in _WORDS.findall(said))


def _with_added(entry: dict[str, Any], added: Sequence[CasualtyFinding]) -> dict[str, Any]:
    """The entry with the victims of `added` reports counted in (listed under ``added``)."""
    if not added or entry["min"] is None:
        return entry
    extra = sum(_figure(f) or 0 for f in added)
    entry["min"] += extra
    if entry["max"] is not None:
        entry["max"] += extra
    if entry["point"] is not None:
        entry["point"] += extra
    entry["added"] = [{"min": _figure(f), "start": f.start, "end": f.end, "text": f.text} for f in added]
    return entry


def _deep_single(finding: CasualtyFinding, top_end: int | None) -> bool:
    """Someone new ("a man was killed", "another victim died") below the top of the story: in
    the inverted pyramid, a victim first introduced there belongs to another incident."""
    if top_end is None or finding.start < top_end or not _is_single(finding):
        return False
    return finding.text.split(None, 1)[0].lower() in ("a", "an", "another")


def _deep_part(finding: CasualtyFinding, top_end: int | None) -> bool:
    """One of a group ("one of the men later died") below the top of the story."""
    if top_end is None or finding.start < top_end or finding.min != 1 or finding.max != 1:
        return False
    return _PARTITIVE_TEXT.search(finding.text) is not None


def counts_for_summary(finding: CasualtyFinding) -> bool:
    """A report of this article's own incidents: not denied, not hypothetical, not context or statistics."""
    return (
        not finding.negated
        and finding.modality != "possible"
        and not finding.background
        and not _is_statistic(finding)
        and _figure(finding) is not None
    )


def _context_only(reports: Sequence[CasualtyFinding]) -> dict[str, Any]:
    """A category mentioned only hypothetically or about other incidents ("could kill hundreds",
    "a man was killed there last year"): the article's own figure is at least 0, with no bound."""
    return {
        "min": 0,
        "max": None,
        "approximate": False,
        "qualifier": "at_least",
        "point": None,
        "negated": False,
        "cumulative": False,
        "victims": None,
        "reports": 0,
        "support": 0,
        "context": len(reports),
        "start": None,
        "end": None,
        "text": None,
    }


def _survivors_told_after(
    chosen: CasualtyFinding, usable: Sequence[CasualtyFinding], killed: dict[str, Any] | None
) -> CasualtyFinding:
    """The wounded without those who died of their wounds: "four people were wounded ... one of
    them died ... three others were taken to hospital" -> the later 3, when the chosen count less
    the deaths is exactly a count told after it."""
    if killed is None or killed["negated"] or killed.get("context") or not killed["min"]:
        return chosen
    if chosen.min is None or chosen.min != chosen.max or _is_others(chosen):
        return chosen  # "three others were wounded" already leaves the dead out
    survivors = chosen.min - int(killed["min"])
    if survivors < 1:
        return chosen
    later = [f for f in usable if f.start > chosen.start and f.min == survivors == f.max and _is_others(f)]
    return later[0] if later else chosen


def _derived_injured(
    affected: Sequence[CasualtyFinding], killed: dict[str, Any] | None, top_end: int | None = None
) -> dict[str, Any] | None:
    """Injured = people shot (or hurt, split unknown) minus those killed; "three others were shot" as is."""
    usable = [
        f
        for f in affected
        if f.field == "text"
        and counts_for_summary(f)
        and f.min is not None
        and f.qualifier in ("exact", "at_least", "more_than")
        and _HARM_ONLY.search(f.trigger)
        and not _PARTITIVE_TEXT.search(f.text)  # "one of the suspects was shot" is not all who were
    ]
    if not usable:
        return None
    chosen, support, _ = _choose(usable)
    assert chosen.min is not None
    others = _is_others(chosen)
    if killed is not None and (killed["negated"] or killed.get("context")):
        killed = None
    if killed is not None and _new_group_below(killed, chosen, top_end):
        killed = None
    dead = 0 if killed is None or killed["min"] is None else int(killed["min"])
    if killed is not None:
        dead -= len(killed.get("added", ()))  # the attacker's own death is not among those he shot
    survivors = [f for f in usable if _is_others(f)]
    if not others and survivors and chosen.min <= dead:
        # "Both were shot [and died] ... three other victims were shot": the others survived
        chosen, others = survivors[0], True
    low = chosen.min
    if low is None:
        return None
    if killed is not None and killed["start"] > chosen.start and not others and dead > low:
        return None
    figure = low if others else low - dead
    if figure < 0:
        return None
    entry = _entry(chosen, len(usable), support)
    high = figure if chosen.max == chosen.min else None
    entry.update(min=figure, max=high, point=figure, derived="shot" if others else "shot minus killed")
    return entry


def _new_group_below(killed: dict[str, Any], shot: CasualtyFinding, top_end: int | None) -> bool:
    """Whether the deaths are a group of their own told below the people shot at the top of the
    story ("Four people were shot ..." then, further down, "two people were shot dead at a party"):
    a new count of several victims there is another incident's, never part of those shot."""
    if top_end is None or shot.start >= top_end or killed["start"] is None or killed["start"] < top_end:
        return False
    if killed["min"] is None or killed["min"] < 2 or killed.get("added") or (shot.min or 0) < 2:
        return False  # one victim shot, then "two teenagers killed": he may be one of them
    text = killed["text"] or ""
    if _OTHERS.match(killed["victims"] or ""):
        return False
    return _NEW_COUNT.match(text) is not None


def _is_others(finding: CasualtyFinding) -> bool:
    """People besides those already counted: "three others", "two other victims" (not "he and
    four others")."""
    return bool(finding.victims and _OTHERS.match(finding.victims))


def _figure(finding: CasualtyFinding) -> int | None:
    return finding.min if finding.min is not None else finding.point


def _key(finding: CasualtyFinding) -> Key:
    return finding.min, finding.max, finding.point


def _weight(finding: CasualtyFinding) -> float:
    if _SUBSET_TRIGGER.search(finding.trigger) or _PARTITIVE_TEXT.search(finding.text):
        return _WEAK  # about part of the victims: "two of them are in critical condition"
    if _INDIRECT.search(finding.trigger) or finding.qualifier == "vague":
        return _WEAK  # "two counts of murder", "multiple fatalities"
    if finding.min == 1 and finding.max == 1:
        return _WEAK  # one victim described among others: "one man died at the scene"
    return 1.0


def _lede_bonus(finding: CasualtyFinding, lede_end: int | None) -> float:
    """Extra support for a count of several victims in the lede: the inverted pyramid states the
    incident's total first ("one person is dead and four others are injured") and breaks it down
    below ("two others were taken to hospital", "two more walked in with gunshot wounds")."""
    if lede_end is None or finding.start >= lede_end or finding.max == 1:
        return 0.0
    if _PARTITIVE_TEXT.search(finding.text):
        return 0.0  # "two of the victims" is part of the total even in the lede
    return _LEDE_BONUS


def _is_single(finding: CasualtyFinding) -> bool:
    """One victim stated without a number ("a man was killed")."""
    return finding.value is None and finding.min == 1 and finding.max == 1


def _choose(
    usable: Sequence[CasualtyFinding], top_end: int | None = None, lede_end: int | None = None
) -> tuple[CasualtyFinding, int, float]:
    """The best figure among usable reports: (report, reports agreeing, their weight)."""
    incidents = [f for f in usable if not f.cumulative] or list(usable)
    pool = [f for f in incidents if not _is_single(f)] or incidents
    support: dict[Key, float] = {}
    count: dict[Key, int] = {}
    first: dict[Key, CasualtyFinding] = {}
    for finding in pool:
        key = _key(finding)
        support[key] = support.get(key, 0.0) + _weight(finding) + _lede_bonus(finding, lede_end)
        count[key] = count.get(key, 0) + 1
        first.setdefault(key, finding)
    best_key = max(first, key=lambda k: (support[k], -first[k].start))
    chosen = first[best_key]
    for total in pool:
        # "three people are dead, including the gunman" at the top of the story: a total, over
        # the parts reported apart ("two bailiffs were killed")
        at_top = top_end is None or total.start < top_end
        if total.including and at_top and (_figure(total) or 0) > (_figure(chosen) or 0):
            chosen = total
    for update in usable:
        if not update.cumulative or update is chosen:
            continue
        if _updates(update, chosen) and (_figure(update) or 0) >= (_figure(chosen) or 0):
            chosen = update
    key = _key(chosen)
    return chosen, count.get(key, 1), support.get(key, _weight(chosen))


def _is_statistic(finding: CasualtyFinding) -> bool:
    return finding.period is not None and rules.STATISTIC.search(finding.period.lower()) is not None


def _head(victims: str | None) -> str | None:
    if not victims:
        return None
    words = _WORDS.findall(victims.lower())
    if not words:
        return None
    head = _SINGULAR.get(words[-1], words[-1])
    head = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    return None if head in _GENERIC_HEADS else head


def _updates(update: CasualtyFinding, chosen: CasualtyFinding) -> bool:
    """Whether a running total counts the same victims as the incident figure: a toll ("the death
    toll rose to 40") or the same named group ("Turkish soldiers"); a roundup of "people shot
    since Wednesday" does not replace one shooting's figure."""
    if _TOLL_TRIGGER.search(update.trigger):
        return True
    head_update, head_chosen = _head(update.victims), _head(chosen.victims)
    return head_update is not None and head_update == head_chosen


def _entry(finding: CasualtyFinding, reports: int, support: int) -> dict[str, Any]:
    low, high = finding.min, finding.max
    if finding.qualifier == "about" and low is None and finding.point is not None:
        # "about 19 wounded": the figure to count with is 19 ("nearly 50": 49), flagged approximate.
        low = high = finding.point if high is None else high
    return {
        "min": low,
        "max": high,
        "approximate": finding.qualifier in ("about", "vague"),
        "qualifier": finding.qualifier,
        "point": finding.point,
        "negated": finding.negated,
        "cumulative": finding.cumulative,
        "victims": finding.victims,
        "reports": reports,
        "support": support,
        "start": finding.start,
        "end": finding.end,
        "text": finding.text,
    }
