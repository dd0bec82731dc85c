"""Who is asking, and may they: sessions, roles, CSRF, security headers.

Every route is wrapped by `page()` (or declared public in PUBLIC_PATHS). A
request without a valid session is sent to sign-in (GET) or refused (other
methods); a role outside the route's roles gets 403; a state-changing request
without the session's CSRF token gets 403. tests/e2e/test_web_security.py
walks the route table, so a new route cannot be forgotten.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from recordkeeper.i18n import t
from recordkeeper.services.context import Context
from recordkeeper.services.users import SessionInfo, User, get_user, session_for

SESSION_COOKIE = "rk_session"
LOGIN_CSRF_COOKIE = "rk_login_csrf"
PUBLIC_PATHS = ("/login", "/static")
ALL_ROLES = ("registrar", "project_lead", "dpo", "admin")

Handler = Callable[[Request], Awaitable[Response]]


def app_context(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


def current_session(request: Request) -> SessionInfo | None:
    """The signed-in session from the cookie, or from a trusted single-sign-on proxy."""
    ctx = app_context(request)
    web = ctx.settings.web
    client = request.client.host if request.client else ""
    if web.trusted_user_header and client in web.trusted_proxies:
        user_id = request.headers.get(web.trusted_user_header)
        user = get_user(ctx, user_id) if user_id else None
        if user is not None:
            # the proxy authenticates every request; CSRF is bound to the user instead
            return SessionInfo(user, _proxy_csrf(ctx, user))
    return session_for(ctx, request.cookies.get(SESSION_COOKIE))


def _proxy_csrf(ctx: Context, user: User) -> str:
    secret: bytes = ctx.extras.setdefault("web_csrf_secret", __import__("secrets").token_bytes(32))
    return hmac.new(secret, user.id.encode(), "sha256").hexdigest()


def page(*roles: str, csrf: bool | None = None) -> Callable[[Handler], Handler]:
    """Require a session with one of `roles` (none = any role); CSRF on unsafe methods."""
    allowed = roles or ALL_ROLES

    def decorate(handler: Handler) -> Handler:
        @wraps(handler)
        async def wrapper(request: Request) -> Response:
            info = current_session(request)
            if info is None:
                if request.method == "GET":
                    return RedirectResponse("/login", status_code=303)
                return PlainTextResponse("sign-in required", status_code=401)
            request.state.session = info  # the refusal pages below show who is signed in
            if info.user.role not in allowed and info.user.role != "admin":
                return _forbidden(request, allowed)
            needs_csrf = csrf if csrf is not None else request.method not in ("GET", "HEAD")
            if needs_csrf:
                form = await request.form()
                sent = str(form.get("csrf", "")) or request.headers.get("x-csrf-token", "")
                if not sent or not hmac.compare_digest(sent, info.csrf_token):
                    return _refused(request, "csrf_refused.html.j2")
            return await handler(request)

        wrapper.__rk_protected__ = True  # type: ignore[attr-defined]
        return wrapper

    return decorate


def _refused(request: Request, template: str, **values: Any) -> Response:
    """A 403 page in the user's language, with the menu, like every other page."""
    render = request.app.state.render
    response: Response = render(request, template, 403, **values)
    return response


def _forbidden(request: Request, allowed: tuple[str, ...]) -> Response:
    """Says which roles the page is for and which role the user has (it said "forbidden")."""
    from recordkeeper.web.app import request_lang  # app assembles this module's pages

    lang = request_lang(request)
    names = [t(f"web.role.{role}", lang) for role in allowed if role != "admin"]
    names = names or [t("web.role.admin", lang)]
    roles = (
        names[0]
        if len(names) == 1
        else (f"{', '.join(names[:-1])} {t('web.forbidden.or', lang)} {names[-1]}")
    )
    return _refused(request, "forbidden.html.j2", roles=roles)


def session_of(request: Request) -> SessionInfo:
    info: SessionInfo = request.state.session
    return info


async def security_headers(request: Request, call_next: Any) -> Response:
    response: Response = await call_next(request)
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cache-Control"] = "no-store"
    return response
