"""A store error in the registration stage is shown where people look, as it happens.

The registration stage failed on a real store error (its table renamed away, as a
broken migration or a hand-edited database would leave it): the catch-up heals it later,
but until then `recordkeeper status` (text and --json) and the metrics say so, and say
when it is healed. Real files on a temp share, the ingest service, real SQLite and
PostgreSQL, the real command line.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from recordkeeper import logs
from recordkeeper.cli import app
from recordkeeper.config import Settings
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.samples.builders import make_docx
from recordkeeper.services import ingest
from recordkeeper.services.classification import RulesWatch
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import configured_roots, scan_roots
from recordkeeper.services.metrics import metrics_snapshot
from recordkeeper.services.process_status import (
    MIN_INTERVAL_S,
    evaluate_pending,
    mark_all_pending,
    project_status,
)
from recordkeeper.services.registration_catchup import RegistrationCatchUp, judge_unprompted
from recordkeeper.services.registration_queue import open_prompts
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock
from tests.webclient import add_test_users, client_for, sign_in

LOG = io.StringIO()  # the log lines the daemon would write (JSON, as in production)
SIGNER = "Karin Ek"
NAME = "Jävsdeklaration KE.docx"


@pytest.fixture
def ctx(
    db_backend: str, settings: Settings, rules: LoadedRules, clock: FakeClock
) -> Iterator[Context]:
    clock.set(datetime(2025, 4, 10, 8, tzinfo=UTC))
    LOG.seek(0)
    LOG.truncate()
    logs.configure("info", LOG)  # JSON lines, not the console's slow rich tracebacks
    store = Store(settings.database_url)
    store.migrate()
    yield Context(settings=settings, rules=rules, store=store, clock=clock)
    store.close()


@contextmanager
def _table_away(url: str, table: str) -> Iterator[None]:
    """The table renamed away while the block runs: every statement on it fails."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text(f"ALTER TABLE {table} RENAME TO {table}_away"))
        yield
        with engine.begin() as conn:
            conn.execute(text(f"ALTER TABLE {table}_away RENAME TO {table}"))
    finally:
        engine.dispose()


def _cli(tmp_path: Path, settings: Settings, share: Path, *args: str) -> tuple[str, str]:
    config = tmp_path / "rk.toml"
    config.write_text(
        f'database_url = "{settings.database_url}"\n[[roots]]\npath = "{share}"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["--config", str(config), *args])
    # the command pointed the log at the runner's stderr, closed now: back to the test's
    logs.configure("info", LOG)
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


def _status_json(tmp_path: Path, settings: Settings, share: Path) -> dict[str, Any]:
    out, _ = _cli(tmp_path, settings, share, "status", "--json")
    data: dict[str, Any] = json.loads(out)
    return data


def _write_declaration(share: Path) -> None:
    """A signed conflict-of-interest declaration: a final, must-register version."""
    make_docx(
        share / "Ländrygg" / "Jäv" / NAME,
        title="Jävsdeklaration",
        paragraphs=[
            "Deklaration av bindningar och jäv för sakkunnig i projektgrupp.",
            "Jag har inga bindningar.",
            f"Namnförtydligande: {SIGNER}",
        ],
    )


def test_a_registration_store_error_is_counted_in_status_until_the_catch_up_heals_it(
    ctx: Context, settings: Settings, share: Path, tmp_path: Path
) -> None:
    _write_declaration(share)
    before = _status_json(tmp_path, settings, share)
    assert (before["stage_failures"], before["registration_unprompted"]) == ({}, 0)

    with _table_away(settings.database_url, "registry_prompts"):
        scan_roots(ctx, configured_roots(ctx.settings))

    data = _status_json(tmp_path, settings, share)
    failures = data["stage_failures"]
    assert isinstance(failures, dict)
    assert "registration" in failures  # retention reads the prompts too: it failed as well
    seen = failures["registration"]
    assert seen["count"] >= 1
    assert seen["last_at"].startswith("2025-04-10T08:00")
    assert seen["error"] in {"OperationalError", "ProgrammingError", "UndefinedTable"}
    assert data["registration_unprompted"] == 1  # the declaration waits for its prompt
    snapshot = metrics_snapshot(ctx)
    assert snapshot.stage_failures["registration"] == seen["count"]
    assert snapshot.registration_unprompted == 1

    out_sv, err_sv = _cli(tmp_path, settings, share, "status")
    assert "Fel i stegen efter inläsning" in out_sv
    assert "diarieföringsfrågor" in out_sv
    assert "per dag, senaste veckan" in out_sv
    assert "ännu saknar fråga till registrator: 1" in out_sv
    out_en, _ = _cli(tmp_path, settings, share, "--lang", "en", "status")
    assert "Failures in the stages after ingest" in out_en
    assert "registration prompts" in out_en
    for shown in (out_sv, err_sv, out_en, json.dumps(data), LOG.getvalue()):  # no name
        assert SIGNER not in shown
        assert "Jävsdeklaration" not in shown

    assert len(judge_unprompted(ctx)) == 1  # the catch-up, the table back
    assert len(open_prompts(ctx)) == 1
    healed = ingest.status(ctx)
    assert healed.registration_unprompted == 0
    assert healed.stage_failures["registration"]["count"] == seen["count"]  # history kept


def test_a_failure_the_store_cannot_take_is_kept_until_it_can(
    ctx: Context, settings: Settings
) -> None:
    from recordkeeper.services import stage_failures

    with _table_away(settings.database_url, "service_state"):
        stage_failures.note(ctx, "registration", RuntimeError("boom"))
        stage_failures.flush(ctx)  # the store refuses: kept in memory, no exception
    with ctx.store.read() as session:
        assert stage_failures.recorded(session) == {}
    stage_failures.flush(ctx)
    with ctx.store.read() as session:
        recorded = stage_failures.recorded(session)
    assert recorded["registration"]["count"] == 1
    assert recorded["registration"]["error"] == "RuntimeError"
    stage_failures.flush(ctx)  # nothing pending: counted once
    with ctx.store.read() as session:
        assert stage_failures.recorded(session)["registration"]["count"] == 1


def test_a_classification_lost_to_a_store_error_is_made_by_the_next_look_then_prompted(
    ctx: Context, settings: Settings, share: Path
) -> None:
    # found by random store faults around ingest and the daemon's hooks (session 14): the
    # classify stage failing on a store error left the declaration without a class, so the
    # catch-up (which judges classified versions) never prompted it until a restart
    now = [0.0]
    watch = RulesWatch(interval_s=60, monotonic=lambda: now[0])
    catch_up = RegistrationCatchUp(60, lambda: now[0])

    def tick() -> None:  # the daemon's _reclassify_hook
        watch(ctx)
        catch_up(ctx, watch.current)

    tick()  # start: nothing to classify or judge
    _write_declaration(share)
    with _table_away(settings.database_url, "classifications"):
        scan_roots(ctx, configured_roots(ctx.settings))
    assert "classify" in ingest.status(ctx).stage_failures
    now[0] = 30
    tick()
    assert open_prompts(ctx) == []  # the next look is not due yet
    for now[0] in (61, 62):  # the look classifies it, the catch-up's pass then judges it
        tick()
    (prompt,) = open_prompts(ctx)
    assert prompt.doc_class == "coi_declaration"
    assert ingest.status(ctx).registration_unprompted == 0


def _doctor_stages(
    tmp_path: Path, settings: Settings, share: Path, lang: str
) -> list[dict[str, str]]:
    """`recordkeeper doctor --json`'s findings on the stages after ingest."""
    config = tmp_path / "rk.toml"
    config.write_text(
        f'database_url = "{settings.database_url}"\n[[roots]]\npath = "{share}"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["--config", str(config), "--lang", lang, "doctor", "--json"])
    logs.configure("info", LOG)
    checks: list[dict[str, str]] = json.loads(result.stdout)["checks"]
    return [c for c in checks if c["check"] == "stages"]


def test_doctor_warns_of_a_recent_stage_failure_and_a_version_without_its_prompt(
    ctx: Context, settings: Settings, share: Path, tmp_path: Path, clock: FakeClock
) -> None:
    clock.set(datetime.now(UTC) - timedelta(hours=1))  # doctor judges "recent" by the real time
    _write_declaration(share)
    assert [c["code"] for c in _doctor_stages(tmp_path, settings, share, "en")] == ["stages_ok"]

    with _table_away(settings.database_url, "registry_prompts"):
        scan_roots(ctx, configured_roots(ctx.settings))

    found = _doctor_stages(tmp_path, settings, share, "en")
    assert all(c["status"] == "warning" and c["fix"] for c in found)
    failed = [c["message"] for c in found if c["code"] == "stage_failed_recently"]
    # retention reads the prompts too: it failed as well
    assert any(m.startswith("registration prompts: ") for m in failed), failed
    assert all("tried again automatically" in m for m in failed)
    (waiting,) = [c for c in found if c["code"] == "registration_unprompted"]
    assert waiting["message"].endswith("without a prompt to the registrar: 1")
    assert "every 15 minutes" in waiting["fix"]
    swedish = _doctor_stages(tmp_path, settings, share, "sv")
    assert any(c["message"].startswith("diarieföringsfrågor: ") for c in swedish)
    assert any(c["message"].endswith("ännu saknar fråga till registrator: 1") for c in swedish)
    for shown in (json.dumps(found), json.dumps(swedish)):  # no name, no document
        assert SIGNER not in shown
        assert "Jävsdeklaration" not in shown

    judge_unprompted(ctx)  # the catch-up, the table back: the failure stays news for a week
    after = {c["code"] for c in _doctor_stages(tmp_path, settings, share, "en")}
    assert after == {"stage_failed_recently"}


def test_doctor_leaves_a_stage_failure_older_than_a_week_to_status(
    ctx: Context, settings: Settings, share: Path, tmp_path: Path, clock: FakeClock
) -> None:
    clock.set(datetime.now(UTC) - timedelta(days=8))
    _write_declaration(share)
    with _table_away(settings.database_url, "registry_prompts"):
        scan_roots(ctx, configured_roots(ctx.settings))
    judge_unprompted(ctx)

    assert ingest.status(ctx).stage_failures["registration"]["count"] >= 1
    assert [c["code"] for c in _doctor_stages(tmp_path, settings, share, "en")] == ["stages_ok"]


def test_the_idle_time_evaluation_failing_on_a_store_error_is_counted_and_tried_again(
    ctx: Context, settings: Settings, share: Path, tmp_path: Path, clock: FakeClock
) -> None:
    # the daemon's idle-time evaluation (evaluate_pending) used to log its failures
    # only; the pipeline's process stage was counted (session 14, left open)
    _write_declaration(share)
    scan_roots(ctx, configured_roots(ctx.settings))
    first = project_status(ctx, "Ländrygg")
    assert first is not None
    assert "process" not in ingest.status(ctx).stage_failures

    assert mark_all_pending(ctx) == 1  # what DailyRefresh does at start and each day
    clock.advance(seconds=MIN_INTERVAL_S)
    with _table_away(settings.database_url, "process_warnings"):  # the project's write
        assert evaluate_pending(ctx) == 1  # ran and failed: no exception
        assert evaluate_pending(ctx) == 0  # not again on the next tick
    seen = ingest.status(ctx).stage_failures["process"]
    assert seen["count"] == 1
    assert seen["error"] in {"StoreError", "OperationalError", "ProgrammingError", "UndefinedTable"}

    clock.advance(seconds=MIN_INTERVAL_S)
    with _table_away(settings.database_url, "process_status"):  # the look at the pending
        assert evaluate_pending(ctx) == 0
        clock.advance(seconds=1)
        assert evaluate_pending(ctx) == 0  # held for the interval, not every tick
    assert ingest.status(ctx).stage_failures["process"]["count"] == 2
    assert metrics_snapshot(ctx).stage_failures["process"] == 2

    assert evaluate_pending(ctx) == 0  # still held
    clock.advance(seconds=MIN_INTERVAL_S)
    assert evaluate_pending(ctx) == 1  # the store back: the project is evaluated
    again = project_status(ctx, "Ländrygg")
    assert again is not None and again.evaluated_at == clock.now()
    assert evaluate_pending(ctx) == 0
    assert ingest.status(ctx).stage_failures["process"]["count"] == 2

    out_sv, err_sv = _cli(tmp_path, settings, share, "status")
    assert "processteg" in out_sv
    out_en, _ = _cli(tmp_path, settings, share, "--lang", "en", "status")
    assert "process steps" in out_en
    for shown in (out_sv, err_sv, out_en, LOG.getvalue()):
        assert "Ländrygg" not in shown  # the project's folder: a hash in the log
        assert SIGNER not in shown


def test_the_web_shows_the_registrar_and_the_status_page_a_stage_failure_without_names(
    ctx: Context, settings: Settings, share: Path
) -> None:
    # status, the metrics and doctor showed stage failures; the registrar, who misses the
    # prompt, looks at the web (session 14, left open)
    add_test_users(ctx)
    _write_declaration(share)
    with _table_away(settings.database_url, "registry_prompts"):
        scan_roots(ctx, configured_roots(ctx.settings))

    client = client_for(ctx)
    sign_in(client, "reg")
    inbox = client.get("/registrar").text
    assert "1 version som ska diarieföras saknar ännu fråga här" in inbox  # not "1 versioner"
    assert 'href="/status"' in inbox
    page_sv = client.get("/status")
    assert page_sv.status_code == 200
    assert "Driftstatus" in page_sv.text
    assert "diarieföringsfrågor" in page_sv.text
    assert "2025-04-10 08:00 UTC" in page_sv.text
    assert "senaste veckan" in page_sv.text
    assert "ännu saknar fråga till registrator: 1" in page_sv.text
    client.get("/lang/en")
    page_en = client.get("/status").text
    assert "Service status" in page_en
    assert "1 version to be registered has no prompt here yet" in client.get("/registrar").text
    assert "registration prompts" in page_en
    assert "in the last week" in page_en
    for shown in (inbox, page_sv.text, page_en):
        assert SIGNER not in shown
        assert "Jävsdeklaration" not in shown
        assert "Ländrygg" not in shown

    lead = client_for(ctx)
    sign_in(lead, "lead")
    assert lead.get("/status").status_code == 403
    dpo = client_for(ctx)
    sign_in(dpo, "dpo")
    assert "diarieföringsfrågor" in dpo.get("/status").text

    assert len(judge_unprompted(ctx)) == 1  # the catch-up, the table back
    assert "saknar ännu fråga här" not in client.get("/registrar").text
    healed = client.get("/status").text
    assert "registration prompts" in healed  # kept as history
    assert "still without a prompt to the registrar: 0" in healed


def test_the_status_page_shows_the_files_the_last_scans_and_the_failures_per_day(
    ctx: Context, settings: Settings, share: Path, tmp_path: Path, clock: FakeClock
) -> None:
    # session 15 left open: the web's /status had the stage failures only, not the counts
    # of `recordkeeper status`, and the failures had no history but first and last time
    add_test_users(ctx)
    _write_declaration(share)
    (share / "Ländrygg" / "Avtal Karin Ek.docx").write_bytes(b"PK\x03\x04 a cut zip")
    with _table_away(settings.database_url, "registry_prompts"):
        scan_roots(ctx, configured_roots(ctx.settings))  # 2025-04-10
        clock.set(datetime(2025, 4, 12, 23, 30, tzinfo=UTC))
        (share / "Ländrygg" / "Jäv" / NAME).unlink()
        _write_declaration(share)  # a new version, its prompt fails again
        (share / "Ländrygg" / "Jäv" / NAME).write_bytes(
            (share / "Ländrygg" / "Jäv" / NAME).read_bytes() + b"\0"
        )
        scan_roots(ctx, configured_roots(ctx.settings))  # 2025-04-12

    status = ingest.status(ctx)
    days = status.stage_failures["registration"]["days"]
    assert sorted(days) == ["2025-04-10", "2025-04-12"]
    assert sum(days.values()) == status.stage_failures["registration"]["count"]
    assert _status_json(tmp_path, settings, share)["stage_failures"]["registration"]["days"] == days

    client = client_for(ctx)
    sign_in(client, "reg")
    page_sv = client.get("/status").text
    assert "Per dag, senaste veckan" in page_sv
    assert f"2025-04-10: {days['2025-04-10']}" in page_sv
    assert f"2025-04-12: {days['2025-04-12']}" in page_sv
    assert "Filer per tillstånd" in page_sv
    assert '<th scope="row">finns</th><td>2</td>' in page_sv
    assert "Filer och mappar som inte kunde läsas, per orsak" in page_sv
    assert (
        '<th scope="row">filen är ofullständig (avkortad eller skrivs fortfarande)</th><td>1<'
        in page_sv
    )
    assert "Senaste genomsökning" in page_sv and str(share) in page_sv
    assert "2025-04-12 23:30 UTC" in page_sv
    assert "Filer som väntar på att läsas in: okänt (tjänsten körs inte)." in page_sv
    client.get("/lang/en")
    page_en = client.get("/status").text
    assert "By day, last week" in page_en and "Files by state" in page_en
    assert (
        '<th scope="row">the file is incomplete (truncated or still being written)</th><td>1<'
        in page_en
    )
    for shown in (page_sv, page_en):
        assert SIGNER not in shown and "Karin" not in shown and "Avtal" not in shown
        assert "state." not in shown and "unreadable." not in shown

    clock.set(datetime(2025, 4, 20, 9, tzinfo=UTC))  # past the week: the days leave the page
    later = client.get("/status").text
    assert "2025-04-10:" not in later and "2025-04-12:" not in later
