"""The project board (projects x steps) and a project's page (evidence, people, warnings)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from recordkeeper.errors import RecordkeeperError
from recordkeeper.process.report import Renderer
from recordkeeper.services.check import process_rules
from recordkeeper.services.confirmations import confirm_step
from recordkeeper.services.context import Context
from recordkeeper.services.process_status import (
    project_status,
    project_statuses,
    warning_text,
)
from recordkeeper.web.security import app_context, page, session_of

BOARD_ROLES = ("project_lead", "registrar", "dpo")


def _renderer(ctx: Context, lang: str) -> Renderer:
    classes = ctx.rules.one("classes")
    names = {c.id: (c.name_sv, c.name_en) for c in classes.classes}
    return Renderer(process_rules(ctx.rules), names, lang)


@page(*BOARD_ROLES)
async def board(request: Request) -> Response:
    from recordkeeper.web.app import render, request_lang

    ctx, user = app_context(request), session_of(request).user
    rules = process_rules(ctx.rules)
    statuses = [s for s in project_statuses(ctx) if user.may_see_project(s.project)]
    renderer = _renderer(ctx, request_lang(request))
    return render(
        request,
        "board.html.j2",
        steps=rules.steps,
        statuses=statuses,
        renderer=renderer,
        grid=[(s, dict(s.steps)) for s in statuses],
    )


@page(*BOARD_ROLES)
async def project(request: Request) -> Response:
    from recordkeeper.web.app import render, request_lang

    ctx, user = app_context(request), session_of(request).user
    name = request.path_params["project"]
    if not user.may_see_project(name):
        return render(request, "not_found.html.j2", 404)
    status = project_status(ctx, name, live=True)
    if status is None:
        return render(request, "not_found.html.j2", 404)
    renderer = _renderer(ctx, request_lang(request))
    rules = process_rules(ctx.rules)
    warnings = [(w, warning_text(renderer, w)) for w in status.warnings]
    return render(
        request,
        "project.html.j2",
        status=status,
        live=status.live,
        steps={s.id: s for s in rules.steps},
        renderer=renderer,
        warnings=warnings,
        message=request.query_params.get("msg", ""),
    )


@page("project_lead")
async def confirm(request: Request) -> Response:
    ctx, user = app_context(request), session_of(request).user
    name, step = request.path_params["project"], request.path_params["step"]
    if not user.may_see_project(name):
        return RedirectResponse("/projects", status_code=303)
    try:
        confirm_step(ctx, name, step, user.id)
    except RecordkeeperError as exc:
        return RedirectResponse(f"/projects/{name}?msg={exc.code}", status_code=303)
    return RedirectResponse(f"/projects/{name}?msg=done", status_code=303)


def routes() -> list[BaseRoute]:
    return [
        Route("/projects", board),
        Route("/projects/{project}", project),
        Route("/projects/{project}/steps/{step}/confirm", confirm, methods=["POST"]),
    ]
