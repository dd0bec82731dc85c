"""Registration use cases: judge changed documents, keep the registrar's
queue, apply the registrar's answers, raise alerts on registered documents.

The decisions are the pure core's (`recordkeeper.registry`); this module
reads and writes the registry tables, each state change together with its
audit event in one transaction. Idempotent by construction: a (document,
content hash) pair is judged once, and one content hash has one primary
prompt, so renames, moves, restarts and duplicate copies never prompt twice.
Names (senders, recipients) are sealed before storage and never logged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

import structlog
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from recordkeeper.errors import StoreError
from recordkeeper.model import AuditEvent, Classification, DocumentFacts
from recordkeeper.registry import (
    Reason,
    SentCopy,
    WorkCalendar,
    attachment_key,
    due_on,
    external_recipients,
    propose_record,
    registration_duty,
)
from recordkeeper.registry.evidence import find_dnrs
from recordkeeper.registry.messages import ReasonNames
from recordkeeper.registry.proposal import RegisterRule
from recordkeeper.ruleset.registration import RegistrationRules
from recordkeeper.services import stage_failures
from recordkeeper.services.context import Context
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_registry import (
    RegistryAlertRow,
    RegistryDnrRow,
    RegistryPromptRow,
    RegistrySentRow,
)
from recordkeeper.store.unit import Tx

if TYPE_CHECKING:  # pipeline imports this module for STAGES; avoid the cycle at run time
    from recordkeeper.services.pipeline import DocumentChange

log = structlog.get_logger(__name__)

OPEN, REGISTERED, DISMISSED, RECLASSIFIED, LINKED = (
    "open",
    "registered",
    "dismissed",
    "reclassified",
    "linked",
)
_EVALUATED = ("new", "new_version", "copied", "returned")


class Inputs(Protocol):
    """Where the registry reads a version's facts and current classification.

    Implementations SHALL return None (never raise) when either is unknown.
    """

    def facts(self, ctx: Context, document_id: str, sha256: str) -> DocumentFacts | None: ...

    def classification(
        self, ctx: Context, document_id: str, facts: DocumentFacts
    ) -> Classification | None: ...


@dataclass(frozen=True, slots=True)
class Outcome:
    """What judging one change did: prompted | linked | updated | alerted | unchanged | none."""

    action: str
    prompt_id: int | None = None
    alert_id: int | None = None


def registration_rules(ctx: Context) -> RegistrationRules:
    """The registration rule file, or its defaults when the agency has none."""
    models = ctx.rules.all("registration")
    return models[0] if models else RegistrationRules(kind="registration")


@lru_cache(maxsize=8)
def _calendar(categories: tuple[str, ...], extra: tuple[Any, ...]) -> WorkCalendar:
    return WorkCalendar.from_rules(categories, extra)


def work_calendar(rules: RegistrationRules) -> WorkCalendar:
    return _calendar(tuple(rules.holiday_categories), tuple(rules.extra_non_working_days))


def class_info(ctx: Context, doc_class: str) -> tuple[str, RegisterRule]:
    """(Swedish display name, register_when_final) of a class; unknown classes keep their id."""
    for model in ctx.rules.all("classes"):
        for item in getattr(model, "classes", ()):
            if item.id == doc_class:
                return str(item.name_sv), item.register_when_final
    return doc_class, None


def class_names(ctx: Context) -> dict[str, tuple[str, str]]:
    """Each class id's (Swedish, English) name from classes.yaml, for texts shown to people."""
    return {
        item.id: (item.name_sv, item.name_en)
        for model in ctx.rules.all("classes")
        for item in getattr(model, "classes", ())
    }


def reason_names(ctx: Context) -> ReasonNames:
    """Names for the class and secrecy-cue ids in reasons; a cue without a name keeps its
    id, a cue named in one language only shows that name in both."""
    cues = {
        cue.id: (cue.name_sv or cue.name_en or cue.id, cue.name_en or cue.name_sv or cue.id)
        for cue in registration_rules(ctx).secrecy_cues
        if cue.name_sv or cue.name_en
    }
    return ReasonNames(classes=class_names(ctx), cues=cues)


def known_classes(ctx: Context) -> list[str]:
    """Class ids defined in classes.yaml, in file order."""
    return [item.id for model in ctx.rules.all("classes") for item in getattr(model, "classes", ())]


class VaultPort(Protocol):
    """The personal-data vault (audit's `Vault`, in `ctx.extras["vault"]`): one key per
    person, so shredding a person makes their names unreadable everywhere."""

    def put(self, tx: Tx, subject_key: str, plaintext: str) -> str: ...

    def get(self, session: Session, ref: str) -> str | None: ...


def _vault(ctx: Context) -> VaultPort | None:
    vault = ctx.extras.get("vault")
    return vault if hasattr(vault, "put") and hasattr(vault, "get") else None


def _subject_key(person: str) -> str:
    """Who a sender/recipient is: the e-mail address when there is one, else the name."""
    found = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", person)
    return (found.group(0) if found else person).casefold()


def seal(ctx: Context, tx: Tx, value: str | None) -> str | None:
    """Store the names in `value` ("a; b"), each under its person's key in the vault.

    Without a vault (tests, a service with no master key) the value is kept
    marked as plain, and sealed as soon as a vault is configured.
    """
    if value is None:
        return None
    vault = _vault(ctx)
    if vault is None:
        return "plain:" + value
    parts = [p for p in value.split("; ") if p]
    return "vault:" + ";".join(vault.put(tx, _subject_key(p), p) for p in parts)


def unseal(ctx: Context, session: Session, ref: str | None) -> str | None:
    """The names behind a sealed reference; a shredded person is left out (None if all are)."""
    if ref is None:
        return None
    if ref.startswith("plain:"):
        return ref.removeprefix("plain:")
    vault = _vault(ctx)
    if vault is None or not ref.startswith("vault:"):
        return None
    names = [vault.get(session, r) for r in ref.removeprefix("vault:").split(";") if r]
    shown = [n for n in names if n]
    return "; ".join(shown) if shown else None


def audit_prompt(
    tx: Tx, name: str, at: datetime, row: RegistryPromptRow, actor: str, **data: Any
) -> None:
    tx.record(
        AuditEvent(
            event=name,
            at=at,
            actor=actor,
            document_id=row.document_id,
            project_id=row.project,
            rule_id="registration",
            sha256=row.sha256,
            data={"prompt_id": row.id, **data},
        )
    )


_IN_BATCH = 500  # values per IN (...) list


def _parts(values: Iterable[str]) -> Iterator[list[str]]:
    unique = sorted(set(values))
    for start in range(0, len(unique), _IN_BATCH):
        yield unique[start : start + _IN_BATCH]


DnrStats = dict[tuple[str, str], list[Any]]  # (dnr, source) -> [count, latest seen_at]


@dataclass
class _BatchView:
    """What judging a batch reads, loaded with one query per kind for the whole
    batch instead of several per document, and kept current as the batch writes
    (one transaction holds the write lock, so nobody else changes these rows).

    Used only in a batch without savepoints: any failure discards the whole
    transaction, and the batch is judged again without a view (`judge_batch`).
    """

    rows_by_doc: dict[str, list[RegistryPromptRow]]
    primary_by_content: dict[str, RegistryPromptRow]
    first_seen: dict[str, datetime]
    text_dnrs: set[tuple[str, str, str]]  # (project, dnr, document_id) written in a text
    project_dnrs: dict[str, DnrStats]

    @classmethod
    def load(cls, tx: Tx, batch: Sequence[Judged]) -> _BatchView:
        docs = [item[0] for item in batch]
        shas = [item[1].sha256 for item in batch]
        projects = [item[1].project for item in batch if item[1].project is not None]
        view = cls({d: [] for d in docs}, {}, {}, set(), {p: {} for p in projects})
        for part in _parts(docs):
            stmt = select(RegistryPromptRow).where(RegistryPromptRow.document_id.in_(part))
            for row in tx.session.scalars(stmt.order_by(RegistryPromptRow.id)):
                view.rows_by_doc[row.document_id].append(row)
            firsts = select(DocumentRow.id, DocumentRow.first_seen_at).where(
                DocumentRow.id.in_(part)
            )
            view.first_seen.update((d, at) for d, at in tx.session.execute(firsts))
            dnrs = select(RegistryDnrRow.project, RegistryDnrRow.dnr, RegistryDnrRow.document_id)
            dnrs = dnrs.where(RegistryDnrRow.document_id.in_(part), RegistryDnrRow.source == "text")
            view.text_dnrs.update((p, n, d) for p, n, d in tx.session.execute(dnrs))
        for part in _parts(shas):
            stmt = select(RegistryPromptRow).where(RegistryPromptRow.content_key.in_(part))
            for row in tx.session.scalars(stmt):
                view.primary_by_content[str(row.content_key)] = row
        for part in _parts(projects):
            stats = select(
                RegistryDnrRow.project,
                RegistryDnrRow.dnr,
                RegistryDnrRow.source,
                func.count(),
                func.max(RegistryDnrRow.seen_at),
            ).where(RegistryDnrRow.project.in_(part))
            stats = stats.group_by(
                RegistryDnrRow.project, RegistryDnrRow.dnr, RegistryDnrRow.source
            )
            for project, dnr, source, count, latest in tx.session.execute(stats):
                view.project_dnrs[project][(dnr, source)] = [int(count), latest]
        return view

    def added(self, row: RegistryPromptRow) -> None:
        self.rows_by_doc.setdefault(row.document_id, []).append(row)
        if row.content_key is not None:
            self.primary_by_content[row.content_key] = row

    def text_dnr_added(self, project: str, dnr: str, document_id: str, at: datetime) -> None:
        self.text_dnrs.add((project, dnr, document_id))
        stats = self.project_dnrs.setdefault(project, {}).setdefault((dnr, "text"), [0, at])
        stats[0] += 1
        stats[1] = max(stats[1], at)


def _dnr_stats(tx: Tx, project: str) -> DnrStats:
    rows = tx.session.execute(
        select(
            RegistryDnrRow.dnr,
            RegistryDnrRow.source,
            func.count(),
            func.max(RegistryDnrRow.seen_at),
        )
        .where(RegistryDnrRow.project == project)
        .group_by(RegistryDnrRow.dnr, RegistryDnrRow.source)
    ).all()
    return {(dnr, source): [int(count), latest] for dnr, source, count, latest in rows}


def _project_dnrs(
    tx: Tx, project: str | None, previous: RegistryPromptRow | None, view: _BatchView | None = None
) -> list[str]:
    """Known diarienummer of a project: a previous registration first, then
    numbers assigned on registration (latest first), then those written in documents."""
    found: list[str] = [previous.dnr] if previous is not None and previous.dnr else []
    if project is None:
        return found
    stats = view.project_dnrs.get(project) if view is not None else None
    if stats is None:
        stats = _dnr_stats(tx, project)
    rows = [(dnr, source, count, latest) for (dnr, source), (count, latest) in stats.items()]
    ranked = sorted(rows, key=lambda r: (r[1] != "registered", -r[2], -r[3].timestamp()))
    for dnr, *_ in ranked:
        if dnr not in found:
            found.append(dnr)
    return found


def _rows_for(tx: Tx, document_id: str) -> list[RegistryPromptRow]:
    stmt = select(RegistryPromptRow).where(RegistryPromptRow.document_id == document_id)
    return list(tx.session.scalars(stmt.order_by(RegistryPromptRow.id)))


def _effective_status(tx: Tx, row: RegistryPromptRow) -> str:
    """A linked copy shares its primary's fate (registered, dismissed, ...)."""
    if row.status == LINKED and row.linked_to is not None:
        primary = tx.session.get(RegistryPromptRow, row.linked_to)
        return primary.status if primary is not None else LINKED
    return row.status


def _registered_row(tx: Tx, rows: Sequence[RegistryPromptRow]) -> RegistryPromptRow | None:
    for row in reversed(rows):
        if _effective_status(tx, row) == REGISTERED:
            return (
                row
                if row.status == REGISTERED
                else tx.session.get(RegistryPromptRow, row.linked_to)
            )
    return None


def _note_dnrs(
    tx: Tx,
    facts: DocumentFacts,
    document_id: str,
    rules: RegistrationRules,
    at: datetime,
    view: _BatchView | None = None,
) -> None:
    if facts.project is None:
        return
    for dnr in find_dnrs(facts.text, rules.dnr_pattern):
        if view is not None:
            exists: int | None = 0 if (facts.project, dnr, document_id) in view.text_dnrs else None
            if exists is None:
                view.text_dnr_added(facts.project, dnr, document_id, at)
        else:
            exists = tx.session.scalar(
                select(RegistryDnrRow.id).where(
                    RegistryDnrRow.project == facts.project,
                    RegistryDnrRow.dnr == dnr,
                    RegistryDnrRow.document_id == document_id,
                    RegistryDnrRow.source == "text",
                )
            )
        if exists is None:
            tx.session.add(
                RegistryDnrRow(
                    project=facts.project,
                    dnr=dnr,
                    document_id=document_id,
                    source="text",
                    seen_at=at,
                )
            )


def _note_sent(
    ctx: Context, tx: Tx, facts: DocumentFacts, document_id: str, rules: RegistrationRules
) -> list[str]:
    """Record the attachments of an e-mail sent out of the agency; returns their keys."""
    email = facts.email
    if email is None or email.sent_at is None or not email.attachment_names:
        return []
    outside = external_recipients(email, rules.agency_domains)
    if not outside:
        return []
    keys = sorted({attachment_key(name) for name in email.attachment_names})
    for key in keys:
        exists = tx.session.scalar(
            select(RegistrySentRow.id).where(
                RegistrySentRow.email_sha256 == facts.sha256, RegistrySentRow.attachment_key == key
            )
        )
        if exists is None:
            tx.session.add(
                RegistrySentRow(
                    email_document_id=document_id,
                    email_sha256=facts.sha256,
                    project=facts.project,
                    attachment_key=key,
                    sent_at=email.sent_at,
                    recipients_ref=seal(ctx, tx, "; ".join(outside)),
                )
            )
    return keys


def _sent_copy(ctx: Context, tx: Tx, facts: DocumentFacts) -> tuple[SentCopy, str] | None:
    """The earliest outgoing e-mail that carried this document (by attachment name),
    with the e-mail's document id."""
    stmt = select(RegistrySentRow).where(
        RegistrySentRow.attachment_key == attachment_key(facts.name)
    )
    if facts.project is not None:
        stmt = stmt.where(
            (RegistrySentRow.project == facts.project) | (RegistrySentRow.project.is_(None))
        )
    row = tx.session.scalars(stmt.order_by(RegistrySentRow.sent_at)).first()
    if row is None:
        return None
    recipients = tuple(
        r for r in (unseal(ctx, tx.session, row.recipients_ref) or "").split("; ") if r
    )
    return SentCopy(sent_at=row.sent_at, recipients=recipients), row.email_document_id


def _fold_email_into(
    tx: Tx, email_document_id: str, draft: RegistryPromptRow, at: datetime
) -> None:
    """The e-mail that carried a draft out is part of the draft's record: its own
    open prompt (if any) is linked to the draft's, so the sending is prompted once."""
    stmt = select(RegistryPromptRow).where(
        RegistryPromptRow.document_id == email_document_id, RegistryPromptRow.status == OPEN
    )
    for row in tx.session.scalars(stmt):
        row.status, row.linked_to, row.updated_at = LINKED, draft.id, at
        audit_prompt(tx, "registration_linked", at, row, "system", linked_to=draft.id)


def _first_seen(tx: Tx, document_id: str, fallback: datetime) -> datetime:
    doc = tx.session.get(DocumentRow, document_id)
    return doc.first_seen_at if doc is not None else fallback


def _alert(
    tx: Tx,
    kind: str,
    row: RegistryPromptRow,
    document_id: str,
    sha256: str,
    at: datetime,
    previous: str | None,
) -> int | None:
    """Raise an alert once per (document, kind, content); returns its id or None if known."""
    exists = tx.session.scalar(
        select(RegistryAlertRow.id).where(
            RegistryAlertRow.document_id == document_id,
            RegistryAlertRow.kind == kind,
            RegistryAlertRow.sha256 == sha256,
        )
    )
    if exists is not None:
        return None
    alert = RegistryAlertRow(
        document_id=document_id,
        prompt_id=row.id,
        kind=kind,
        sha256=sha256,
        previous_sha256=previous,
        status=OPEN,
        created_at=at,
    )
    tx.session.add(alert)
    tx.session.flush()
    tx.record(
        AuditEvent(
            event="registration_alert_raised",
            at=at,
            document_id=document_id,
            project_id=row.project,
            rule_id="registration",
            sha256=sha256,
            data={"alert_id": alert.id, "kind": kind, "prompt_id": row.id},
        )
    )
    log.info("registration_alert_raised", doc_id=document_id, kind=kind, alert_id=alert.id)
    return alert.id


def _fill(
    row: RegistryPromptRow,
    ctx: Context,
    tx: Tx,
    facts: DocumentFacts,
    classification: Classification,
    duty: Reason,
    sent: SentCopy | None,
    previous: RegistryPromptRow | None,
    first_seen_at: datetime,
    view: _BatchView | None = None,
) -> None:
    """Write the proposal for this version into `row` (new or updated)."""
    rules = registration_rules(ctx)
    class_name, _ = class_info(ctx, classification.doc_class)
    record = propose_record(
        facts,
        classification,
        class_name=class_name,
        first_seen_at=first_seen_at,
        project_dnrs=_project_dnrs(tx, facts.project, previous, view),
        rules=rules,
        duty=duty,
        sent=sent,
    )
    if row.arrived_on is None:  # an update keeps the original arrival and due date
        row.arrived_on = record.arrived_on
        row.date_source = record.date_source
        row.due_on = due_on(record.arrived_on, work_calendar(rules))
    row.project = facts.project
    row.doc_class = classification.doc_class
    row.direction = record.direction
    row.counterpart_ref = seal(ctx, tx, record.counterpart)
    row.counterpart_source = record.counterpart_source
    row.description = record.description
    row.proposed_dnr = record.dnr
    row.secrecy = record.secrecy
    row.secrecy_cues = json.dumps(list(record.secrecy_cues))
    row.secrecy_provisions = json.dumps(list(record.secrecy_provisions), ensure_ascii=False)
    row.reasons = json.dumps(
        [{"code": r.code, "values": dict(r.values)} for r in record.reasons], ensure_ascii=False
    )


def judge_version(
    ctx: Context,
    document_id: str,
    facts: DocumentFacts,
    classification: Classification,
    *,
    at: datetime | None = None,
) -> Outcome:
    """Judge one document version: prompt, link to a known copy, update, alert, or nothing.

    Safe to call any number of times for the same (document, content): the
    second call changes nothing.
    """
    at = at or ctx.clock.now()
    for attempt in (1, 2):
        try:
            with ctx.store.transaction() as tx:
                return _judge(ctx, tx, document_id, facts, classification, at)
        except StoreError:
            # a concurrent judge of the same content won the unique key; the retry sees its row
            if attempt == 2:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _judge(
    ctx: Context,
    tx: Tx,
    document_id: str,
    facts: DocumentFacts,
    classification: Classification,
    at: datetime,
    view: _BatchView | None = None,
) -> Outcome:
    if view is not None and document_id in view.rows_by_doc:
        rows = list(view.rows_by_doc[document_id])
    else:
        rows = _rows_for(tx, document_id)
    if any(r.sha256 == facts.sha256 for r in rows):
        return Outcome("unchanged")
    rules = registration_rules(ctx)
    _note_dnrs(tx, facts, document_id, rules, at, view)
    _note_sent(ctx, tx, facts, document_id, rules)
    registered = _registered_row(tx, rows)
    alert_id = None
    if registered is not None:
        previous_sha = rows[-1].sha256 if rows else None
        alert_id = _alert(
            tx, "registered_changed", registered, document_id, facts.sha256, at, previous_sha
        )
    found = _sent_copy(ctx, tx, facts) if classification.is_draft else None
    sent = found[0] if found else None
    _, register_rule = class_info(ctx, classification.doc_class)
    duty = registration_duty(classification, register_rule, is_sent=sent is not None)
    if duty is None:
        return Outcome("alerted", alert_id=alert_id) if alert_id else Outcome("none")
    if view is not None:
        first_seen_at = view.first_seen.get(document_id, at)
        primary = view.primary_by_content.get(facts.sha256)
    else:
        first_seen_at = _first_seen(tx, document_id, at)
        primary = tx.session.scalar(
            select(RegistryPromptRow).where(RegistryPromptRow.content_key == facts.sha256)
        )
    if primary is not None:
        if primary.status == LINKED and primary.linked_to is not None:
            primary = tx.session.get(RegistryPromptRow, primary.linked_to) or primary
        return _link(tx, primary, document_id, facts, classification, at, view)
    open_row = next((r for r in reversed(rows) if r.status == OPEN and r.content_key), None)
    if open_row is not None:  # changed before anyone answered: refresh the same prompt
        old_sha, old_key = open_row.sha256, open_row.content_key
        open_row.sha256 = open_row.content_key = facts.sha256
        open_row.updated_at = at
        if view is not None:
            if old_key is not None and view.primary_by_content.get(old_key) is open_row:
                del view.primary_by_content[old_key]
            view.primary_by_content[facts.sha256] = open_row
        _fill(open_row, ctx, tx, facts, classification, duty, sent, registered, first_seen_at, view)
        tx.session.flush()
        audit_prompt(
            tx, "registration_prompt_updated", at, open_row, "system", previous_sha256=old_sha
        )
        return Outcome("updated", prompt_id=open_row.id)
    row = RegistryPromptRow(
        document_id=document_id,
        sha256=facts.sha256,
        content_key=facts.sha256,
        kind="new_version" if registered is not None else "register",
        previous_prompt_id=registered.id if registered is not None else None,
        status=OPEN,
        created_at=at,
        updated_at=at,
    )
    _fill(row, ctx, tx, facts, classification, duty, sent, registered, first_seen_at, view)
    tx.session.add(row)
    tx.session.flush()
    if view is not None:
        view.added(row)
    audit_prompt(
        tx,
        "registration_prompted",
        at,
        row,
        "system",
        kind=row.kind,
        due_on=row.due_on.isoformat(),
        doc_class=row.doc_class,
        secrecy=row.secrecy,
        duty=duty.code,
    )
    log.info("registration_prompted", doc_id=document_id, prompt_id=row.id, kind=row.kind)
    if found is not None:
        _fold_email_into(tx, found[1], row, at)
    return Outcome("prompted", prompt_id=row.id, alert_id=alert_id)


def _link(
    tx: Tx,
    primary: RegistryPromptRow,
    document_id: str,
    facts: DocumentFacts,
    classification: Classification,
    at: datetime,
    view: _BatchView | None = None,
) -> Outcome:
    """A copy of content already judged: linked to its primary prompt, never prompted again."""
    row = RegistryPromptRow(
        document_id=document_id,
        sha256=facts.sha256,
        content_key=None,
        linked_to=primary.id,
        kind=primary.kind,
        project=facts.project,
        doc_class=classification.doc_class,
        status=LINKED,
        arrived_on=primary.arrived_on,
        date_source=primary.date_source,
        due_on=primary.due_on,
        direction=primary.direction,
        description=primary.description,
        secrecy=primary.secrecy,
        secrecy_cues=primary.secrecy_cues,
        secrecy_provisions=primary.secrecy_provisions,
        reasons=json.dumps([{"code": "copy_of_prompt", "values": {"prompt_id": str(primary.id)}}]),
        created_at=at,
        updated_at=at,
    )
    tx.session.add(row)
    tx.session.flush()
    if view is not None:
        view.added(row)
    audit_prompt(tx, "registration_linked", at, row, "system", linked_to=primary.id)
    return Outcome("linked", prompt_id=primary.id)


def note_gone(ctx: Context, document_id: str, *, at: datetime | None = None) -> Outcome:
    """A document disappeared: alert when it was registered or still waits for
    registration; an open prompt whose content survives in a copy moves to the copy."""
    at = at or ctx.clock.now()
    with ctx.store.transaction() as tx:
        rows = _rows_for(tx, document_id)
        if not rows:
            return Outcome("none")
        last = rows[-1]
        if _registered_row(tx, rows) is not None and _effective_status(tx, last) == REGISTERED:
            primary = _registered_row(tx, rows)
            assert primary is not None
            alert_id = _alert(tx, "registered_gone", primary, document_id, last.sha256, at, None)
            return Outcome("alerted", alert_id=alert_id)
        if last.status != OPEN:
            return Outcome("none")
        copy = _present_copy(tx, last)
        if copy is not None:
            _repoint(tx, last, copy)
            audit_prompt(
                tx, "registration_prompt_repointed", at, last, "system", from_document=document_id
            )
            return Outcome("updated", prompt_id=last.id)
        alert_id = _alert(tx, "prompted_gone", last, document_id, last.sha256, at, None)
        return Outcome("alerted", prompt_id=last.id, alert_id=alert_id)


def _present_copy(tx: Tx, primary: RegistryPromptRow) -> RegistryPromptRow | None:
    stmt = (
        select(RegistryPromptRow)
        .join(DocumentRow, DocumentRow.id == RegistryPromptRow.document_id)
        .where(RegistryPromptRow.linked_to == primary.id, DocumentRow.state == "present")
        .order_by(RegistryPromptRow.id)
    )
    return tx.session.scalars(stmt).first()


def _repoint(tx: Tx, primary: RegistryPromptRow, copy: RegistryPromptRow) -> None:
    """Swap the documents of a primary prompt and its linked copy (unique key kept)."""
    gone_doc, present_doc = primary.document_id, copy.document_id
    copy.document_id = "~swap"
    tx.session.flush()
    primary.document_id = present_doc
    tx.session.flush()
    copy.document_id = gone_doc
    tx.session.flush()


def default_inputs() -> Inputs:
    """The store-backed inputs (extraction cache, classification)."""
    # imported here: the ingest service imports the pipeline, which imports this module
    from recordkeeper.services.registration_inputs import StoreInputs

    return StoreInputs()


Judged = tuple[str, DocumentFacts, Classification, datetime]


def registration_stage(
    ctx: Context, changes: Sequence[DocumentChange], inputs: Inputs | None = None
) -> None:
    """Pipeline stage: judge each changed document; one bad change never stops the rest.

    The versions of one batch are judged in one transaction, each inside its
    own savepoint, so a failing document rolls back alone.
    """
    source = inputs or default_inputs()
    prefetch = getattr(source, "prefetch", None)
    if callable(prefetch):  # the store's inputs: one read for the whole batch
        versions = [(c.document_id, c.sha256) for c in changes if c.sha256 is not None]
        # the facts ingest extracted for these contents, in memory: not read back
        given = {
            c.sha256: c.facts for c in changes if c.facts is not None and c.facts.sha256 == c.sha256
        }
        prefetch(ctx, versions, given)
    batch: list[Judged] = []
    for change in changes:
        try:
            if change.change == "gone":
                note_gone(ctx, change.document_id, at=change.at)
            elif change.change in _EVALUATED and change.sha256 is not None:
                item = _inputs_of(ctx, change, change.sha256, source)
                if item is not None:
                    batch.append(item)
        except Exception as exc:
            log.exception(
                "registration_change_failed", doc_id=change.document_id, change=change.change
            )
            stage_failures.note(ctx, "registration", exc)
    judge_batch(ctx, batch)
    domains = registration_rules(ctx).agency_domains
    for _doc_id, facts, _cls, at in batch:
        if facts.email is not None and external_recipients(facts.email, domains):
            try:
                _rejudge_sent_drafts(ctx, facts, source, at)
            except Exception as exc:
                log.exception("registration_sent_drafts_failed", sha256=facts.sha256)
                stage_failures.note(ctx, "registration", exc)
    stage_failures.flush(ctx)  # counted where status, metrics and doctor show them


def _inputs_of(ctx: Context, change: DocumentChange, sha256: str, inputs: Inputs) -> Judged | None:
    facts = inputs.facts(ctx, change.document_id, sha256)
    classification = inputs.classification(ctx, change.document_id, facts) if facts else None
    if facts is None or classification is None:
        log.info("registration_inputs_missing", doc_id=change.document_id, sha256=sha256)
        return None
    return change.document_id, facts, classification, change.at


def judge_batch(ctx: Context, batch: Sequence[Judged]) -> None:
    """Judge many versions in one transaction.

    First all at once from a view loaded per batch (a few statements per batch
    instead of several per document). If anything fails, that transaction is
    discarded and the batch is judged again, each version in a savepoint of
    its own so a failing document rolls back alone; if that cannot commit
    either (e.g. a concurrent writer won a unique key), one by one.
    """
    if not batch:
        return
    try:
        with ctx.store.transaction() as tx:
            view = _BatchView.load(tx, batch)
            for document_id, facts, classification, at in batch:
                _judge(ctx, tx, document_id, facts, classification, at, view)
        return
    except Exception as exc:  # isolate the failing document below
        log.info("registration_batch_isolating", documents=len(batch), error=type(exc).__name__)
    failed: list[Exception] = []  # counted once this transaction commits (else retried)
    try:
        with ctx.store.transaction() as tx:
            for document_id, facts, classification, at in batch:
                try:
                    with tx.savepoint():
                        _judge(ctx, tx, document_id, facts, classification, at)
                except Exception as exc:
                    log.exception("registration_change_failed", doc_id=document_id)
                    failed.append(exc)
        for error in failed:
            stage_failures.note(ctx, "registration", error)
        return
    except StoreError:
        log.warning("registration_batch_retried", documents=len(batch))
    for document_id, facts, classification, at in batch:
        try:
            judge_version(ctx, document_id, facts, classification, at=at)
        except Exception as exc:
            log.exception("registration_change_failed", doc_id=document_id)
            stage_failures.note(ctx, "registration", exc)


def _rejudge_sent_drafts(ctx: Context, email: DocumentFacts, inputs: Inputs, at: datetime) -> None:
    """An e-mail sent out carried attachments: drafts of those names became official."""
    assert email.email is not None
    keys = {attachment_key(name) for name in email.email.attachment_names}
    with ctx.store.read() as session:
        stmt = select(DocumentRow.id, DocumentRow.path, DocumentRow.current_sha256).where(
            DocumentRow.state == "present"
        )
        if email.project is not None:
            stmt = stmt.where(DocumentRow.project == email.project)
        candidates = [
            (doc_id, sha)
            for doc_id, path, sha in session.execute(stmt)
            if sha is not None and attachment_key(path) in keys
        ]
    for doc_id, sha in candidates:
        facts = inputs.facts(ctx, doc_id, sha)
        classification = inputs.classification(ctx, doc_id, facts) if facts else None
        if facts is not None and classification is not None and classification.is_draft:
            judge_version(ctx, doc_id, facts, classification, at=at)
