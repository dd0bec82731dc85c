"""Sign-in and sign-out pages."""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from recordkeeper.services.users import authenticate, create_session, end_session
from recordkeeper.web.security import LOGIN_CSRF_COOKIE, SESSION_COOKIE, app_context, page


def _render(request: Request, template: str, status: int = 200, **values: object) -> Response:
    from recordkeeper.web.app import render

    return render(request, template, status, **values)


async def login_form(request: Request, failed: bool = False) -> Response:
    # keep an existing token: a second GET (another tab, a favicon redirect) must not
    # invalidate the form already on screen
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = _render(
        request, "login.html.j2", 401 if failed else 200, login_csrf=token, failed=failed
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=app_context(request).settings.web.secure_cookies,
    )
    return response


async def login_page(request: Request) -> Response:
    return await login_form(request)


async def login_submit(request: Request) -> Response:
    ctx = app_context(request)
    form = await request.form()
    sent, cookie = str(form.get("csrf", "")), request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not sent or not cookie or not hmac.compare_digest(sent, cookie):
        return await login_form(request, failed=True)
    client = request.client.host if request.client else "unknown"
    user = authenticate(ctx, str(form.get("username", "")), str(form.get("password", "")), client)
    if user is None:
        return await login_form(request, failed=True)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        create_session(ctx, user),
        httponly=True,
        samesite="strict",
        secure=ctx.settings.web.secure_cookies,
        max_age=int(ctx.settings.web.session_hours * 3600),
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@page()
async def logout(request: Request) -> Response:
    end_session(app_context(request), request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


def routes() -> list[BaseRoute]:
    return [
        Route("/login", login_page, methods=["GET"]),
        Route("/login", login_submit, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
    ]
