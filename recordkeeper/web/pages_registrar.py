"""The registrar's inbox: prompts by due date, proposals and reasons, answers, alerts."""

from __future__ import annotations

import csv
import io

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from recordkeeper.errors import RecordkeeperError
from recordkeeper.registry.messages import reason_text
from recordkeeper.services import registration_answers as answers
from recordkeeper.services import registration_queue as queue
from recordkeeper.services.documents import document_preview
from recordkeeper.services.registration import known_classes, reason_names
from recordkeeper.services.registration_catchup import count_unprompted
from recordkeeper.web.security import app_context, page, session_of

REGISTRAR_ROLES = ("registrar",)
PAGE_SIZE = 100  # prompts per page, soonest due first


@page(*REGISTRAR_ROLES)
async def inbox(request: Request) -> Response:
    from recordkeeper.web.app import render, request_lang

    ctx = app_context(request)
    lang = request_lang(request)
    try:
        page_no = max(1, int(request.query_params.get("page", "1")))
    except ValueError:
        page_no = 1
    shown = queue.open_prompts(ctx, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
    total, overdue = queue.queue_counts(ctx)
    with ctx.store.read() as session:  # prompts a failed stage has not made yet
        unprompted = count_unprompted(session)
    previews = {p.id: document_preview(ctx, p.document_id) for p in shown[:50]}
    names = reason_names(ctx)
    reasons = {p.id: [reason_text(r.code, r.values, lang, names) for r in p.reasons] for p in shown}
    return render(
        request,
        "registrar.html.j2",
        prompts=shown,
        total=total,
        overdue=overdue,
        page_no=page_no,
        pages=max(1, -(-total // PAGE_SIZE)),
        alerts=queue.open_alerts(ctx),
        previews=previews,
        reasons=reasons,
        classes=known_classes(ctx),
        message=request.query_params.get("msg", ""),
        unprompted=unprompted,
    )


def _back(message: str) -> Response:
    return RedirectResponse(f"/registrar?msg={message}", status_code=303)


async def _answer(request: Request, action: str) -> Response:
    ctx, info = app_context(request), session_of(request)
    form = await request.form()
    prompt_id = int(request.path_params["prompt_id"])
    try:
        if action == "register":
            answers.register(ctx, prompt_id, str(form.get("dnr", "")).strip(), info.user.id)
        elif action == "dismiss":
            reason = str(form.get("reason", "")).strip()
            answers.dismiss(ctx, prompt_id, reason, info.user.id, answers.default_not_official())
        else:
            answers.reclassify(
                ctx,
                prompt_id,
                str(form.get("doc_class", "")),
                info.user.id,
                answers.default_corrector(),
            )
    except RecordkeeperError as exc:
        return _back(exc.code)
    return _back("done")


@page(*REGISTRAR_ROLES)
async def register(request: Request) -> Response:
    return await _answer(request, "register")


@page(*REGISTRAR_ROLES)
async def dismiss(request: Request) -> Response:
    return await _answer(request, "dismiss")


@page(*REGISTRAR_ROLES)
async def reclassify(request: Request) -> Response:
    return await _answer(request, "reclassify")


@page(*REGISTRAR_ROLES)
async def acknowledge(request: Request) -> Response:
    ctx, info = app_context(request), session_of(request)
    try:
        answers.acknowledge_alert(ctx, int(request.path_params["alert_id"]), info.user.id)
    except RecordkeeperError as exc:
        return _back(exc.code)
    return _back("done")


@page(*REGISTRAR_ROLES)
async def export(request: Request) -> Response:
    rows = [queue.export_row(v) for v in queue.open_prompts(app_context(request))]
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="diarium.csv"'},
    )


def routes() -> list[BaseRoute]:
    return [
        Route("/registrar", inbox),
        Route("/registrar/export.csv", export),
        Route("/registrar/prompts/{prompt_id:int}/register", register, methods=["POST"]),
        Route("/registrar/prompts/{prompt_id:int}/dismiss", dismiss, methods=["POST"]),
        Route("/registrar/prompts/{prompt_id:int}/reclassify", reclassify, methods=["POST"]),
        Route("/registrar/alerts/{alert_id:int}/ack", acknowledge, methods=["POST"]),
    ]
