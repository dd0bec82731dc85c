"""Web pages through Starlette's TestClient on a real store: registrar inbox and document page."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from recordkeeper.config import Settings
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.samples.builders import make_docx
from recordkeeper.services.context import Context
from recordkeeper.services.registration_queue import open_prompts
from recordkeeper.services.users import add_user
from recordkeeper.store.tables import AuditEntryRow, DocumentRow
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock
from tests.webclient import (
    PASSWORD,
    PROJECT,
    add_test_users,
    client_for,
    declare,
    make_project_missing_a_declaration,
    scan,
    seed_prompt,
    sign_in,
)

T0 = datetime(2025, 4, 10, 8, 0, tzinfo=UTC)


@pytest.fixture
def ctx(settings: Settings, rules: LoadedRules, store: Store, clock: FakeClock) -> Context:
    clock.set(T0)
    context = Context(settings=settings, rules=rules, store=store, clock=clock)
    add_test_users(context)
    return context


def test_the_registrar_sees_the_prompt_and_registers_it(ctx: Context) -> None:
    prompt_id = seed_prompt(ctx)
    client = client_for(ctx)
    csrf = sign_in(client, "reg")
    inbox = client.get("/registrar")
    assert inbox.status_code == 200
    assert f'action="/registrar/prompts/{prompt_id}/register"' in inbox.text
    assert "dokumentklassen jävsdeklaration ska diarieföras" in inbox.text  # not the id
    bad = client.post(
        f"/registrar/prompts/{prompt_id}/register", data={"csrf": csrf, "dnr": "not a number"}
    )
    assert "msg=" in bad.headers["location"] and "done" not in bad.headers["location"]
    assert open_prompts(ctx)
    done = client.post(
        f"/registrar/prompts/{prompt_id}/register", data={"csrf": csrf, "dnr": "2.4-12345/2025"}
    )
    assert done.headers["location"] == "/registrar?msg=done"
    assert open_prompts(ctx) == []
    with ctx.store.read() as session:
        leaves = [json.loads(x) for x in session.scalars(select(AuditEntryRow.leaf))]
    assert any(e["event"] == "registration_registered" and e["actor"] == "reg" for e in leaves)


def _notice(html: str) -> str:
    start = html.index('<p class="notice" role="status">') + len('<p class="notice" role="status">')
    return html[start : html.index("</p>", start)]


def test_the_registrars_answers_that_fail_say_why_in_words_for_the_web(
    ctx: Context, share: Path
) -> None:
    """An answer that fails redirects with its error's code; the inbox said the command
    line's message with its placeholders unfilled ("diarienumret '{dnr}' ..."), "ange ett
    skäl med --reason", or the bare code ("usage")."""
    make_project_missing_a_declaration(share)
    scan(ctx)
    prompt_id = seed_prompt(ctx)
    client = client_for(ctx)
    csrf = sign_in(client, "reg")
    answers = [
        ("register", {"dnr": "not a number"}, "Diarienumret följer inte mönstret"),
        ("dismiss", {"reason": ""}, "Ange ett skäl"),
        ("reclassify", {"doc_class": "no_such_class"}, "Okänd dokumentklass"),
    ]
    for action, form, expected in answers:
        answer = client.post(
            f"/registrar/prompts/{prompt_id}/{action}", data={"csrf": csrf, **form}
        )
        text = _notice(client.get(answer.headers["location"]).text)
        assert expected in text, (action, text)
        assert "{" not in text and "--" not in text and "registry." not in text
    gone = client.post(
        f"/registrar/prompts/{prompt_id + 1000}/register", data={"csrf": csrf, "dnr": "2.4-1/2025"}
    )
    assert _notice(client.get(gone.headers["location"]).text) == (
        "Förslaget eller larmet finns inte längre."
    )
    client.post(
        f"/registrar/prompts/{prompt_id}/register", data={"csrf": csrf, "dnr": "2.4-1/2025"}
    )
    again = client.post(
        f"/registrar/prompts/{prompt_id}/register", data={"csrf": csrf, "dnr": "2.4-2/2025"}
    )
    assert "redan besvarat" in _notice(client.get(again.headers["location"]).text)
    client.get("/lang/en", headers={"referer": "/registrar"})
    english = _notice(client.get(again.headers["location"]).text)
    assert english == "The prompt is already answered (perhaps by someone else)."
    for page in ("/registrar", f"/projects/{PROJECT}"):
        odd = client.get(page + "?msg=%3Cb%3Eusage%3C/b%3E")
        assert _notice(odd.text) == "That did not work; try again.", page


def test_the_export_is_csv_with_the_osl_columns(ctx: Context) -> None:
    seed_prompt(ctx)
    client = client_for(ctx)
    sign_in(client, "reg")
    response = client.get("/registrar/export.csv")
    assert response.headers["content-type"].startswith("text/csv")
    header = response.text.splitlines()[0].split(",")
    assert {"record_date", "dnr", "counterpart", "description", "secrecy"} <= set(header)


def test_a_project_lead_sees_only_documents_of_own_projects(ctx: Context) -> None:
    seed_prompt(ctx, "d1")
    with ctx.store.transaction() as tx:
        tx.session.add(
            DocumentRow(
                id="x1",
                root="share",
                path="Other/x.docx",
                project="Other",
                state="present",
                first_seen_at=T0,
                last_seen_at=T0,
            )
        )
    client = client_for(ctx)
    sign_in(client, "lead")
    assert client.get("/documents/d1").status_code == 200
    assert client.get("/documents/x1").status_code == 404
    assert client.get("/registrar").status_code == 403


def test_the_project_lead_sees_the_board_and_the_missing_declaration(
    ctx: Context, share: Path
) -> None:
    folder = make_project_missing_a_declaration(share)
    scan(ctx)
    client = client_for(ctx)
    csrf = sign_in(client, "lead")
    board = client.get("/projects")
    assert board.status_code == 200 and PROJECT in board.text
    page = client.get(f"/projects/{PROJECT}")
    assert "Lars Berg" in page.text
    # the variant and the roles by the rule file's names ("Variant: new", "expert" before)
    assert "Variant: Nytt beslutsstöd" in page.text
    assert "<td>Sakkunnig i projektgrupp</td>" in page.text
    assert page.text.count("overdue-mark") >= 1
    declare(folder, "Lars Berg")
    scan(ctx)
    after = client.get(f"/projects/{PROJECT}")
    assert after.text.count("overdue-mark") < page.text.count("overdue-mark")
    vips = client.post(f"/projects/{PROJECT}/steps/vips/confirm", data={"csrf": csrf})
    assert vips.headers["location"].endswith("msg=done")


def test_a_project_lead_cannot_open_another_leads_project(ctx: Context, share: Path) -> None:
    make_project_missing_a_declaration(share)
    scan(ctx)
    client = client_for(ctx)
    sign_in(client, "reg")  # registrars see every project
    assert client.get(f"/projects/{PROJECT}").status_code == 200
    other = client_for(ctx)
    add_user(ctx, "lead2", "project_lead", password=PASSWORD, actor="t", projects=("Other",))
    sign_in(other, "lead2")
    assert client.get("/projects").status_code == 200
    assert other.get(f"/projects/{PROJECT}").status_code == 404
    assert PROJECT not in other.get("/projects").text


def test_project_warnings_read_as_sentences_and_reach_the_lead_digest(
    ctx: Context, share: Path
) -> None:
    from datetime import timedelta

    from recordkeeper.services.digest_sources import StoreDigestSources

    make_project_missing_a_declaration(share)
    scan(ctx)
    client = client_for(ctx)
    sign_in(client, "lead")
    page = client.get(f"/projects/{PROJECT}").text
    assert "jävsdeklaration saknas för 1 person(er)" in page
    assert "process.warn" not in page and "{person}" not in page
    since = ctx.clock.now() - timedelta(days=1)
    digest = StoreDigestSources().project_lead(ctx, since, ctx.clock.now())
    (project,) = digest.projects
    assert project.project == PROJECT
    assert any("1 person(er)" in line.text for line in project.new)


def test_the_dpo_sees_personal_data_by_the_class_name(ctx: Context, share: Path) -> None:
    """The table of personal data per project and class said "coi_declaration"."""
    make_project_missing_a_declaration(share)
    scan(ctx)
    client = client_for(ctx)
    sign_in(client, "dpo")
    page = client.get("/dpo").text
    table = page[page.index('id="personal-data"') :]
    assert "<td>Jävsdeklaration</td>" in table and "coi_declaration" not in table
    client.cookies.set("rk_lang", "en")
    english = client.get("/dpo").text
    assert "<td>Conflict-of-interest declaration</td>" in english


def test_the_dpo_sees_when_a_deadline_waits_for_the_project_to_close(
    ctx: Context, share: Path
) -> None:
    """A draft agreement is weeded after the project closes; the table said 'bevaras'."""
    folder = make_project_missing_a_declaration(share)
    make_docx(
        folder / "02 Projektgrupp" / "Avtal om ersättning Lars Berg UTKAST.docx",
        title="Avtal om ersättning UTKAST",
        paragraphs=["UTKAST", "Uppdragstagare: Lars Berg", "Uppdraget: sakkunnig."],
    )
    scan(ctx)
    client = client_for(ctx)
    sign_in(client, "dpo")
    page = client.get("/dpo").text
    table = page[page.index('id="personal-data"') : page.index('id="overdue"')]
    row = table[table.index("<td>Avtal (om ersättning, uppdrag)</td>") :].split("</tr>")[0]
    assert "<td>fristen börjar när projektet avslutas; övriga bevaras</td>" in row, row
    client.cookies.set("rk_lang", "en")
    english = client.get("/dpo").text
    assert "the deadline starts when the project closes; the others are kept" in english


def test_the_dpo_sees_the_signed_head_and_verifies_the_log(ctx: Context) -> None:
    from recordkeeper.bootstrap import audit_ports
    from recordkeeper.services.audit import make_tree_head

    ctx.extras.update(audit_ports(ctx.settings, ctx.clock))
    seed_prompt(ctx)
    head = make_tree_head(ctx)
    assert head is not None
    client = client_for(ctx)
    csrf = sign_in(client, "dpo")
    page = client.get("/dpo").text
    assert head.root_hash.hex() in page
    response = client.post("/dpo/audit/verify", data={"csrf": csrf})
    assert response.headers["location"] == "/dpo?msg=audit_ok#audit"
    assert "Revisionsloggen är oförändrad" in client.get("/dpo?msg=audit_ok").text
