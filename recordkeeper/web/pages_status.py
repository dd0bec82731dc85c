"""The service's status for the people who rely on it: files by state, what could not be
read and why, the last scans, and failures of the stages after ingest (per day for the last
week).

A stage that failed on a document (a store error while a registration prompt, a
classification or a process status was written) heals by itself while the daemon runs;
until it has, the registrar may be missing a prompt. `recordkeeper status`, the metrics
and `doctor` showed it to the operator; this page shows it to the registrar, the data
protection officer and the administrator, and the registrar's inbox points here while
a registration prompt is missing. Only stage names, counts, times and an exception
class: never a path, a name or a document's text.
"""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from recordkeeper import i18n
from recordkeeper.services import ingest, stage_failures
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

    ctx = app_context(request)
    failures, unprompted = stage_health(ctx)
    counts = ingest.status(ctx)
    lang = request_lang(request)
    return render(
        request,
        "status.html.j2",
        failures=failures,
        labels={f.stage: stage_failures.label(f.stage, lang) for f in failures},
        unprompted=unprompted,
        documents=sorted(counts.documents.items()),
        unreadable=[
            (reason_label(reason, lang), count) for reason, count in sorted(counts.errors.items())
        ],
        scans=[
            (root, _time(scan.get("at")), scan.get("seen"), scan.get("duration_s"))
            for root, scan in sorted(counts.last_scans.items())
            if isinstance(scan, dict)
        ],
        queue=counts.queue,
    )


def reason_label(reason: str, lang: str) -> str:
    """Why files (or, `folder_...`, folders) could not be read, in words."""
    if reason.startswith("folder_"):
        inner = i18n.t(f"unreadable.{reason.removeprefix('folder_')}", lang)
        return i18n.t("web.status.folder", lang, reason=inner)
    return i18n.t(f"unreadable.{reason}", lang)


def _time(value: object) -> str:
    """A stored ISO time as the page shows times ("2025-04-10 08:00 UTC")."""
    if not isinstance(value, str):
        return "–"
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        return "–"
    return (
        (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    )


def routes() -> list[BaseRoute]:
    return [Route("/status", status)]
