"""The service's status for the people who rely on it: failures of the stages after ingest.

A stage that failed on a document (a store error while a registration prompt, a
classification or a process status was written) heals by itself while the daemon runs;
until it has, the registrar may be missing a prompt. `recordkeeper status`, the metrics
and `doctor` showed it to the operator; this page shows it to the registrar, the data
protection officer and the administrator, and the registrar's inbox points here while
a registration prompt is missing. Only stage names, counts, times and an exception
class: never a path, a name or a document's text.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from recordkeeper.services import stage_failures
from recordkeeper.services.context import Context
from recordkeeper.services.registration_catchup import count_unprompted
from recordkeeper.web.security import app_context, page

STATUS_ROLES = ("registrar", "dpo")  # and the administrator, who may see every page


def stage_health(ctx: Context) -> tuple[list[stage_failures.Recorded], int]:
    """The stages' recorded failures and how many must-register versions lack a prompt."""
    with ctx.store.read() as session:
        return stage_failures.summary(session, ctx.clock.now()), count_unprompted(session)


@page(*STATUS_ROLES)
async def status(request: Request) -> Response:
    from recordkeeper.web.app import render, request_lang

    failures, unprompted = stage_health(app_context(request))
    lang = request_lang(request)
    return render(
        request,
        "status.html.j2",
        failures=failures,
        labels={f.stage: stage_failures.label(f.stage, lang) for f in failures},
        unprompted=unprompted,
    )


def routes() -> list[BaseRoute]:
    return [Route("/status", status)]
