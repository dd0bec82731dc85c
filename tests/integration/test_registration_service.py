"""Registration services on a real SQLite store, fed DocumentChange and
Classification values directly (the end-to-end tests go through ingest)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from recordkeeper.config import Settings
from recordkeeper.errors import NotFound, UsageError
from recordkeeper.model import Classification, DocumentFacts, EmailFacts
from recordkeeper.registry import InvalidDnr
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services.context import Context
from recordkeeper.services.pipeline import DocumentChange
from recordkeeper.services.registration import (
    judge_batch,
    judge_version,
    note_gone,
    registration_stage,
)
from recordkeeper.services.registration_answers import (
    acknowledge_alert,
    dismiss,
    reclassify,
    register,
)
from recordkeeper.services.registration_queue import get_prompt, open_alerts, open_prompts
from recordkeeper.store.tables import AuditEntryRow, DocumentRow
from recordkeeper.store.unit import Store
from recordkeeper.web.app import notice
from tests.fakes import FakeClock

T0 = datetime(2025, 4, 10, 8, 0, tzinfo=UTC)
DECLARATION = (
    "Jävsdeklaration\nJag har inga bindningar.\n"
    "Ort och datum: Uppsala 2025-04-09\nNamnförtydligande: Karin Ek\n"
)


@pytest.fixture
def ctx(settings: Settings, rules: LoadedRules, store: Store, clock: FakeClock) -> Context:
    clock.set(T0)
    return Context(settings=settings, rules=rules, store=store, clock=clock)


def _doc(ctx: Context, doc_id: str, path: str, sha: str, state: str = "present") -> None:
    """A documents row as ingest would write it (ingest owns this table)."""
    with ctx.store.transaction() as tx:
        row = tx.session.get(DocumentRow, doc_id)
        if row is None:
            row = DocumentRow(id=doc_id, root="share", first_seen_at=T0, last_seen_at=T0)
            tx.session.add(row)
        row.path, row.project, row.state, row.current_sha256 = path, path.split("/")[0], state, sha


def _facts(
    sha: str, text: str = DECLARATION, path: str = "Ländrygg/jav.docx", **kw: object
) -> DocumentFacts:
    return DocumentFacts(path=path, size=1, sha256=sha, kind="docx", text=text,
                         project=path.split("/")[0], **kw)  # type: ignore[arg-type]  # fmt: skip


def _cls(
    doc_class: str = "coi_declaration", draft: bool = False, must: bool = True
) -> Classification:
    return Classification(doc_class, draft, must, True, 0.9)


def _audit(ctx: Context) -> list[dict[str, object]]:
    with ctx.store.read() as session:
        return [
            json.loads(r)
            for r in session.scalars(select(AuditEntryRow.leaf).order_by(AuditEntryRow.idx))
        ]


def test_received_declaration_becomes_one_prompt_with_the_proposed_record(ctx: Context) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    outcome = judge_version(ctx, "d1", _facts("a" * 64), _cls())
    assert outcome.action == "prompted"
    (view,) = open_prompts(ctx)
    assert (view.document_id, view.doc_class, view.direction) == (
        "d1",
        "coi_declaration",
        "received",
    )
    assert (view.arrived_on, view.due_on) == (date(2025, 4, 9), date(2025, 4, 10))
    assert view.counterpart == "Karin Ek"
    assert view.description.endswith("– Ländrygg")
    assert [e["event"] for e in _audit(ctx)] == ["registration_prompted"]


def test_the_audit_trail_holds_no_names(ctx: Context) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    judge_version(ctx, "d1", _facts("a" * 64), _cls())
    assert "Karin" not in json.dumps(_audit(ctx), ensure_ascii=False)


def test_judging_the_same_version_again_changes_nothing(ctx: Context) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    judge_version(ctx, "d1", _facts("a" * 64), _cls())
    assert judge_version(ctx, "d1", _facts("a" * 64), _cls()).action == "unchanged"
    assert len(open_prompts(ctx)) == 1
    assert len(_audit(ctx)) == 1


def test_a_copy_is_linked_not_prompted(ctx: Context) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    _doc(ctx, "d2", "Ländrygg/kopia/jav.docx", "a" * 64)
    first = judge_version(ctx, "d1", _facts("a" * 64), _cls())
    second = judge_version(ctx, "d2", _facts("a" * 64, path="Ländrygg/kopia/jav.docx"), _cls())
    assert (second.action, second.prompt_id) == ("linked", first.prompt_id)
    (view,) = open_prompts(ctx)
    assert view.copies == 1


def test_registering_then_a_new_version_raises_an_alert_and_a_new_version_prompt(
    ctx: Context,
) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    prompt_id = judge_version(ctx, "d1", _facts("a" * 64), _cls()).prompt_id
    assert prompt_id is not None
    register(ctx, prompt_id, "2.4-12345/2025", "registrator1")
    outcome = judge_version(ctx, "d1", _facts("b" * 64, DECLARATION + "Tillägg\n"), _cls())
    assert outcome.action == "prompted"
    (alert,) = open_alerts(ctx)
    assert (alert.kind, alert.dnr, alert.document_id) == (
        "registered_changed",
        "2.4-12345/2025",
        "d1",
    )
    (view,) = open_prompts(ctx)
    assert (view.kind, view.proposed_dnr, view.previous_prompt_id) == (
        "new_version", "2.4-12345/2025", prompt_id,
    )  # fmt: skip


def test_a_registered_document_that_disappears_raises_an_alert(ctx: Context) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    prompt_id = judge_version(ctx, "d1", _facts("a" * 64), _cls()).prompt_id
    assert prompt_id is not None
    register(ctx, prompt_id, "2.4-12345/2025", "registrator1")
    assert note_gone(ctx, "d1").action == "alerted"
    assert note_gone(ctx, "d1").alert_id is None  # once
    assert [a.kind for a in open_alerts(ctx)] == ["registered_gone"]


def test_an_open_prompt_moves_to_a_surviving_copy_when_its_file_goes(ctx: Context) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    _doc(ctx, "d2", "Ländrygg/kopia/jav.docx", "a" * 64)
    prompt_id = judge_version(ctx, "d1", _facts("a" * 64), _cls()).prompt_id
    judge_version(ctx, "d2", _facts("a" * 64, path="Ländrygg/kopia/jav.docx"), _cls())
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64, state="gone")
    note_gone(ctx, "d1")
    (view,) = open_prompts(ctx)
    assert (view.id, view.document_id) == (prompt_id, "d2")
    assert open_alerts(ctx) == []


def test_register_records_the_actor_and_the_dnr(ctx: Context) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    prompt_id = judge_version(ctx, "d1", _facts("a" * 64), _cls()).prompt_id
    assert prompt_id is not None
    register(ctx, prompt_id, " 2.4-12345/2025 ", "registrator1")
    last = _audit(ctx)[-1]
    assert (last["event"], last["actor"]) == ("registration_registered", "registrator1")
    assert last["data"] == {"prompt_id": prompt_id, "dnr": "2.4-12345/2025"}
    assert open_prompts(ctx) == []
    with pytest.raises(UsageError):
        register(ctx, prompt_id, "2.4-12345/2025", "registrator1")


@pytest.mark.parametrize("bad", ["12345", "2.4-12345/25", "dnr 2.4-1/2025", ""])
def test_an_invalid_dnr_is_refused_and_nothing_changes(ctx: Context, bad: str) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    prompt_id = judge_version(ctx, "d1", _facts("a" * 64), _cls()).prompt_id
    assert prompt_id is not None
    with pytest.raises(InvalidDnr):
        register(ctx, prompt_id, bad, "registrator1")
    assert len(open_prompts(ctx)) == 1


def test_dismiss_keeps_free_text_out_of_the_audit_log(ctx: Context) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    prompt_id = judge_version(ctx, "d1", _facts("a" * 64), _cls()).prompt_id
    assert prompt_id is not None
    assert dismiss(ctx, prompt_id, "Karins privata anteckning", "registrator1") == "other"
    last = _audit(ctx)[-1]
    assert last["data"] == {"prompt_id": prompt_id, "reason_code": "other"}
    assert get_prompt(ctx, prompt_id).status == "dismissed"


def test_reclassify_to_a_class_without_duty_closes_the_prompt(ctx: Context) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    prompt_id = judge_version(ctx, "d1", _facts("a" * 64), _cls()).prompt_id
    assert prompt_id is not None
    calls: list[tuple[str, str, str]] = []
    status = reclassify(ctx, prompt_id, "other", "registrator1",
                        lambda _c, doc, actor, cls: calls.append((doc, actor, cls)))  # fmt: skip
    assert status == "reclassified"
    assert calls == [("d1", "registrator1", "other")]
    assert _audit(ctx)[-1]["data"]["doc_class"] == "other"  # type: ignore[index]


def test_unknown_prompt_is_not_found(ctx: Context) -> None:
    with pytest.raises(NotFound):
        register(ctx, 999, "2.4-12345/2025", "registrator1")


def test_acknowledging_an_alert_records_the_actor(ctx: Context) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    prompt_id = judge_version(ctx, "d1", _facts("a" * 64), _cls()).prompt_id
    assert prompt_id is not None
    register(ctx, prompt_id, "2.4-12345/2025", "registrator1")
    note_gone(ctx, "d1")
    (alert,) = open_alerts(ctx)
    acknowledge_alert(ctx, alert.id, "registrator2")
    assert open_alerts(ctx) == []
    assert _audit(ctx)[-1]["actor"] == "registrator2"
    with pytest.raises(UsageError) as twice:  # it said 'A1 är redan besvarat (acknowledged)'
        acknowledge_alert(ctx, alert.id, "registrator2")
    assert str(twice.value) == f"Larm A{alert.id} är redan kvitterat"
    # the web page's notice for it named the alert a prompt ('Förslaget är redan besvarat')
    assert twice.value.code == "registry.alert_already_acknowledged"
    assert notice(twice.value.code, "sv") == "Larmet är redan kvitterat (kanske av någon annan)."
    assert notice(twice.value.code, "en") == (
        "The alert is already acknowledged (perhaps by someone else)."
    )


def test_overdue_is_judged_by_the_clock(ctx: Context, clock: FakeClock) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    judge_version(ctx, "d1", _facts("a" * 64), _cls())  # arrived 9 April, due 10 April
    assert open_prompts(ctx, overdue_only=True) == []
    clock.set(datetime(2025, 4, 17, 8, tzinfo=UTC))  # Thursday before Easter
    (view,) = open_prompts(ctx, overdue_only=True)
    assert (view.escalation.working_days_late, view.escalation.level) == (5, "escalated")


def test_the_project_dnr_found_in_another_document_is_proposed(ctx: Context) -> None:
    _doc(ctx, "d0", "Ländrygg/plan.docx", "0" * 64)
    judge_version(ctx, "d0", _facts("0" * 64, "Projektplan Dnr 2.4-555/2025", "Ländrygg/plan.docx"),
                  _cls("project_plan", must=False))  # fmt: skip
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    judge_version(ctx, "d1", _facts("a" * 64), _cls())
    (view,) = open_prompts(ctx)
    assert view.proposed_dnr == "2.4-555/2025"


@dataclass
class DictInputs:
    """Inputs from plain dicts, standing in for the extraction cache and classifier."""

    facts_by_sha: dict[str, DocumentFacts] = field(default_factory=dict)
    classes: dict[str, Classification] = field(default_factory=dict)

    def facts(self, ctx: Context, document_id: str, sha256: str) -> DocumentFacts | None:
        return self.facts_by_sha.get(sha256)

    def classification(
        self, ctx: Context, document_id: str, facts: DocumentFacts
    ) -> Classification | None:
        return self.classes.get(document_id)


def test_a_draft_is_prompted_only_once_it_is_emailed_out(ctx: Context) -> None:
    inputs = DictInputs()
    draft = _facts("d" * 64, "UTKAST textförslag", "Ländrygg/Textförslag v2.docx")
    inputs.facts_by_sha["d" * 64] = draft
    inputs.classes["dr"] = _cls("text_proposal", draft=True, must=True)
    _doc(ctx, "dr", "Ländrygg/Textförslag v2.docx", "d" * 64)
    change = DocumentChange("dr", "new", T0, "Ländrygg", "d" * 64)
    registration_stage(ctx, [change], inputs)
    assert open_prompts(ctx) == []
    # an internal e-mail does not make it official
    internal = EmailFacts(sender="anna@socialstyrelsen.se", recipients=("bo@socialstyrelsen.se",),
                          sent_at=T0, attachment_names=("Textförslag v2.docx",))  # fmt: skip
    inputs.facts_by_sha["e" * 64] = _facts("e" * 64, "Hej", "Ländrygg/intern.eml", email=internal)
    inputs.classes["em1"] = _cls("correspondence", must=False)
    _doc(ctx, "em1", "Ländrygg/intern.eml", "e" * 64)
    registration_stage(ctx, [DocumentChange("em1", "new", T0, "Ländrygg", "e" * 64)], inputs)
    assert open_prompts(ctx) == []
    outgoing = EmailFacts(sender="anna@socialstyrelsen.se", recipients=("expert@uni.example",),
                          sent_at=datetime(2025, 4, 11, 9, tzinfo=UTC),
                          attachment_names=("Textförslag v2.pdf",))  # fmt: skip
    inputs.facts_by_sha["f" * 64] = _facts("f" * 64, "Se bilaga", "Ländrygg/ut.eml", email=outgoing)
    inputs.classes["em2"] = _cls("correspondence", must=False)
    _doc(ctx, "em2", "Ländrygg/ut.eml", "f" * 64)
    registration_stage(ctx, [DocumentChange("em2", "new", T0, "Ländrygg", "f" * 64)], inputs)
    (view,) = open_prompts(ctx)
    assert (view.document_id, view.direction, view.arrived_on) == (
        "dr",
        "drawn_up",
        date(2025, 4, 11),
    )
    assert view.counterpart == "expert@uni.example"


def test_a_failing_input_never_stops_the_stage(ctx: Context) -> None:
    class Broken(DictInputs):
        def facts(self, ctx: Context, document_id: str, sha256: str) -> DocumentFacts | None:
            if document_id == "bad":
                raise RuntimeError("boom")
            return super().facts(ctx, document_id, sha256)

    inputs = Broken()
    inputs.facts_by_sha["a" * 64] = _facts("a" * 64)
    inputs.classes["d1"] = _cls()
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    registration_stage(
        ctx,
        [
            DocumentChange("bad", "new", T0, None, "9" * 64),
            DocumentChange("d1", "new", T0, None, "a" * 64),
        ],
        inputs,
    )
    assert len(open_prompts(ctx)) == 1


def test_a_version_failing_in_a_batch_rolls_back_alone(ctx: Context) -> None:
    _doc(ctx, "d1", "Ländrygg/jav.docx", "a" * 64)
    _doc(ctx, "d2", "Ländrygg/jav2.docx", "c" * 64)
    broken = Classification(None, False, True, True, 0.9)  # type: ignore[arg-type]  # NOT NULL fails
    judge_batch(
        ctx,
        [
            ("d2", _facts("c" * 64, path="Ländrygg/jav2.docx"), broken, T0),
            ("d1", _facts("a" * 64), _cls(), T0),
        ],
    )
    assert [v.document_id for v in open_prompts(ctx)] == ["d1"]
    assert [e["event"] for e in _audit(ctx)] == ["registration_prompted"]


def test_a_batch_judges_as_one_by_one_would(ctx: Context) -> None:
    # one batch, read once: later versions must still see what earlier ones wrote
    for doc_id, path, sha in [
        ("d0", "Ländrygg/plan.docx", "0" * 64),
        ("d1", "Ländrygg/jav.docx", "a" * 64),
        ("d2", "Ländrygg/kopia/jav.docx", "a" * 64),
    ]:
        _doc(ctx, doc_id, path, sha)
    plan = _facts("0" * 64, "Projektplan Dnr 2.4-555/2025", "Ländrygg/plan.docx")
    judge_batch(
        ctx,
        [
            ("d0", plan, _cls("project_plan", must=False), T0),
            ("d1", _facts("a" * 64), _cls(), T0),
            ("d2", _facts("a" * 64, path="Ländrygg/kopia/jav.docx"), _cls(), T0),
            ("d1", _facts("a" * 64), _cls(), T0),  # the same version twice: judged once
        ],
    )
    (view,) = open_prompts(ctx)
    assert (view.document_id, view.proposed_dnr) == ("d1", "2.4-555/2025")
    events = [e["event"] for e in _audit(ctx)]
    assert events == ["registration_prompted", "registration_linked"]
    assert [e["index"] for e in _audit(ctx)] == [0, 1]
