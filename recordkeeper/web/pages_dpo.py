"""The data-protection officer's dashboard: personal data, deadlines, proposals, holds, audit."""

from __future__ import annotations

from collections import Counter
from datetime import date

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from recordkeeper.errors import RecordkeeperError
from recordkeeper.services import audit, retention
from recordkeeper.services.audit import TreeHead
from recordkeeper.services.context import Context
from recordkeeper.services.dpo import dpo_report
from recordkeeper.services.registration import class_names
from recordkeeper.web.security import app_context, page, session_of

DPO_ROLES = ("dpo",)


def _months_ahead(today: date, n: int = 12) -> list[str]:
    months, year, month = [], today.year, today.month
    for _ in range(n):
        months.append(f"{year:04d}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return months


@page(*DPO_ROLES)
async def dashboard(request: Request) -> Response:
    from recordkeeper.web.app import render, request_lang

    ctx = app_context(request)
    report = dpo_report(ctx)
    names, sv = class_names(ctx), request_lang(request) == "sv"
    months = _months_ahead(report.today)
    per_month = Counter(
        d.due_on.strftime("%Y-%m") for d in report.deadlines if d.due_on is not None
    )
    timeline = [(m, per_month.get(m, 0)) for m in months]
    peak = max((n for _, n in timeline), default=0) or 1
    return render(
        request,
        "dpo.html.j2",
        report=report,
        timeline=timeline,
        peak=peak,
        message=request.query_params.get("msg", ""),
        head=_head(ctx),
        # a class by its name ("Jävsdeklaration"), not its id ("coi_declaration")
        class_name=lambda c: (names[c][0] if sv else names[c][1]) if c in names else c or "",
    )


@page(*DPO_ROLES)
async def decide(request: Request) -> Response:
    ctx, info = app_context(request), session_of(request)
    form = await request.form()
    approve = form.get("decision") == "approve"
    try:
        retention.decide(
            ctx, request.path_params["proposal_id"], info.user.id, info.user.role, approve=approve
        )
    except RecordkeeperError as exc:
        return RedirectResponse(f"/dpo?msg={exc.code}", status_code=303)
    return RedirectResponse("/dpo?msg=done", status_code=303)


@page(*DPO_ROLES)
async def add_hold(request: Request) -> Response:
    ctx, info = app_context(request), session_of(request)
    form = await request.form()
    target, kind = str(form.get("target", "")).strip(), form.get("kind")
    reason = str(form.get("reason", "")).strip()
    try:
        retention.add_hold(
            ctx,
            reason=reason or "-",
            actor=info.user.id,
            document_id=target if kind == "document" else None,
            project=target if kind == "project" else None,
        )
    except RecordkeeperError as exc:
        return RedirectResponse(f"/dpo?msg={exc.code}", status_code=303)
    return RedirectResponse("/dpo?msg=done", status_code=303)


@page(*DPO_ROLES)
async def lift_hold(request: Request) -> Response:
    ctx, info = app_context(request), session_of(request)
    try:
        retention.lift_hold(ctx, request.path_params["hold_id"], info.user.id)
    except RecordkeeperError as exc:
        return RedirectResponse(f"/dpo?msg={exc.code}", status_code=303)
    return RedirectResponse("/dpo?msg=done", status_code=303)


def _head(ctx: Context) -> TreeHead | None:
    try:
        return audit.latest_head(ctx)
    except RecordkeeperError:
        return None


@page(*DPO_ROLES)
async def verify(request: Request) -> Response:
    """Verify the audit log now; the answer says what is wrong and where."""
    ctx = app_context(request)
    try:
        report = audit.verify_audit(ctx)
    except RecordkeeperError as exc:
        return RedirectResponse(f"/dpo?msg={exc.code}#audit", status_code=303)
    outcome = "audit_ok" if report.ok else "audit_failed"
    return RedirectResponse(f"/dpo?msg={outcome}#audit", status_code=303)


def routes() -> list[BaseRoute]:
    return [
        Route("/dpo", dashboard),
        Route("/dpo/proposals/{proposal_id}/decide", decide, methods=["POST"]),
        Route("/dpo/holds", add_hold, methods=["POST"]),
        Route("/dpo/holds/{hold_id}/lift", lift_hold, methods=["POST"]),
        Route("/dpo/audit/verify", verify, methods=["POST"]),
    ]
