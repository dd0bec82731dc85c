"""PURE: DocumentFacts + class rules (+ a registrar's correction) -> Classification.

How a document is scored (all weights and factors live in `rules/classes.yaml`):
- every signal of every class is tried in its places; a signal that fires adds
  its weight times the best place's factor (title and headings weigh more
  than body text; file names less than titles, so content beats a name such
  as `Dokument1.docx` that carries no signal at all);
- the best class wins when it reaches `min_score`; otherwise the document is
  the fallback class (`other`) and needs review, never silently guessed; a
  runner-up within `review_margin` also sends it to review;
- draft = draft markers minus final markers >= threshold, for classes that
  can be drafts; e-mails are never drafts;
- registration duty follows the class (`true`, `when_sent`, `if_adds_facts`,
  `case_by_case`), never for a draft or a document corrected as not official;
  `when_sent` is not registered when its sent markers sum below 0 (the only
  evidence says it stayed inside, e.g. the group's own member list);
- personal data: the class default, or what detection found.
A correction wins over all of it. Reasons are stable short strings: signal ids
with the place they fired in (`coi.phrase@title`) and a few fixed codes.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter

from recordkeeper.classify.compiled import (
    CompiledRules,
    CompiledSignal,
    FiredAt,
    Hit,
    compiled,
)
from recordkeeper.classify.personal_data import detect_personal_data, personal_addresses
from recordkeeper.classify.views import Views, build_views, name_words, untitled_pattern
from recordkeeper.model import (
    CALENDAR_ITEM,
    UNREADABLE_PARTS,
    Classification,
    Correction,
    DocumentFacts,
    PersonalDataFindings,
    fast_constructor,
)
from recordkeeper.ruleset.classes import (
    ClassRules,
    DocumentClass,
    Flag,
    compile_patterns,
    fold,
)

EMAIL_KINDS = frozenset({"eml", "msg"})
PART_UNREADABLE = "extract:part_unreadable"  # a part of the file could not be read


def _flags(facts: DocumentFacts) -> dict[Flag, bool]:
    return {
        "has_comments": facts.has_comments,
        "has_tracked_changes": facts.has_tracked_changes,
        "has_attachment": bool(facts.email and facts.email.attachment_names),
        "is_email": facts.kind in EMAIL_KINDS or facts.email is not None,
        "is_calendar_item": CALENDAR_ITEM in facts.metadata,
        "no_text_layer": not facts.has_text_layer,
        "no_final_marker": False,  # set once final markers are known
    }


class _Fired:
    """The pattern signals that fired in one document, each at its best place (its hit of
    least rank in `CompiledRules.hits_at`), by group, in rule order."""

    __slots__ = ("by_group", "rules")

    def __init__(self, rules: CompiledRules, fired_at: Iterable[FiredAt]) -> None:
        self.rules = rules
        best: dict[int, tuple[int, Hit]] = {}
        known = best.get
        tables = rules.hits_at
        for location, signals in fired_at:
            table = tables[location]
            for signal in signals:
                ranked = table[signal]
                before = known(signal)
                if before is None or ranked[0] < before[0]:
                    best[signal] = ranked
        # group -> (its fired signals' indexes, their hits), in rule order
        self.by_group: dict[int, tuple[list[int], list[Hit]]] = {}
        group_of = rules.group_of
        for signal in sorted(best):
            group = group_of[signal]
            found = self.by_group.get(group)
            if found is None:
                self.by_group[group] = ([signal], [best[signal][1]])
            else:
                found[0].append(signal)
                found[1].append(best[signal][1])

    def hits(self, group: int, on: Mapping[int, tuple[CompiledSignal, ...]]) -> list[Hit]:
        """The group's signals that fire, each at its best place (first of equals), and its
        `when` signals that `on` (`CompiledRules.facts_on`) holds, in rule order."""
        fired = self.by_group.get(group)
        facts = on.get(group)
        if facts is None:
            return fired[1] if fired else []
        signals = self.rules.signals
        indexes = sorted((*(fired[0] if fired else ()), *(s.index for s in facts)))
        return [self._hit(signals[i], fired) for i in indexes]

    @staticmethod
    def _hit(signal: CompiledSignal, fired: tuple[list[int], list[Hit]] | None) -> Hit:
        if signal.hit is not None or fired is None:  # a fact
            assert signal.hit is not None
            return signal.hit
        return fired[1][fired[0].index(signal.index)]


_VALUE = attrgetter("value")


def _confidence(best: float, second: float, confident: float) -> float:
    if best <= 0:
        return 0.0
    strength = 1.0 - math.exp(-3.0 * best / confident)
    separation = max(0.0, best - max(second, 0.0)) / best
    return round(strength * (0.5 + 0.5 * separation), 2)


COUNTERPART_REASON = "textless:counterpart_missing"  # classify.counterparts.REASON


@dataclass(frozen=True, slots=True)
class _Choice:
    spec: DocumentClass
    confidence: float
    needs_review: bool
    reasons: tuple[str, ...]


_new_choice = fast_constructor(_Choice)  # made on a decision memo miss (`_decided`)


def _unread_scan(rules: ClassRules, name: str, candidate: str | None) -> DocumentClass | None:
    """The class a scan that nothing identifies is proposed as, when its name (without the
    extension, as words) says only whom or when (`scoring.unread_scan`); else None. The best
    class that scored below min_score (`candidate`, e.g. an agreement placed by its folder
    'Avtal') is proposed when it is one of the rule's `context_classes`, else its `class`."""
    unread = rules.scoring.unread_scan
    if unread is None:
        return None
    stem = name.rpartition(".")[0] or name
    if _unread_names(unread.names).match(fold(name_words(stem))) is None:
        return None
    if candidate is not None and candidate in unread.context_classes:
        return rules.by_id(candidate)
    return rules.by_id(unread.doc_class)


@functools.lru_cache(maxsize=8)
def _unread_names(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return compile_patterns(tuple(f"(?:{p})$" for p in patterns))


def _choose_class(
    rules: CompiledRules,
    fired: _Fired,
    flags: dict[Flag, bool],
    name: str = "",
    counterpart: str | None = None,
) -> _Choice:
    scoring = rules.rules.scoring
    # Ranked as a stable sort of every class by score, best first, would rank them;
    # only the first two matter, so of the classes where nothing fired (score 0)
    # only the first two in rule order are ranked. A class's group is its rule order.
    on = rules.facts_on(flags)
    count = len(rules.classes)
    # (-score, rule order, hits): sorted as tuples, best score first, then rule order
    # (the order is unique: hits are never compared)
    ranked: list[tuple[float, int, list[Hit]]] = []
    for group in {*fired.by_group, *on}:
        if group < count:
            hits = fired.hits(group, on)
            ranked.append((-sum([h.value for h in hits]), group, hits))
    idle = 0
    for group in range(count):
        if group not in fired.by_group and group not in on:  # nothing of this class fired
            ranked.append((-0.0, group, []))
            idle += 1
            if idle == 2:
                break
    ranked.sort()
    best, order, hits = ranked[0]
    best, spec = -best, rules.classes[order][0]
    second = -ranked[1][0] if len(ranked) > 1 else 0.0
    reasons = [h.reason for h in sorted(hits, key=_VALUE, reverse=True)]
    if best < scoring.min_score:
        hint = [f"candidate:{spec.id}"] if best > 0 else []
        candidate = spec.id if best > 0 else None
        unread = _unread_scan(rules.rules, name, candidate) if flags["no_text_layer"] else None
        if unread is not None:
            # a scan nothing identifies, named by a person or the scanner only: most likely
            # a signed paper that came in; proposed for a person to confirm
            assert scoring.unread_scan is not None
            reasons = ["textless:unread_scan", "low_score", *hint, *reasons]
            chosen = rules.rules.by_id(counterpart) if counterpart is not None else None
            if chosen is not None:  # the project's other files miss it (classify.counterparts)
                unread, reasons = chosen, [COUNTERPART_REASON, *reasons]
            return _new_choice(unread, scoring.unread_scan.confidence, True, tuple(reasons))
        fallback = rules.rules.by_id(scoring.fallback_class)
        assert fallback is not None  # cross-checked at load
        return _new_choice(fallback, 0.0, True, ("low_score", *hint, *reasons))
    review = best - second < scoring.review_margin
    if review:
        reasons.append(f"ambiguous:{rules.classes[ranked[1][1]][0].id}")
    weak = scoring.textless_weak_places
    if weak and flags["no_text_layer"] and all(h.where in weak for h in hits if h.value > 0):
        # a scan placed by its folder alone: nothing of it was read (issue #4)
        review = True
        reasons.append("textless:weak_evidence")
    confidence = _confidence(best, second, scoring.confident_score)
    review = review or spec.id == scoring.fallback_class
    return _new_choice(spec, confidence, review, tuple(reasons))


def _draft(
    rules: CompiledRules,
    spec: DocumentClass,
    facts: DocumentFacts,
    fired: _Fired,
    flags: dict[Flag, bool],
) -> tuple[bool, bool, list[str]]:
    """(is_draft, final marker fired, reasons)."""
    finals = fired.hits(rules.final_markers, rules.facts_on(flags))
    if not spec.can_be_draft or facts.kind in rules.rules.draft.never_draft_kinds:
        return False, bool(finals), [h.reason for h in finals]
    flags = {**flags, "no_final_marker": not finals}
    drafts = fired.hits(rules.draft_markers, rules.facts_on(flags))
    score = sum(h.value for h in drafts) - sum(h.value for h in finals)
    is_draft = score >= rules.rules.draft.threshold
    shown = drafts if is_draft else [h for h in drafts if h.where != "fact"]
    return is_draft, bool(finals), [h.reason for h in (*shown, *finals)]


def _must_register(
    rules: CompiledRules,
    spec: DocumentClass,
    is_draft: bool,
    fired: _Fired,
    flags: dict[Flag, bool],
) -> tuple[bool, list[str]]:
    duty = spec.register_when_final
    if is_draft or duty is False or spec.id == rules.rules.scoring.fallback_class:
        return False, []
    if duty is True:
        return True, []
    if duty == "when_sent":
        hits = fired.hits(rules.sent_markers, rules.facts_on(flags))
        if hits and sum(h.value for h in hits) < 0:
            # only evidence that it stayed inside (the group's own roster): not sent
            return False, [h.reason for h in hits]
        return True, [h.reason for h in hits] or ["register:when_sent:unconfirmed"]
    if duty == "case_by_case":
        hits = fired.hits(rules.case_markers, rules.facts_on(flags))
        return sum(h.value for h in hits) > 0, [h.reason for h in hits]
    hits = fired.hits(rules.adds_facts_markers, rules.facts_on(flags))
    return bool(hits), [h.reason for h in hits] or [f"register:{duty}:no_evidence"]


def _personal_data(
    rules: CompiledRules, spec: DocumentClass, facts: DocumentFacts, views: Views
) -> tuple[bool, PersonalDataFindings, list[str]]:
    pd_rules = rules.rules.personal_data
    addresses: tuple[str, ...] = ()
    if facts.email is not None:
        addresses = tuple(a for a in (facts.email.sender, *facts.email.recipients) if a)
    text = views.text
    if len(facts.text) > len(text):
        text = facts.text[: pd_rules.text_chars]
    # what detection finds depends on the text, the addresses and the rules' mailboxes
    # only: kept per compiled rules for a text that recurs (a copied file, a version)
    key = (text, addresses)
    findings = rules.findings.get(key)
    if findings is None:
        findings = detect_personal_data(
            text,
            addresses=addresses,
            generic_mailboxes=pd_rules.generic_mailboxes,
            scan=rules.personal,  # where the rules were warmed
        )
        rules.findings.put(key, len(text), findings)
    strong = any(findings.counts.get(k, 0) for k in pd_rules.strong_kinds)
    weak = sum(findings.counts.get(k, 0) for k in pd_rules.weak_kinds)
    default = spec.personal_data
    found = strong or (
        weak >= pd_rules.weak_threshold if default is False else weak > 0 and default is not True
    )
    if not found and default is False and pd_rules.header_addresses:
        # a person's address in the headers, the sender's own work address too (session 18's
        # convention, docs/rules.md): the mail holds personal data whatever its class; a
        # mail printed or saved as text has its header lines read as a mail's (`views`)
        header = addresses
        if facts.email is None:
            header = (views.get("email_sender"), views.get("email_recipient"))
        found = personal_addresses(header, pd_rules.generic_mailboxes) > 0
    reasons = [f"pd:{kind}" for kind in findings.counts]
    if default is True:
        reasons.insert(0, "pd:class_default")
    return default is True or found, findings, reasons


def _apply_correction(
    rules: ClassRules, spec: DocumentClass, correction: Correction
) -> tuple[DocumentClass, list[str]]:
    if correction.doc_class is None:
        return spec, []
    corrected = rules.by_id(correction.doc_class) or rules.by_id(rules.scoring.fallback_class)
    assert corrected is not None
    return corrected, ["correction:class"]


@dataclass(frozen=True, slots=True)
class _Decision:
    """What the class rules decide from a document's fired signals, before personal data."""

    spec: DocumentClass
    confidence: float
    needs_review: bool
    is_draft: bool
    must_register: bool
    reasons: tuple[str, ...]  # the choice's, the draft's, the registration's, in that order
    chosen: int  # how many of `reasons` are the class choice's


_new_decision = fast_constructor(_Decision)


def _decide(
    rules: CompiledRules,
    facts: DocumentFacts,
    fired: _Fired,
    flags: dict[Flag, bool],
    correction: Correction | None,
    counterpart: str | None = None,
) -> _Decision:
    choice = _choose_class(rules, fired, flags, facts.name, counterpart)
    spec, reasons, review, confidence = (
        choice.spec,
        list(choice.reasons),
        choice.needs_review,
        choice.confidence,
    )
    if correction is not None and not correction.is_empty:
        spec, extra = _apply_correction(rules.rules, spec, correction)
        reasons, review, confidence = [*extra, *reasons], False, 1.0
    is_draft, _final, draft_reasons = _draft(rules, spec, facts, fired, flags)
    if correction is not None and correction.is_draft is not None:
        is_draft = correction.is_draft
        draft_reasons.insert(0, "correction:draft")
    must_register, register_reasons = _must_register(rules, spec, is_draft, fired, flags)
    if correction is not None and correction.not_official:
        must_register, register_reasons = False, ["correction:not_official"]
    if spec.id == rules.rules.scoring.fallback_class and not (correction and correction.doc_class):
        review = True
    return _new_decision(
        spec,
        confidence,
        review,
        is_draft,
        must_register,
        (*reasons, *draft_reasons, *register_reasons),
        len(reasons),
    )


# decisions kept per compiled rules (CompiledRules.decisions); a worker lives long
_DECISIONS = 4096


def _decided(
    rules: CompiledRules, facts: DocumentFacts, views: Views, flags: dict[Flag, bool]
) -> _Decision:
    """`_decide` without a correction, given by `rules.decisions` when a document with the
    same fired signals in the same places, the same flags and kind (and, for a scan
    without text, the same name) was decided before: nothing else of a document is read
    (tests/unit/test_classify_decisions.py holds the two to the same answers)."""
    fired_at = rules.fired_at(views.by_location)
    key = (fired_at, *flags.values(), facts.kind, facts.name if flags["no_text_layer"] else "")
    memo = rules.decisions
    decision: _Decision | None = memo.get(key)
    if decision is None:
        decision = _decide(rules, facts, _Fired(rules, fired_at), flags, None)
        if len(memo) >= _DECISIONS:
            memo.clear()
        memo[key] = decision
    return decision


def warm(rules: ClassRules | CompiledRules) -> None:
    """Build now, once a process, what classifying the first documents would build: the
    compiled rules' patterns and scanners (`CompiledRules.warm`), and the patterns of a
    tool's default title and of an unread scan's name (≈ 8 M instructions of `re`'s
    parser, which each new extraction worker paid at its first documents).

    A worker's `prepare()` calls this before it takes files."""
    cr = compiled(rules)
    cr.warm()
    scoring = cr.rules.scoring
    untitled_pattern(scoring.untitled)
    if scoring.unread_scan is not None:
        _unread_names(scoring.unread_scan.names)


# one per document: a frozen `__init__` sets each field by `object.__setattr__`
# (≈ 13,000 instructions for a `Classification`; `model.fast_constructor`)
_new_classification = fast_constructor(Classification)


def classify_document(
    facts: DocumentFacts,
    rules: ClassRules | CompiledRules,
    correction: Correction | None = None,
    counterpart: str | None = None,
) -> Classification:
    """Classify one document version.

    Args:
        facts: what extraction found (text, title, headings, metadata, path).
        rules: the `classes` rule set, or its compiled form (compiled once and
            memoised either way).
        correction: a registrar's correction for this document; its set fields win.
        counterpart: for a scan nothing identifies (`scoring.unread_scan`), the class its
            project's other files say it is (`classify.counterparts`), proposed instead of
            the default with the reason `textless:counterpart_missing`.

    Returns:
        The class id, draft flag, registration duty, personal-data flag,
        confidence (0..1), reasons, and whether a person should review it.
    """
    cr = compiled(rules)
    views = build_views(facts, cr.rules.scoring.text_window, cr.rules.scoring.untitled)
    flags = _flags(facts)
    if (correction is None or correction.is_empty) and counterpart is None:
        decision = _decided(cr, facts, views, flags)
    else:
        fired = _Fired(cr, cr.fired_at(views.by_location))
        decision = _decide(cr, facts, fired, flags, correction, counterpart)
    spec, reasons, review = decision.spec, decision.reasons, decision.needs_review
    if UNREADABLE_PARTS in facts.metadata:  # a part of it was not read (a carried mail)
        chosen = decision.chosen  # after the class choice's reasons
        reasons = (*reasons[:chosen], PART_UNREADABLE, *reasons[chosen:])
        review = review or correction is None or correction.is_empty
    personal, findings, pd_reasons = _personal_data(cr, spec, facts, views)
    return _new_classification(  # positional: Classification's fields in their order
        spec.id,  # doc_class
        decision.is_draft,
        decision.must_register,
        personal,  # personal_data
        decision.confidence,
        tuple(dict.fromkeys([*reasons, *pd_reasons])),  # reasons
        review,  # needs_review
        findings,  # personal_data_findings
        correction is not None and not correction.is_empty,  # corrected
    )
