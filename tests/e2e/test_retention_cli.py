"""The retention commands through the CLI, on a real SQLite store and temp share."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recordkeeper.cli import app
from recordkeeper.config import load_settings
from recordkeeper.retention import RetentionFacts
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services import retention as svc
from recordkeeper.services.context import Context
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.unit import Store
from tests.conftest import RULES_DIR

runner = CliRunner()


@pytest.fixture
def setup(tmp_path: Path, rules: LoadedRules, monkeypatch: pytest.MonkeyPatch) -> Path:
    share = tmp_path / "share"
    config = tmp_path / "rk.toml"
    config.write_text(
        f'database_url = "sqlite:///{tmp_path / "rk.db"}"\nrules_dir = "{RULES_DIR}"\n'
        f'[[roots]]\npath = "{share}"\n'
        f'[retention]\nsubject_key_file = "{tmp_path / "subject.key"}"\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    store = Store(settings.database_url)
    store.migrate()
    ctx = Context(settings=settings, rules=rules, store=store)
    body = b"enkatsvar"
    (share / "P").mkdir(parents=True)
    (share / "P" / "svar.xlsx").write_bytes(body)
    now = datetime(2024, 1, 1, tzinfo=UTC)
    with store.transaction() as tx:
        tx.session.add(
            DocumentRow(
                id="doc1",
                root=str(share),
                path="P/svar.xlsx",
                project="P",
                state="present",
                first_seen_at=now,
                last_seen_at=now,
                current_sha256=hashlib.sha256(body).hexdigest(),
            )
        )
    svc.store_deadlines(
        ctx,
        [RetentionFacts("doc1", "survey_response", True, "P", project_closed_on=date(2020, 1, 1))],
    )
    store.close()
    monkeypatch.setenv("RECORDKEEPER_CONFIG", str(config))
    return share


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (result.stderr, result.stdout[-3000:])
    return result.stdout


def test_plan_propose_approve_execute(setup: Path) -> None:
    plan = json.loads(_run("retention", "plan", "--json"))
    assert [(p["document_id"], p["due_on"]) for p in plan] == [("doc1", "2022-01-01")]
    assert json.loads(_run("retention", "propose", "--dry-run", "--json"))["dry_run"] is True
    assert json.loads(_run("retention", "proposals", "--json")) == []
    _run("retention", "propose")
    (proposal,) = json.loads(_run("retention", "proposals", "--json"))
    assert proposal["state"] == "awaiting"
    _run("retention", "approve", proposal["id"], "--as", "dpo-anna", "--role", "dpo")
    dry = json.loads(_run("retention", "execute", "--dry-run", "--json"))
    assert dry["quarantined"] == ["doc1"]
    assert (setup / "P" / "svar.xlsx").exists()
    done = json.loads(_run("retention", "execute", "--json"))
    assert done["quarantined"] == ["doc1"]
    assert not (setup / "P" / "svar.xlsx").exists()


def test_a_registrar_cannot_approve_exit_5(setup: Path) -> None:
    _run("retention", "propose")
    (proposal,) = json.loads(_run("retention", "proposals", "--json"))
    result = runner.invoke(app, ["retention", "approve", proposal["id"], "--role", "registrar"])
    assert result.exit_code == 5
    assert "registrar" in result.stderr


def test_hold_on_a_project_blocks_proposals(setup: Path) -> None:
    out = _run("hold", "add", "--project", "P", "--reason", "tillsyn", "--as", "dpo-anna")
    assert "Spärr" in out
    _run("retention", "propose")
    assert json.loads(_run("retention", "proposals", "--json")) == []
    (hold,) = json.loads(_run("hold", "list", "--json"))
    _run("hold", "remove", hold["id"])
    _run("retention", "propose")
    assert len(json.loads(_run("retention", "proposals", "--json"))) == 1


def test_dpo_report_in_three_formats(setup: Path, tmp_path: Path) -> None:
    _run("hold", "add", "--document", "doc1", "--reason", "begäran om utlämnande")
    report = json.loads(_run("dpo", "report", "--format", "json"))
    assert [d["document_id"] for d in report["overdue"]] == ["doc1"]  # due 2022, still here
    assert report["holds"][0]["reason"] == "begäran om utlämnande"
    assert report["processing"]["activities"][0]["id"] == "fmb.experts"
    html_file = tmp_path / "dpo.html"
    _run("dpo", "report", "--format", "html", "--output", str(html_file))
    html = html_file.read_text(encoding="utf-8")
    assert "<h2>Spärrar</h2>" in html
    assert "Registerförteckning (art. 30)" in html
    english = runner.invoke(app, ["--lang", "en", "dpo", "report", "--format", "html"])
    assert "Record of processing (art. 30)" in english.stdout
    csv_text = _run("dpo", "report", "--format", "csv")
    assert csv_text.splitlines()[0].startswith("Handling,Projekt,Klass")
    bad = runner.invoke(app, ["dpo", "report", "--format", "pdf"])
    assert bad.exit_code == 2


def test_privacy_find_answers_in_swedish_and_json(setup: Path) -> None:
    out = _run("privacy", "find", "--subject", "Karin Ek")
    assert out.startswith("Begäran ")
    answer = json.loads(
        _run("privacy", "find", "--subject", "karin@example.se", "--json", "--request", "erasure")
    )
    assert (answer["subject_kind"], answer["documents"]) == ("email", [])
    bad = runner.invoke(app, ["privacy", "find", "--subject", "x", "--request", "forget"])
    assert bad.exit_code == 2


def test_privacy_find_lists_the_documents_that_mention_the_person_as_json(setup: Path) -> None:
    """`privacy find --json` failed ("internt fel": SubjectMatch has slots, no __dict__) as
    soon as one document mentioned the person; only the empty answer was tested."""
    from recordkeeper.samples.builders import make_docx

    make_docx(
        setup / "P" / "Jäv" / "jävsdeklaration.docx",
        title="Jävsdeklaration",
        paragraphs=["Jag saknar bindningar.", "Namnförtydligande: Karin Ek"],
    )
    _run("scan")
    answer = json.loads(_run("privacy", "find", "--subject", "Karin Ek", "--json"))
    (match,) = answer["documents"]
    assert match["project"] == "P" and match["doc_class"] == "coi_declaration"
    assert set(match) == {
        "document_id", "project", "doc_class", "official", "outcome", "rule_id", "due_on"
    }  # fmt: skip
    assert "Karin" not in json.dumps(answer)  # ids and rule ids, never the name


def test_privacy_find_names_the_class_and_counts_one_document_in_the_singular(
    setup: Path,
) -> None:
    """It said "1 handlingar nämner" and the class's id ("coi_declaration"); a wrong
    --request was answered in English only."""
    from recordkeeper.samples.builders import make_docx

    make_docx(
        setup / "P" / "Jäv" / "jävsdeklaration.docx",
        title="Jävsdeklaration",
        paragraphs=["Jag saknar bindningar.", "Namnförtydligande: Karin Ek"],
    )
    _run("scan")
    first, line = _run("privacy", "find", "--subject", "Karin Ek").splitlines()
    assert first.endswith(": 1 handling nämner den registrerade.")
    assert "  P  Jävsdeklaration  allmän handling" in line and "coi_declaration" not in line
    english = runner.invoke(app, ["--lang", "en", "privacy", "find", "--subject", "Karin Ek"])
    assert ": 1 document mentions the data subject." in english.stdout
    assert "  P  Conflict-of-interest declaration  official document" in english.stdout
    bad = runner.invoke(app, ["privacy", "find", "--subject", "x", "--request", "forget"])
    assert "--request ska vara access (tillgång, art. 15) eller erasure" in bad.stderr


def test_the_weeding_plan_names_the_class_and_cuts_nothing_when_piped(setup: Path) -> None:
    """Piped (or in 80 columns) the table showed 'correspond…' and ids for classes."""
    out = _run("retention", "plan")
    row = next(line for line in out.splitlines() if "doc1" in line)
    assert "Enkätsvar, enkätrapport" in row and "…" not in row


def test_a_dry_run_of_propose_says_what_would_be_created(setup: Path) -> None:
    dry = _run("retention", "propose", "--dry-run")
    assert dry.splitlines() == ["1 förslag skulle skapas", "Provkörning: inget har ändrats."]
    english = runner.invoke(app, ["--lang", "en", "retention", "propose", "--dry-run"])
    assert english.stdout.startswith("1 proposals would be created\n")
    assert json.loads(_run("retention", "proposals", "--json")) == []
    assert _run("retention", "propose") == "1 förslag skapade\n"
