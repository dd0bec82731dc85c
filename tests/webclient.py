"""Helpers to drive the web app in tests: build it on a real store, sign in like a browser."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from recordkeeper.services.context import Context
from recordkeeper.services.users import add_user
from recordkeeper.web.app import create_app

PASSWORD = "correct horse battery"
USERS = {
    "reg": ("registrar", ()),
    "lead": ("project_lead", ("FMB Lumbago",)),
    "dpo": ("dpo", ()),
    "admin": ("admin", ()),
}


def add_test_users(ctx: Context) -> None:
    """The four roles; the hash cost comes from settings (cheap in tests, see conftest)."""
    for user, (role, projects) in USERS.items():
        add_user(ctx, user, role, password=PASSWORD, actor="setup", projects=projects)


def client_for(ctx: Context) -> TestClient:
    return TestClient(create_app(ctx), base_url="https://testserver", follow_redirects=False)


def hidden_csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF field in the page"
    return match.group(1)


def sign_in(client: TestClient, user: str, password: str = PASSWORD) -> str:
    """Sign in; returns the session's CSRF token (read from a page, as a browser would)."""
    page = client.get("/login")
    response = client.post(
        "/login", data={"username": user, "password": password, "csrf": hidden_csrf(page.text)}
    )
    assert response.status_code == 303, response.text
    home = client.get("/", follow_redirects=True)
    return hidden_csrf(home.text)
