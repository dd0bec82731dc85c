"""What the digests say, read from the store: the production `DigestSources`.

Each role's part reads the tables of the feature that owns the facts, through
that feature's service read functions, and returns plain values for
`notify.render`. Parts whose feature has not landed yet return nothing, so a
digest lists what the service knows today and grows as features are wired:
- registrar: open prompts new since the last digest, overdue prompts, open
  alerts (registry's `registration_queue`).
- DPO: retention proposals awaiting approval and deadlines past due (retention).
- project lead: process warnings raised and resolved since the last digest,
  per project, in the instruction's words (process_status).
- DPO, audit: the log verified at digest time and its latest signed head.

Every part speaks the recipient's language (`lang`: the recipient's `lang`, else the
configured one) and names document classes as the rule file does (`name_sv`/`name_en`),
as the CLI and the web pages do; the digests said class ids ('coi_declaration'), alert
kinds ('registered_changed') and retention actions ('weed') in Swedish digests and
English ones alike, and '3 arbetsdagar sen' in English ones.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from recordkeeper import i18n
from recordkeeper.errors import RecordkeeperError
from recordkeeper.notify.render import (
    AuditStatus,
    DigestLine,
    DpoFindings,
    LeadFindings,
    ProjectWarnings,
    RegistrarFindings,
    SignedHead,
)
from recordkeeper.process.report import Renderer
from recordkeeper.registry.proposal import describe
from recordkeeper.retention import messages as _retention_texts  # noqa: F401  (actions)
from recordkeeper.ruleset.registration import RegistrationRules
from recordkeeper.services import audit, check, process_status, registration_queue, retention
from recordkeeper.services.context import Context
from recordkeeper.services.registration import class_names, registration_rules

Names = dict[str, tuple[str, str]]  # class id -> (Swedish, English) name


def _class_name(names: Names, doc_class: str | None, lang: str) -> str:
    """A class by its name in `lang` (an unknown class by its id)."""
    found = names.get(doc_class or "other")
    if found is None:
        return doc_class or "other"
    return found[0] if lang == "sv" else found[1]


def _prompt_line(
    p: registration_queue.PromptView, lang: str, names: Names, rules: RegistrationRules
) -> DigestLine:
    late = p.escalation.working_days_late
    shown = _class_name(names, p.doc_class, lang)
    # the proposed description as the rule file makes it says only class and project
    # ("Jävsdeklaration – FMB Ländrygg"), which the line shows already
    plain = describe(_class_name(names, p.doc_class, "sv"), p.project, rules)
    return DigestLine(
        ref=i18n.t("digest.ref.prompt", lang, id=p.id),
        text=shown if p.description == plain else f"{shown}: {p.description}",
        project=p.project,
        due_on=p.due_on,
        detail=i18n.t("digest.late", lang, days=late) if p.escalation.is_overdue else "",
    )


class StoreDigestSources:
    """Reads the findings of each role from the store (see the module docstring)."""

    def registrar(
        self, ctx: Context, since: datetime, now: datetime, lang: str = i18n.DEFAULT_LANG
    ) -> RegistrarFindings:
        prompts = registration_queue.open_prompts(ctx)
        overdue = [p for p in prompts if p.escalation.is_overdue]
        new = [p for p in prompts if not p.escalation.is_overdue and p.arrived_on >= since.date()]
        names, rules = class_names(ctx), registration_rules(ctx)
        return RegistrarFindings(
            new_prompts=tuple(_prompt_line(p, lang, names, rules) for p in new),
            overdue_prompts=tuple(_prompt_line(p, lang, names, rules) for p in overdue),
            alerts=tuple(  # A3: the id `registry list` shows and `registry ack` takes
                DigestLine(
                    ref=f"A{a.id}",
                    text=i18n.t(f"registry.alert.{a.kind}", lang),
                    detail=a.dnr or "",
                )
                for a in registration_queue.open_alerts(ctx)
            ),
        )

    def project_lead(
        self, ctx: Context, since: datetime, now: datetime, lang: str = i18n.DEFAULT_LANG
    ) -> LeadFindings:
        raised, resolved = process_status.warnings_since(ctx, since)
        if not raised and not resolved:
            return LeadFindings()
        classes = ctx.rules.one("classes")
        renderer = Renderer(
            check.process_rules(ctx.rules),
            {c.id: (c.name_sv, c.name_en) for c in classes.classes},
            lang,
        )

        def line(w: process_status.StoredWarning) -> DigestLine:
            text = process_status.warning_text(renderer, w)
            return DigestLine(ref=w.rule_id, text=text, project=w.project, detail=w.severity)

        projects = sorted({w.project for w in (*raised, *resolved)})
        return LeadFindings(
            projects=tuple(
                ProjectWarnings(
                    project=p,
                    new=tuple(line(w) for w in raised if w.project == p),
                    resolved=tuple(line(w) for w in resolved if w.project == p),
                )
                for p in projects
            )
        )

    def dpo(
        self, ctx: Context, since: datetime, now: datetime, lang: str = i18n.DEFAULT_LANG
    ) -> DpoFindings:
        names = class_names(ctx)
        awaiting = tuple(
            DigestLine(
                ref=p.id,
                text=f"{i18n.t(f'retention.action.{p.action}', lang)} · {p.rule_id}",
                project=p.project,
                detail=p.basis,
            )
            for p in retention.open_proposals(ctx, "awaiting")
        )
        yesterday = (now - timedelta(days=1)).date()
        overdue = tuple(
            DigestLine(
                ref=d.document_id,
                text=f"{i18n.t(f'retention.action.{d.action}', lang)} · "
                f"{_class_name(names, d.doc_class, lang)}",
                project=d.project,
                due_on=d.due_on,
                detail=d.rule_id,
            )
            for d in retention.upcoming(ctx, until=yesterday)
        )
        return DpoFindings(
            proposals_awaiting=awaiting,
            overdue_deletions=overdue,
            **_audit_findings(ctx, now, lang),
        )


def _audit_findings(ctx: Context, now: datetime, lang: str) -> dict[str, Any]:
    """The audit log's verification result and latest signed head (empty without a key)."""
    try:
        report = audit.verify_audit(ctx)
    except RecordkeeperError:
        return {}
    head = report.latest
    return {
        "audit": AuditStatus(
            is_verified=report.ok,
            entries=report.entries,
            checked_at=now,
            detail="; ".join(report.lines(lang)),
        ),
        "head": SignedHead(
            size=head.tree_size,
            root_hash=head.root_hash.hex(),
            signed_at=datetime.fromisoformat(head.timestamp.replace("Z", "+00:00")),
        )
        if head is not None
        else None,
    }
