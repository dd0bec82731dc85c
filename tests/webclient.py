"""Helpers to drive the web app in tests: build it on a real store, sign in like a browser."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.testclient import TestClient

from recordkeeper.model import Classification, DocumentFacts
from recordkeeper.samples.builders import make_docx
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import RootIngestor, configured_roots
from recordkeeper.services.registration import judge_version
from recordkeeper.services.registration_queue import open_prompts
from recordkeeper.services.users import add_user
from recordkeeper.store.tables import DocumentRow
from recordkeeper.web.app import create_app

PASSWORD = "correct horse battery"
USERS = {
    "reg": ("registrar", ()),
    "lead": ("project_lead", ("FMB Lumbago", "FMB Ländryggssmärta nytt beslutsstöd")),
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


DECLARATION = "Jävsdeklaration\nJag har inga bindningar.\nOrt och datum: Uppsala 2025-04-09\n"


def seed_prompt(ctx: Context, doc_id: str = "d1") -> int:
    """A registration prompt for a received declaration, as the pipeline would make it."""
    sha = doc_id[0] * 64
    with ctx.store.transaction() as tx:
        tx.session.add(
            DocumentRow(
                id=doc_id,
                root="share",
                path=f"FMB Lumbago/{doc_id}.docx",
                project="FMB Lumbago",
                state="present",
                first_seen_at=ctx.clock.now(),
                last_seen_at=ctx.clock.now(),
                current_sha256=sha,
            )
        )
    facts = DocumentFacts(
        path=f"FMB Lumbago/{doc_id}.docx",
        size=1,
        sha256=sha,
        kind="docx",
        text=DECLARATION,
        project="FMB Lumbago",
    )
    judge_version(ctx, doc_id, facts, Classification("coi_declaration", False, True, True, 0.9))
    (view,) = [v for v in open_prompts(ctx) if v.document_id == doc_id]
    return view.id


PROJECT = "FMB Ländryggssmärta nytt beslutsstöd"


def make_project_missing_a_declaration(share: Path) -> Path:
    """Two experts with agreements; only Karin Ek has declared. Returns the project folder."""
    folder = share / PROJECT
    make_docx(
        folder / "01 Plan" / "Projektplan.docx",
        title="Projektplan",
        paragraphs=[
            "Uppdraget är att ta fram ett nytt försäkringsmedicinskt beslutsstöd.",
            "Projektledare: Anna Berg",
            "Sakkunniga i projektgruppen: Karin Ek, Lars Berg.",
        ],
    )
    for name in ("Karin Ek", "Lars Berg"):
        make_docx(
            folder / "02 Projektgrupp" / f"Avtal om ersättning {name}.docx",
            title="Avtal om ersättning",
            paragraphs=[f"Uppdragstagare: {name}", "Uppdraget: sakkunnig i projektgruppen."],
        )
    declare(folder, "Karin Ek")
    return folder


def declare(folder: Path, name: str) -> Path:
    return make_docx(
        folder / "02 Projektgrupp" / f"Jävsdeklaration {name}.docx",
        title="Jävsdeklaration",
        paragraphs=[f"Namn: {name}", "Inga bindningar."],
    )


def scan(ctx: Context) -> None:
    RootIngestor(ctx, configured_roots(ctx.settings)[0]).scan()
