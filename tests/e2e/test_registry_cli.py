"""The registry commands through the CLI, on a real SQLite store."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from recordkeeper.cli import app
from recordkeeper.config import load_settings
from recordkeeper.model import Classification, DocumentFacts
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services.context import Context
from recordkeeper.services.registration import judge_version
from recordkeeper.store.tables import AuditEntryRow, DocumentRow
from recordkeeper.store.unit import Store
from tests.conftest import RULES_DIR
from tests.fakes import FakeClock

runner = CliRunner()
SEEN = datetime(2025, 4, 10, 8, tzinfo=UTC)
TEXT = "Jävsdeklaration\nDatum: 2025-04-09\nNamnförtydligande: Karin Ek\nPersonnummer 811218-9876\n"


@pytest.fixture
def config(tmp_path: Path, rules: LoadedRules) -> Path:
    path = tmp_path / "rk.toml"
    path.write_text(
        f'database_url = "sqlite:///{tmp_path / "rk.db"}"\nrules_dir = "{RULES_DIR}"\n'
        f'[[roots]]\npath = "{tmp_path / "share"}"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    store = Store(settings.database_url)
    store.migrate()
    ctx = Context(settings=settings, rules=rules, store=store, clock=FakeClock(SEEN))
    for doc_id, sha in (("doc1", "a" * 64), ("doc2", "b" * 64)):
        with store.transaction() as tx:
            tx.session.add(
                DocumentRow(id=doc_id, root="share", path=f"Ländrygg/{doc_id}.docx",
                            project="Ländrygg", state="present", first_seen_at=SEEN,
                            last_seen_at=SEEN, current_sha256=sha)
            )  # fmt: skip
        facts = DocumentFacts(path=f"Ländrygg/{doc_id}.docx", size=1, sha256=sha, kind="docx",
                              text=TEXT, project="Ländrygg")  # fmt: skip
        judge_version(ctx, doc_id, facts, Classification("coi_declaration", False, True, True, 0.9))
    store.close()
    return path


def _run(config: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--config", str(config), *args])
    return result.exit_code, result.output


def test_list_json_sorted_by_due_date_with_reasons(config: Path) -> None:
    code, out = _run(config, "--lang", "en", "registry", "list", "--json")
    assert code == 0
    prompts = json.loads(out)["prompts"]
    assert [p["document_id"] for p in prompts] == ["doc1", "doc2"]
    first = prompts[0]
    assert (first["record_date"], first["due_on"], first["overdue"]) == (
        "2025-04-09",
        "2025-04-10",
        True,
    )
    assert first["counterpart"] == "Karin Ek"
    assert first["secrecy"] is True
    assert "assess secrecy" in " ".join(r["text"] for r in first["reasons"])


def test_list_marks_overdue_in_swedish_by_default(config: Path) -> None:
    code, out = _run(config, "registry", "list")
    assert code == 0
    assert "FÖRSENAD" in out or "ESKALERAD" in out


def test_register_records_the_named_user(config: Path, tmp_path: Path) -> None:
    code, out = _run(config, "registry", "register", "1", "--dnr", "2.4-12345/2025", "--as", "reg7")
    assert (code, "2.4-12345/2025" in out) == (0, True)
    store = Store(f"sqlite:///{tmp_path / 'rk.db'}")
    with store.read() as session:
        last = json.loads(
            session.scalars(select(AuditEntryRow.leaf).order_by(AuditEntryRow.idx.desc())).first()
        )
    store.close()
    assert (last["event"], last["actor"]) == ("registration_registered", "reg7")


def test_invalid_dnr_exits_2_with_the_pattern(config: Path) -> None:
    code, out = _run(config, "--lang", "en", "registry", "register", "1", "--dnr", "12345")
    assert code == 2
    assert "does not match the pattern" in out


def test_unknown_prompt_exits_2(config: Path) -> None:
    code, _ = _run(config, "registry", "show", "99")
    assert code == 2


def test_dismiss_then_show(config: Path) -> None:
    assert _run(config, "registry", "dismiss", "2", "--reason", "duplicate", "--as", "reg7")[0] == 0
    code, out = _run(config, "--lang", "en", "registry", "show", "2")
    assert code == 0
    assert "not an official document" in out
    assert "Document: doc2 (present)" in out
    code, out = _run(config, "registry", "show", "2")
    assert "Dokument: doc2 (finns)" in out  # it said "(present)" in Swedish too


def test_a_reason_names_the_class_by_its_name_not_its_id(config: Path) -> None:
    """ "dokumentklassen coi_declaration ska diarieföras" said the class's id to the registrar."""
    code, out = _run(config, "registry", "show", "1")
    assert code == 0
    assert "dokumentklassen jävsdeklaration ska diarieföras när den är slutlig" in out
    code, out = _run(config, "--lang", "en", "registry", "list", "--json")
    assert code == 0
    (reason,) = [
        r for r in json.loads(out)["prompts"][0]["reasons"] if r["code"] == "class_must_register"
    ]
    assert (
        reason["text"] == "document class conflict-of-interest declaration is registered when final"
    )


def test_a_secrecy_reason_names_the_cue_not_its_id(config: Path) -> None:
    """The registrar read "sekretess kan gälla (personal_identity_number)": the cue's id."""
    code, out = _run(config, "registry", "show", "1")
    assert code == 0
    assert (
        "innehållet tyder på att sekretess kan gälla (personnummer eller samordningsnummer); "
        "pröva sekretessen" in out
    )
    assert "personal_identity_number" not in out
    code, out = _run(config, "--lang", "en", "registry", "list", "--json")
    assert code == 0
    prompt = json.loads(out)["prompts"][0]
    (reason,) = [r for r in prompt["reasons"] if r["code"] == "secrecy_cue"]
    assert reason["text"] == (
        "the content suggests secrecy may apply "
        "(personal identity number or coordination number); assess secrecy"
    )
    assert prompt["secrecy_cues"] == ["personal_identity_number"]  # ids stay for machines


def test_show_names_the_class_with_its_id_for_reclassify(config: Path) -> None:
    """It said "Dokumentklass: coi_declaration"."""
    code, out = _run(config, "registry", "show", "1")
    assert code == 0
    assert "Dokumentklass: Jävsdeklaration [coi_declaration]\n" in out


def test_export_csv_has_the_osl_columns(config: Path) -> None:
    code, out = _run(config, "registry", "export", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2
    assert rows[0]["record_date"] == "2025-04-09"
    assert rows[0]["direction"] == "received"
    assert rows[0]["counterpart"] == "Karin Ek"
    assert rows[0]["secrecy"] == "ja"  # it said 'True'
    assert rows[1]["secrecy"] == "ja"
    code, out = _run(config, "--lang", "en", "registry", "export", "--format", "csv")
    assert [r["secrecy"] for r in csv.DictReader(io.StringIO(out))] == ["yes", "yes"]


def test_export_csv_says_nej_without_a_secrecy_marker_and_json_stays_typed(
    config: Path, rules: LoadedRules
) -> None:
    store = Store(load_settings(config).database_url)
    ctx = Context(settings=load_settings(config), rules=rules, store=store, clock=FakeClock(SEEN))
    with store.transaction() as tx:
        tx.session.add(
            DocumentRow(id="doc3", root="share", path="Ländrygg/doc3.docx", project="Ländrygg",
                        state="present", first_seen_at=SEEN, last_seen_at=SEEN,
                        current_sha256="c" * 64)
        )  # fmt: skip
    text = "Jävsdeklaration\nDatum: 2025-04-09\n"  # no personnummer: no secrecy marker
    plain = DocumentFacts(path="Ländrygg/doc3.docx", size=1, sha256="c" * 64, kind="docx",
                          text=text, project="Ländrygg")  # fmt: skip
    judge_version(ctx, "doc3", plain, Classification("coi_declaration", False, True, True, 0.9))
    store.close()
    code, out = _run(config, "registry", "export", "--format", "csv")
    assert code == 0
    assert [r["secrecy"] for r in csv.DictReader(io.StringIO(out))] == ["ja", "ja", "nej"]
    code, out = _run(config, "registry", "export", "--format", "json")
    assert [r["secrecy"] for r in json.loads(out)] == [True, True, False]


def test_export_json_of_registered(config: Path) -> None:
    _run(config, "registry", "register", "1", "--dnr", "2.4-12345/2025")
    code, out = _run(config, "registry", "export", "--format", "json", "--status", "registered")
    assert code == 0
    assert [(r["prompt_id"], r["dnr"]) for r in json.loads(out)] == [(1, "2.4-12345/2025")]


def test_reclassify_teaches_the_classifier_and_closes_the_prompt(
    config: Path, tmp_path: Path
) -> None:
    code, out = _run(
        config, "--lang", "en", "registry", "reclassify", "1", "--class", "project_plan"
    )
    assert (code, "reclassified" in out) == (0, True)
    assert "as Project plan, time and activity plan [project_plan]" in out  # said the id only
    store = Store(f"sqlite:///{tmp_path / 'rk.db'}")
    with store.read() as session:
        events = list(session.scalars(select(AuditEntryRow.event).order_by(AuditEntryRow.idx)))
    store.close()
    assert "classification_corrected" in events
    assert events[-1] == "registration_reclassified"


def test_reclassify_to_an_unknown_class_exits_2(config: Path) -> None:
    code, out = _run(config, "--lang", "en", "registry", "reclassify", "1", "--class", "nonsense")
    assert code == 2
    assert "unknown document class" in out


def test_dismiss_teaches_the_classifier_not_official(config: Path, tmp_path: Path) -> None:
    assert (
        _run(config, "registry", "dismiss", "1", "--reason", "working_copy", "--as", "r9")[0] == 0
    )
    store = Store(f"sqlite:///{tmp_path / 'rk.db'}")
    with store.read() as session:
        events = list(session.scalars(select(AuditEntryRow.event).order_by(AuditEntryRow.idx)))
    store.close()
    assert "classification_corrected" in events
    assert events[-1] == "registration_dismissed"


def test_the_sender_sealed_in_the_vault_is_shown_and_exported(
    tmp_path: Path, rules: LoadedRules
) -> None:
    """The daemon seals a sender or recipient in the personal-data vault; the command line
    opened no vault, so `registry list`, `show` and `export` (the records for the e-diarium)
    gave them empty, and so did `recordkeeper web` on its own (the same context)."""
    from recordkeeper.bootstrap import audit_ports

    keys = tmp_path / "keys"
    path = tmp_path / "sealed.toml"
    path.write_text(
        f'database_url = "sqlite:///{tmp_path / "sealed.db"}"\nrules_dir = "{RULES_DIR}"\n'
        f'[[roots]]\npath = "{tmp_path / "share"}"\n'
        f'[audit]\nkey_file = "{keys / "audit.pem"}"\nmaster_key_file = "{keys / "master.key"}"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    store = Store(settings.database_url)
    store.migrate()
    ctx = Context(settings=settings, rules=rules, store=store, clock=FakeClock(SEEN))
    ctx.extras.update(audit_ports(settings, ctx.clock))  # as the daemon runs
    with store.transaction() as tx:
        tx.session.add(
            DocumentRow(id="doc1", root="share", path="Ländrygg/doc1.docx", project="Ländrygg",
                        state="present", first_seen_at=SEEN, last_seen_at=SEEN,
                        current_sha256="a" * 64)
        )  # fmt: skip
    facts = DocumentFacts(path="Ländrygg/doc1.docx", size=1, sha256="a" * 64, kind="docx",
                          text=TEXT, project="Ländrygg")  # fmt: skip
    judge_version(ctx, "doc1", facts, Classification("coi_declaration", False, True, True, 0.9))
    with store.read() as session:
        from recordkeeper.store.tables_registry import RegistryPromptRow

        (ref,) = session.scalars(select(RegistryPromptRow.counterpart_ref)).all()
    store.close()
    assert ref is not None and ref.startswith("vault:")  # sealed, no name in the table

    code, out = _run(path, "registry", "list", "--json")
    assert code == 0 and json.loads(out)["prompts"][0]["counterpart"] == "Karin Ek"
    code, out = _run(path, "registry", "show", "1")
    assert "Avsändare/mottagare: Karin Ek" in out
    code, out = _run(path, "registry", "export", "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["counterpart"] == "Karin Ek"
