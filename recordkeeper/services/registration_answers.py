"""Registration use cases for the registrar's answers: registered (with a
validated diarienummer), not an official document (with a reason), wrong
class (re-classified), and acknowledging an alert.

Each answer changes one prompt or alert and writes its audit event, carrying
the acting user's id, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable

import structlog

from recordkeeper import i18n
from recordkeeper.errors import NotFound, UsageError
from recordkeeper.model import AuditEvent
from recordkeeper.registry import dismiss_code, validate_dnr
from recordkeeper.services.context import Context
from recordkeeper.services.registration import (
    DISMISSED,
    LINKED,
    OPEN,
    RECLASSIFIED,
    REGISTERED,
    audit_prompt,
    class_info,
    known_classes,
    registration_rules,
)
from recordkeeper.store.tables_registry import RegistryAlertRow, RegistryDnrRow, RegistryPromptRow
from recordkeeper.store.unit import Tx

log = structlog.get_logger(__name__)


# How a reclassification reaches the classifier (classify's correction service,
# which also teaches it); None when only the registry is updated.
Corrector = Callable[[Context, str, str, str], object]
# How "not an official document" reaches the classifier: (ctx, document_id, actor).
NotOfficial = Callable[[Context, str, str], object]


def default_corrector() -> Corrector | None:
    """Classify's correction service: the class sticks for the document and the
    classifier's store learns it (classify records its own audit event)."""
    from recordkeeper.services.classification import correct_classification

    def correct(ctx: Context, document_id: str, actor: str, doc_class: str) -> object:
        return correct_classification(ctx, document_id, actor, doc_class=doc_class)

    return correct


def default_not_official() -> NotOfficial:
    """Classify's correction service with `not_official=True`."""
    from recordkeeper.services.classification import correct_classification

    def correct(ctx: Context, document_id: str, actor: str) -> object:
        return correct_classification(ctx, document_id, actor, not_official=True)

    return correct


def _not_found(ctx: Context, what: int) -> NotFound:
    return NotFound(i18n.t("registry.not_found", ctx.lang, id=what), code="registry.not_found")


def _open_prompt(ctx: Context, tx: Tx, prompt_id: int) -> RegistryPromptRow:
    row = tx.session.get(RegistryPromptRow, prompt_id)
    if row is None or row.status == LINKED:
        raise _not_found(ctx, prompt_id)
    if row.status != OPEN:
        status = i18n.t(f"registry.status.{row.status}", ctx.lang)
        raise UsageError(
            i18n.t("registry.already_answered", ctx.lang, id=prompt_id, status=status),
            code="registry.already_answered",
        )
    return row


def register(ctx: Context, prompt_id: int, dnr: str, actor: str) -> str:
    """Record that the registrar registered the document under `dnr`.

    Args:
        ctx: the service context.
        prompt_id: the open prompt.
        dnr: the diarienummer the agency's register assigned.
        actor: the registrar's user id (recorded in the audit event).

    Returns:
        The diarienummer as stored.

    Raises:
        InvalidDnr: the number does not match the rule file's `dnr_pattern`.
        NotFound: no such prompt. UsageError: it is already answered.
    """
    number = validate_dnr(dnr, registration_rules(ctx).dnr_pattern, ctx.lang)
    at = ctx.clock.now()
    with ctx.store.transaction() as tx:
        row = _open_prompt(ctx, tx, prompt_id)
        row.status, row.dnr = REGISTERED, number
        row.answered_at, row.answered_by, row.updated_at = at, actor, at
        if row.project is not None:
            tx.session.add(
                RegistryDnrRow(
                    project=row.project,
                    dnr=number,
                    document_id=row.document_id,
                    source="registered",
                    seen_at=at,
                )
            )
        audit_prompt(tx, "registration_registered", at, row, actor, dnr=number)
    log.info("registration_registered", prompt_id=prompt_id, actor=actor)
    return number


def dismiss(
    ctx: Context,
    prompt_id: int,
    reason: str,
    actor: str,
    not_official: NotOfficial | None = None,
) -> str:
    """Record "not an official document" with a reason; returns the reason's code.

    The free text stays in the registry row; the audit event carries only the
    code (`draft`, `working_copy`, `duplicate`, `internal_note`, `not_received`,
    `other`). `not_official` tells the classifier too, so later versions of the
    document are not prompted again (classify records its own audit event).
    """
    if not reason.strip():
        raise UsageError(
            i18n.t("registry.reason_required", ctx.lang), code="registry.reason_required"
        )
    code = dismiss_code(reason)
    with ctx.store.transaction() as tx:
        document_id = _open_prompt(ctx, tx, prompt_id).document_id  # fails before teaching
    if not_official is not None:
        not_official(ctx, document_id, actor)
    at = ctx.clock.now()
    with ctx.store.transaction() as tx:
        row = _open_prompt(ctx, tx, prompt_id)
        row.status, row.dismiss_code, row.dismiss_text = DISMISSED, code, reason.strip()
        row.answered_at, row.answered_by, row.updated_at = at, actor, at
        audit_prompt(tx, "registration_dismissed", at, row, actor, reason_code=code)
    log.info("registration_dismissed", prompt_id=prompt_id, actor=actor, reason_code=code)
    return code


def reclassify(
    ctx: Context, prompt_id: int, doc_class: str, actor: str, corrector: Corrector | None = None
) -> str:
    """ "Wrong class": correct the classification and re-judge the prompt.

    The correction goes to the classifier first (`corrector`), which records
    its own audit event and learns from it. The prompt then stays open under
    the new class when that class must be registered, else it is closed as
    `reclassified`. Returns the prompt's new status.
    """
    known = known_classes(ctx)
    if known and doc_class not in known:
        raise UsageError(
            i18n.t("registry.unknown_class", ctx.lang, doc_class=doc_class, known=", ".join(known)),
            code="registry.unknown_class",
        )
    with ctx.store.read() as session:
        found = session.get(RegistryPromptRow, prompt_id)
        if found is None or found.status == LINKED:
            raise _not_found(ctx, prompt_id)
        document_id = found.document_id
    if corrector is not None:
        corrector(ctx, document_id, actor, doc_class)
    class_name, register_rule = class_info(ctx, doc_class)
    at = ctx.clock.now()
    with ctx.store.transaction() as tx:
        row = _open_prompt(ctx, tx, prompt_id)
        old_class = row.doc_class
        row.doc_class, row.updated_at = doc_class, at
        row.description = row.description.replace(class_info(ctx, old_class)[0], class_name, 1)
        if register_rule is not True:
            row.status, row.answered_at, row.answered_by = RECLASSIFIED, at, actor
        audit_prompt(
            tx,
            "registration_reclassified",
            at,
            row,
            actor,
            from_class=old_class,
            doc_class=doc_class,
            status=row.status,
        )
    return row.status


def acknowledge_alert(ctx: Context, alert_id: int, actor: str) -> None:
    """The registrar has seen an alert and acted on it (audited with the actor)."""
    at = ctx.clock.now()
    with ctx.store.transaction() as tx:
        alert = tx.session.get(RegistryAlertRow, alert_id)
        if alert is None:  # named as `registry list` shows alerts: A3
            text = i18n.t("registry.alert_not_found", ctx.lang, id=f"A{alert_id}")
            raise NotFound(text, code="registry.not_found")
        if alert.status != OPEN:
            raise UsageError(
                i18n.t("registry.alert_already_acknowledged", ctx.lang, id=f"A{alert_id}"),
                code="registry.alert_already_acknowledged",
            )
        alert.status, alert.acknowledged_at, alert.acknowledged_by = "acknowledged", at, actor
        tx.record(
            AuditEvent(
                event="registration_alert_acknowledged",
                at=at,
                actor=actor,
                document_id=alert.document_id,
                rule_id="registration",
                sha256=alert.sha256,
                data={"alert_id": alert.id, "kind": alert.kind},
            )
        )
