"""The document page: class, flags, versions, location and audit history."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from recordkeeper.services.documents import document_detail
from recordkeeper.web.security import app_context, page, session_of


@page()
async def document_page(request: Request) -> Response:
    from recordkeeper.web.app import render

    detail = document_detail(app_context(request), request.path_params["document_id"])
    if detail is None or not session_of(request).user.may_see_project(detail.project):
        return render(request, "not_found.html.j2", 404)
    return render(request, "document.html.j2", doc=detail)


def routes() -> list[BaseRoute]:
    return [Route("/documents/{document_id}", document_page)]
