"""SHELL: the web application (Starlette + Jinja2 + vendored htmx), built around a Context.

Routes are thin: they read the session, call one service, render a template.
The pages live in modules per role (`pages_*.py`); this module assembles them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

import recordkeeper.web.messages  # noqa: F401  (registers the texts)
from recordkeeper.i18n import catalogue, t
from recordkeeper.services.context import Context
from recordkeeper.web import (
    pages_auth,
    pages_documents,
    pages_dpo,
    pages_projects,
    pages_registrar,
    pages_status,
)
from recordkeeper.web.security import current_session, page, security_headers

_HERE = Path(__file__).resolve().parent
LANG_COOKIE = "rk_lang"


def request_lang(request: Request) -> str:
    lang = request.cookies.get(LANG_COOKIE)
    if lang in ("sv", "en"):
        return lang
    info = getattr(request.state, "session", None)
    if info is not None:
        return str(info.user.lang)
    ctx: Context = request.app.state.ctx
    return ctx.settings.lang


def notice(code: str, lang: str) -> str:
    """The sentence for a page's `?msg=` code (an action's outcome, an error's code): a code
    without a web text gives a general one, so neither a key, a command-line hint nor
    whatever the address holds is shown."""
    if code == "done":
        return t("web.done", lang)
    key = f"web.msg.{code}"
    return t(key if key in catalogue() else "web.msg.unknown", lang)


def render(request: Request, template: str, status_code: int = 200, **values: Any) -> Response:
    """Render `template` with the language, session and helpers every page needs."""
    env: Environment = request.app.state.jinja
    lang = request_lang(request)
    info = getattr(request.state, "session", None)
    html = env.get_template(template).render(
        lang=lang,
        t=lambda key, **kw: t(key, lang, **kw),
        notice=lambda code: notice(code, lang),
        session=info,
        csrf=info.csrf_token if info else "",
        path=request.url.path,
        **values,
    )
    return HTMLResponse(html, status_code=status_code)


@page()
async def home(request: Request) -> Response:
    info = current_session(request)
    target = {"registrar": "/registrar", "project_lead": "/projects", "dpo": "/dpo"}
    return RedirectResponse(target.get(info.user.role if info else "", "/projects"), 303)


@page()
async def switch_lang(request: Request) -> Response:
    lang = request.path_params["lang"]
    back = request.headers.get("referer", "/")
    response = RedirectResponse(back if back.startswith(("/", "http")) else "/", 303)
    if lang in ("sv", "en"):
        response.set_cookie(
            LANG_COOKIE,
            lang,
            httponly=True,
            samesite="strict",
            secure=request.app.state.ctx.settings.web.secure_cookies,
        )
    return response


@page()
async def not_found(request: Request) -> Response:
    return render(request, "not_found.html.j2", 404)


def routes() -> list[BaseRoute]:
    return [
        Route("/", home),
        Route("/lang/{lang}", switch_lang),
        *pages_auth.routes(),
        *pages_dpo.routes(),
        *pages_registrar.routes(),
        *pages_projects.routes(),
        *pages_documents.routes(),
        *pages_status.routes(),
        Mount("/static", StaticFiles(directory=_HERE / "static"), name="static"),
        Route("/{rest:path}", not_found),  # last: a signed-in user gets a proper page
    ]


def create_app(ctx: Context) -> Starlette:
    """The web application for `ctx` (its store must be migrated)."""
    app = Starlette(
        routes=routes(), middleware=[Middleware(BaseHTTPMiddleware, dispatch=security_headers)]
    )
    app.state.ctx = ctx
    app.state.jinja = Environment(
        loader=FileSystemLoader(_HERE / "templates"),
        autoescape=select_autoescape(["html", "j2"]),
    )
    app.state.render = render
    return app
