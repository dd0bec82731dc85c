"""The web app in a real browser: sign-in, acting on a page, accessibility of every page."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from recordkeeper.config import load_settings
from recordkeeper.retention import RetentionFacts
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services import retention, stage_failures
from recordkeeper.services.context import Context
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.unit import Store
from tests.browser import CHROMIUM, CHROMIUM_ARGS, axe_violations, serve
from tests.conftest import RULES_DIR, require_service
from tests.fakes import FakeClock
from tests.webclient import PASSWORD, add_test_users, seed_prompt

pytestmark = pytest.mark.browser


@pytest.fixture
def browser() -> Iterator[object]:
    require_service(CHROMIUM is not None, "Chromium: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def ctx(tmp_path: Path, rules: LoadedRules, share: Path) -> Iterator[Context]:
    # one backend is enough in the browser; the store suite covers PostgreSQL
    settings = load_settings(
        None,
        {
            "database_url": f"sqlite:///{tmp_path / 'web.db'}",
            "rules_dir": str(RULES_DIR),
            "roots": [{"path": str(share)}],
            "web": {"password_time_cost": 1, "password_memory_kib": 1024},
        },
    )
    store = Store(settings.database_url)
    store.migrate()
    context = Context(
        settings=settings,
        rules=rules,
        store=store,
        clock=FakeClock(datetime(2024, 6, 3, 9, 0, tzinfo=UTC)),
    )
    add_test_users(context)
    yield context
    store.close()


def _page(browser: object) -> object:
    # axe-core is injected as an inline script, which our CSP rightly refuses
    return browser.new_context(bypass_csp=True).new_page()  # type: ignore[attr-defined]


def _sign_in(page: object, base: str, user: str) -> None:
    page.goto(f"{base}/login")  # type: ignore[attr-defined]
    page.get_by_label("Användarnamn").fill(user)  # type: ignore[attr-defined]
    page.get_by_label("Lösenord").fill(PASSWORD)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Logga in").click()  # type: ignore[attr-defined]
    page.wait_for_url(lambda url: not url.endswith("/login"))  # type: ignore[attr-defined]


def _weeding_proposal(ctx: Context, share: Path) -> str:
    body = b"enkatsvar"
    path = share / "FMB Lumbago" / "svar.xlsx"
    path.parent.mkdir(parents=True)
    path.write_bytes(body)
    now = ctx.clock.now()
    with ctx.store.transaction() as tx:
        tx.session.add(
            DocumentRow(
                id="doc1",
                root=str(share),
                path="FMB Lumbago/svar.xlsx",
                project="FMB Lumbago",
                state="present",
                first_seen_at=now,
                last_seen_at=now,
                current_sha256=hashlib.sha256(body).hexdigest(),
            )
        )
    retention.store_deadlines(
        ctx,
        [
            RetentionFacts(
                "doc1",
                "survey_response",
                True,
                "FMB Lumbago",
                personal_data=True,
                project_closed_on=date(2021, 1, 1),
            )
        ],
    )
    (proposal,) = retention.make_proposals(ctx, ctx.clock.now().date())
    return proposal.id


def test_a_dpo_approves_a_weeding_proposal(browser: object, ctx: Context, share: Path) -> None:
    proposal_id = _weeding_proposal(ctx, share)
    with serve(ctx) as base:
        page = _page(browser)
        _sign_in(page, base, "dpo")
        assert page.url.endswith("/dpo")
        assert axe_violations(page) == []
        page.get_by_role("button", name=f"Godkänn {proposal_id}").click()
        page.wait_for_url("**/dpo?msg=done")
        assert page.get_by_role("status").inner_text() == "Klart."
        assert [p.id for p in retention.open_proposals(ctx, "approved")] == [proposal_id]


def test_sign_in_page_and_document_page_are_accessible(
    browser: object, ctx: Context, share: Path
) -> None:
    _weeding_proposal(ctx, share)
    with serve(ctx) as base:
        page = _page(browser)
        page.goto(f"{base}/login")
        assert axe_violations(page) == []
        _sign_in(page, base, "admin")
        page.goto(f"{base}/documents/doc1")
        assert page.get_by_role("heading", level=1).inner_text() == "Handling doc1"
        assert axe_violations(page) == []
        stage_failures.note(ctx, "registration", RuntimeError("a store error"))
        stage_failures.flush(ctx)
        page.goto(f"{base}/status")
        assert page.get_by_role("heading", level=1).inner_text() == "Driftstatus"
        assert "diarieföringsfrågor" in page.locator("table").first.inner_text()
        assert axe_violations(page) == []


def test_the_page_refusing_a_role_is_accessible(browser: object, ctx: Context) -> None:
    with serve(ctx) as base:
        page = _page(browser)
        _sign_in(page, base, "reg")
        response = page.goto(f"{base}/dpo")  # type: ignore[attr-defined]
        assert response.status == 403
        heading = page.get_by_role("heading", level=1).inner_text()  # type: ignore[attr-defined]
        assert heading == "Du har inte behörighet till den här sidan"
        assert axe_violations(page) == []


def test_a_registrar_registers_a_prompted_document(browser: object, ctx: Context) -> None:
    from recordkeeper.services.registration_queue import open_prompts

    prompt_id = seed_prompt(ctx)
    with serve(ctx) as base:
        page = _page(browser)
        _sign_in(page, base, "reg")
        assert page.url.endswith("/registrar")  # type: ignore[attr-defined]
        assert axe_violations(page) == []
        page.get_by_label("Diarienummer").fill("2.4-12345/2025")  # type: ignore[attr-defined]
        page.get_by_role("button", name="Diarieför").click()  # type: ignore[attr-defined]
        page.wait_for_url("**/registrar?msg=done")  # type: ignore[attr-defined]
        assert page.locator(f"#p{prompt_id}-title").count() == 0  # type: ignore[attr-defined]
    assert open_prompts(ctx) == []


def test_a_project_lead_sees_a_missing_declaration_disappear(
    browser: object, ctx: Context, share: Path
) -> None:
    from tests.webclient import PROJECT, declare, make_project_missing_a_declaration, scan

    folder = make_project_missing_a_declaration(share)
    scan(ctx)
    with serve(ctx) as base:
        page = _page(browser)
        _sign_in(page, base, "lead")
        assert page.url.endswith("/projects")  # type: ignore[attr-defined]
        assert axe_violations(page) == []
        page.get_by_role("link", name=PROJECT).click()  # type: ignore[attr-defined]
        lars = page.locator("#people + table").get_by_role("row", name="Lars Berg")  # type: ignore[attr-defined]
        assert "saknas" in lars.inner_text()
        assert axe_violations(page) == []
        declare(folder, "Lars Berg")  # the file is dropped into the share
        scan(ctx)
        page.reload()  # type: ignore[attr-defined]
        assert (
            "saknas"
            not in page.locator("#people + table").get_by_role("row", name="Lars Berg").inner_text()
        )  # type: ignore[attr-defined]
