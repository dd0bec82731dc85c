"""Web security: every route needs a session, roles are enforced, CSRF is required."""

from __future__ import annotations

import re

import pytest
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from recordkeeper.config import Settings
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services.context import Context
from recordkeeper.store.unit import Store
from recordkeeper.web.app import create_app
from recordkeeper.web.security import PUBLIC_PATHS
from tests.fakes import FakeClock
from tests.webclient import PASSWORD, add_test_users, client_for, hidden_csrf, sign_in


@pytest.fixture
def ctx(settings: Settings, rules: LoadedRules, store: Store, clock: FakeClock) -> Context:
    context = Context(settings=settings, rules=rules, store=store, clock=clock)
    add_test_users(context)
    return context


def _routes(ctx: Context) -> list[tuple[str, str]]:
    app = create_app(ctx)
    out = []
    for route in app.routes:
        if isinstance(route, Mount):
            continue
        assert isinstance(route, Route)
        path = re.sub(r"\{[^}]+\}", "1", route.path)  # "1" fits str and int params
        out.extend(
            (method, path) for method in sorted(route.methods or {"GET"}) if method != "HEAD"
        )
    return out


def test_every_route_but_sign_in_refuses_a_request_without_session(ctx: Context) -> None:
    client = client_for(ctx)
    checked = 0
    for method, path in _routes(ctx):
        if path.startswith(PUBLIC_PATHS):
            continue
        response = client.request(method, path)
        checked += 1
        if method == "GET":
            assert (response.status_code, response.headers["location"]) == (303, "/login"), path
        else:
            assert response.status_code == 401, (method, path)
    assert checked >= 6


def test_every_non_public_endpoint_is_wrapped_by_the_access_check(ctx: Context) -> None:
    for route in create_app(ctx).routes:
        if isinstance(route, Route) and not route.path.startswith(PUBLIC_PATHS):
            assert getattr(route.endpoint, "__rk_protected__", False), route.path


def test_static_files_need_no_session(ctx: Context) -> None:
    assert client_for(ctx).get("/static/app.css").status_code == 200


@pytest.mark.parametrize(("user", "path"), [("reg", "/dpo"), ("lead", "/dpo")])
def test_other_roles_cannot_open_the_dpo_dashboard(ctx: Context, user: str, path: str) -> None:
    client = client_for(ctx)
    sign_in(client, user)
    assert client.get(path).status_code == 403


def test_a_refused_role_gets_a_page_saying_whom_it_is_for(ctx: Context) -> None:
    """A registrar opening the DPO's page read a bare "forbidden"."""
    client = client_for(ctx)
    sign_in(client, "reg")
    response = client.get("/dpo")
    assert response.status_code == 403
    assert "<h1>Du har inte behörighet till den här sidan</h1>" in response.text
    assert (
        "Sidan är till för dataskyddsombud. Du är inloggad som reg med rollen registrator."
        in response.text
    )
    assert 'href="/registrar"' in response.text  # the menu, as on every page
    client.cookies.set("rk_lang", "en")
    response = client.get("/dpo")
    assert "<h1>You do not have access to this page</h1>" in response.text
    assert (
        "This page is for data protection officer. "
        "You are signed in as reg with the role registrar." in response.text
    )


def test_a_page_for_several_roles_names_them_all(ctx: Context) -> None:
    client = client_for(ctx)
    sign_in(client, "lead")
    response = client.get("/status")
    assert response.status_code == 403
    assert "Sidan är till för registrator eller dataskyddsombud." in response.text


def test_an_unknown_address_gets_a_titled_page_with_a_way_back(ctx: Context) -> None:
    """It was titled "recordkeeper – recordkeeper" and said only "Hittades inte."."""
    client = client_for(ctx)
    sign_in(client, "lead")
    response = client.get("/projects/Inget sådant projekt")
    assert response.status_code == 404
    assert "<title>Sidan finns inte – recordkeeper</title>" in response.text
    assert '<a href="/">Till din startsida</a>' in response.text


def test_a_refused_form_says_nothing_changed_and_what_to_do(ctx: Context) -> None:
    """A form sent without its token (an old page, a new sign-in) read "invalid CSRF token"."""
    client = client_for(ctx)
    sign_in(client, "dpo")
    form = {"kind": "project", "target": "FMB Lumbago", "reason": "tillsyn"}
    response = client.post("/dpo/holds", data=form)
    assert response.status_code == 403
    assert "<h1>Formuläret kunde inte skickas</h1>" in response.text
    assert "Ingenting har ändrats. Gå tillbaka, ladda om sidan och försök igen." in response.text


def test_a_state_change_without_or_with_a_wrong_csrf_token_is_refused(ctx: Context) -> None:
    client = client_for(ctx)
    token = sign_in(client, "dpo")
    form = {"kind": "project", "target": "FMB Lumbago", "reason": "tillsyn"}
    assert client.post("/dpo/holds", data=form).status_code == 403
    assert client.post("/dpo/holds", data={**form, "csrf": "wrong"}).status_code == 403
    assert client.post("/dpo/holds", data={**form, "csrf": token}).status_code == 303


def test_session_cookie_is_http_only_secure_and_same_site(ctx: Context) -> None:
    client = client_for(ctx)
    page = client.get("/login")
    response = client.post(
        "/login", data={"username": "reg", "password": PASSWORD, "csrf": hidden_csrf(page.text)}
    )
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("rk_session="))
    assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=strict" in cookie


def test_sign_in_without_the_form_token_is_refused(ctx: Context) -> None:
    client = client_for(ctx)
    response = client.post("/login", data={"username": "reg", "password": PASSWORD})
    assert response.status_code == 401
    assert "rk_session" not in response.cookies


def test_repeated_failures_lock_sign_in_for_the_window(ctx: Context, clock: FakeClock) -> None:
    client = client_for(ctx)
    for _ in range(ctx.settings.web.login_attempts_per_window):
        page = client.get("/login")
        client.post(
            "/login",
            data={"username": "reg", "password": "wrong password!", "csrf": hidden_csrf(page.text)},
        )
    page = client.get("/login")
    locked = client.post(
        "/login", data={"username": "reg", "password": PASSWORD, "csrf": hidden_csrf(page.text)}
    )
    assert locked.status_code == 401
    clock.advance(minutes=ctx.settings.web.login_window_minutes + 1)
    assert sign_in(client, "reg")


def test_sign_out_ends_the_session(ctx: Context) -> None:
    client = client_for(ctx)
    token = sign_in(client, "dpo")
    assert client.get("/dpo").status_code == 200
    client.post("/logout", data={"csrf": token})
    assert client.get("/dpo").status_code == 303


def test_trusted_proxy_header_is_ignored_from_other_addresses(
    ctx: Context, tmp_path, rules: LoadedRules, store: Store, clock: FakeClock
) -> None:
    client = client_for(ctx)
    assert client.get("/dpo", headers={"X-Remote-User": "dpo"}).status_code == 303
    proxied = Context(
        settings=ctx.settings.model_copy(
            update={
                "web": ctx.settings.web.model_copy(
                    update={
                        "trusted_user_header": "X-Remote-User",
                        "trusted_proxies": ("testclient",),
                    }
                )
            }
        ),
        rules=rules,
        store=store,
        clock=clock,
    )
    proxied_client = TestClient(create_app(proxied), base_url="https://testserver")
    assert proxied_client.get("/dpo", headers={"X-Remote-User": "dpo"}).status_code == 200
    assert proxied_client.get("/dpo", headers={"X-Remote-User": "reg"}).status_code == 403
