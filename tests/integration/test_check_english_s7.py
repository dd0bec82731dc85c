"""`check` on a project named in English, and on a mail forwarded whole (session 7): real
files, real extraction, the real classifier and process rules."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from recordkeeper.ruleset.load import LoadedRules, load_ruleset
from recordkeeper.samples.builders import make_docx, make_pdf
from recordkeeper.services import check as check_service
from tests.check_support import check_folder

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules")
LEAD = "Hanna Berglund <hanna.berglund@socialstyrelsen.se>"


def _check(folder: Path, rules: LoadedRules = RULES) -> check_service.ProjectCheck:
    return check_folder(folder, rules)


def _plan(folder: Path) -> None:
    make_docx(
        folder / "Project plan.docx",
        title="Projektplan",
        paragraphs=["Sakkunniga i projektgruppen: Tomas Wiklund och Leila Moradi."],
    )


def _mail(sender: str, subject: str, body: str, at: datetime) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = LEAD
    message["Subject"] = subject
    message["Date"] = format_datetime(at)
    message.set_content(body)
    return message


def test_english_document_words_in_file_names_are_no_names(tmp_path: Path) -> None:
    """'Conflict of interest - Tomas Wiklund.pdf', 'Fee agreement Tomas Wiklund signed.pdf':
    the words say what the document is, the name whose it is (no phantom 'Fee Tomas Wiklund')."""
    folder = tmp_path / "OSA new decision support 2026"
    _plan(folder)
    make_pdf(
        folder / "2026-02-16" / "Conflict of interest - Tomas Wiklund.pdf",
        ["Conflict of interest declaration", "Full name: Tomas Wiklund", "Signature: T Wiklund"],
    )
    make_pdf(
        folder / "2026-02-20" / "Fee agreement Tomas Wiklund signed.pdf",
        ["Fee agreement for experts", "The parties: the agency and Tomas Wiklund"],
    )
    people = {p.name: p for p in _check(folder).evaluation.people}
    assert set(people) == {"Tomas Wiklund", "Leila Moradi"}
    tomas = people["Tomas Wiklund"]
    assert tomas.evidence["coi_declaration"] and tomas.evidence["agreement"]
    assert not tomas.missing


def test_a_mail_forwarded_whole_is_from_nobody_in_particular(tmp_path: Path) -> None:
    """Outlook's 'forward as attachment': the original mail, with her declaration and
    agreement, is a message/rfc822 part; the colleague who forwarded it sent nothing in, so
    the attachments are the documents their names say (hers), not the agency's own forms.
    Since session 8 the extraction shows the original below the forward, as an inline
    forward: the mail is from her, and is her declaration too ('Signed documents' in its
    name is no part of her name)."""
    folder = tmp_path / "OSA new decision support 2026"
    _plan(folder)
    inner = _mail(
        "Leila Moradi <leila.moradi@akademiska.se>",
        "Signed documents",
        "Hi Hanna,\nAttached are my declaration and the signed fee agreement.\nLeila",
        datetime(2026, 2, 17, 19, 30, tzinfo=UTC),
    )
    for name in ("COI Leila Moradi.pdf", "Fee agreement signed LM.pdf"):
        content = make_pdf(tmp_path / "tmp" / name, ["Leila Moradi"]).read_bytes()
        inner.add_attachment(content, maintype="application", subtype="octet-stream", filename=name)
    outer = _mail(
        LEAD,
        "FW: Signed documents – Leila Moradi (FMB OSA)",
        "Please register in the OSA case. The original mail is attached.\n/Hanna",
        datetime(2026, 2, 18, 8, 5, tzinfo=UTC),
    )
    outer.add_attachment(inner)
    mail = folder / "2026-02-18" / "FW Signed documents Leila Moradi.eml"
    mail.parent.mkdir(parents=True)
    mail.write_bytes(bytes(outer))
    leila = {p.name: p for p in _check(folder).evaluation.people}["Leila Moradi"]
    path = "2026-02-18/FW Signed documents Leila Moradi.eml"
    assert f"{path}/COI Leila Moradi.pdf" in leila.evidence["coi_declaration"]
    assert set(leila.evidence["coi_declaration"]) <= {path, f"{path}/COI Leila Moradi.pdf"}
    assert leila.evidence["agreement"] == (f"{path}/Fee agreement signed LM.pdf",)


def test_the_agencys_own_mail_with_a_form_is_still_no_declaration(tmp_path: Path) -> None:
    """Not a forward: the agency sent the form out to be filled in (coi.sent_by_agency)."""
    folder = tmp_path / "OSA new decision support 2026"
    _plan(folder)
    message = _mail(
        LEAD,
        "Invitation – project group FMB OSA",
        "Welcome! Please fill in the declaration and return it.",
        datetime(2026, 2, 1, 9, 0, tzinfo=UTC),
    )
    message.add_attachment(
        b"%PDF-1.4", maintype="application", subtype="pdf", filename="COI Leila Moradi.pdf"
    )
    (folder / "Invitation.eml").write_bytes(bytes(message))
    leila = {p.name: p for p in _check(folder).evaluation.people}["Leila Moradi"]
    assert not leila.evidence.get("coi_declaration")
