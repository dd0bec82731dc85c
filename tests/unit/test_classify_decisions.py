"""A decision kept for documents alike is the one made afresh.

The classifier keeps what the class rules decided (class, confidence, review,
draft, registration and their reasons) by what that decision reads: the fired
signals in their places, the flags, the kind and, for a scan without text, the
name (`classifier._decided`). These tests classify documents that differ in one
thing at a time, in a random order with the kept decisions, and each again with
none kept: the answers must be the same.
"""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path
from typing import Any

import pytest

from recordkeeper.classify import classify_document, compile_rules
from recordkeeper.classify.compiled import CompiledRules
from recordkeeper.model import Correction, DocumentFacts, EmailFacts
from recordkeeper.ruleset.classes import ClassRules
from recordkeeper.ruleset.load import load_ruleset

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")


def _never_draft(kinds: list[str]) -> ClassRules:
    data = RULES.model_dump(by_alias=True, exclude_none=True)
    data["draft"]["never_draft_kinds"] = kinds
    return ClassRules.model_validate(data)


# the rules as they are, and with a kind that is not mail never a draft (read by kind alone)
VARIANTS = [RULES, _never_draft(["pdf", "eml", "msg"])]


def _words(rules: CompiledRules) -> list[str]:
    groups = [c.signals for c in rules.rules.classes]
    groups += [rules.rules.draft.draft_markers, rules.rules.draft.final_markers]
    groups += [rules.rules.registration.sent_markers, rules.rules.registration.case_markers]
    groups += [rules.rules.registration.adds_facts_markers]
    found = {w for g in groups for s in g for p in s.any for w in re.findall(r"[a-zåäö]{3,}", p)}
    return sorted(found)


NAMES = [
    "Anna Svensson.pdf", "IMG_0042.pdf", "Dokument1.docx", "utkast v0.3.docx",
    "Jävsdeklaration Karin Wiik.pdf", "protokoll 2024-03-01 slutversion.docx", "Scan.pdf",
]  # fmt: skip
FOLDERS = ["Projekt/NPO", "Projekt/NPO/Jäv", "Arkiv/Gamla versioner", "Möten/2024-03-01"]


def _documents(rules: CompiledRules, seed: int) -> list[DocumentFacts]:
    """Base documents, each also with one thing changed (name, kind, flags, mail)."""
    rng = random.Random(seed)
    words = _words(rules)
    out: list[DocumentFacts] = []
    for number in range(60):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 40)))
        text += rng.choice(["", "\nMed vänlig hälsning\nKarin Wiik", "\nUTKAST", "\nDnr 12/2024"])
        base = DocumentFacts(
            path=f"{rng.choice(FOLDERS)}/{rng.choice(NAMES)}",
            size=10,
            sha256=f"{number:064d}",
            kind=rng.choice(["docx", "pdf", "xlsx"]),
            text=text,
            title=rng.choice([None, " ".join(rng.sample(words, 2))]),
        )
        out.append(base)
        out.append(dataclasses.replace(base, path=f"{rng.choice(FOLDERS)}/{rng.choice(NAMES)}"))
        out.append(dataclasses.replace(base, kind=rng.choice(["pdf", "text", "pptx"])))
        out.append(dataclasses.replace(base, has_text_layer=False, text=""))
        out.append(dataclasses.replace(base, has_text_layer=False, text="", path=base.name))
        out.append(dataclasses.replace(base, has_comments=True))
        out.append(dataclasses.replace(base, has_tracked_changes=True))
        mail = EmailFacts(
            subject=base.title,
            sender=rng.choice(["anna.svensson@example.se", "registrator@example.se"]),
            recipients=("karin.wiik@example.se",),
            attachment_names=tuple(rng.sample(["bilaga.pdf", "jäv.docx"], rng.randint(0, 2))),
        )
        out.append(dataclasses.replace(base, kind=rng.choice(["eml", "msg"]), email=mail))
    rng.shuffle(out)
    return out


def _fields(facts: DocumentFacts, rules: CompiledRules, correction: Any = None) -> Any:
    return dataclasses.asdict(classify_document(facts, rules, correction))


@pytest.mark.parametrize("variant", range(len(VARIANTS)))
def test_a_kept_decision_is_the_one_made_afresh(variant: int) -> None:
    rules = compile_rules(VARIANTS[variant])
    fresh = compile_rules(VARIANTS[variant])
    documents = _documents(rules, 1) + _documents(rules, 1)  # each twice: kept the second time
    for facts in documents:
        kept = _fields(facts, rules)
        fresh.decisions.clear()
        assert kept == _fields(facts, fresh), facts.path
    # the documents are alike often enough for kept decisions to answer
    assert len(rules.decisions) < len(documents) // 2
    classes = {_fields(f, rules)["doc_class"] for f in documents}
    assert len(classes) > 3


def test_a_correction_is_not_answered_by_a_kept_decision() -> None:
    rules = compile_rules(RULES)
    facts = _documents(rules, 2)[0]
    plain = _fields(facts, rules)
    corrected = _fields(facts, rules, Correction(doc_class="other", is_draft=True))
    assert corrected["doc_class"] == "other" and corrected["is_draft"]
    assert corrected["corrected"] and not plain["corrected"]
    assert _fields(facts, rules) == plain
