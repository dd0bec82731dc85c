"""Habits of the session-17 holdout that the rules missed (bench/holdout/session17.py):
the instruction's support material saved into a project; a reminder about declarations;
a region's "Tjänsteskrivelse"; a Nordic declaration named "erklaering" or carried in a
Norwegian mail's body; minutes recording what a named member said. And in the check: a
blank form credited nobody; names with ø and æ spelled in ASCII; a one-word hospital
after a name. Real files, real extraction, the shipped rules, the folder pass of
`classify --json` (run on the folder "P")."""

from __future__ import annotations

from pathlib import Path

from recordkeeper.model import Classification
from recordkeeper.process.names import parse_name, same_person
from recordkeeper.process.people import looks_like_name
from recordkeeper.process.text import fold
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_eml, make_pdf
from tests.check_support import check_folder
from tests.classify_support import classified_by_name

ALL_RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules")
RULES = ALL_RULES.one("classes")
LEAD = "Maria Sjöberg <maria.sjoberg@socialstyrelsen.se>"


def _state(c: Classification) -> tuple[str, bool, bool]:
    return (c.doc_class, c.is_draft, c.must_register)


def test_the_instructions_support_material_is_other(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    make_pdf(
        folder / "Information om jävshantering.pdf",
        [
            "Information om jävshantering",
            "Alla externa experter ska lämna en jävsdeklaration innan de deltar i arbetet.",
        ],
    )
    make_docx(
        folder / "Rutin för efterfrågan av experter från regioner.docx",
        title="Rutin för efterfrågan av experter från regioner",
        paragraphs=["Be samtidigt om förslag på deltagare till rekommendationsgruppen."],
    )
    make_pdf(
        folder / "Lathund statistikbeställningar.pdf",
        [
            "Lathund – statistikbeställningar",
            "Midas: antal startade sjukfall, median, medelvärde, 25:e och 75:e percentilen.",
        ],
    )
    got = classified_by_name(folder, RULES)
    for name in got:
        assert _state(got[name]) == ("other", False, False), name


def test_a_reminder_about_declarations_is_correspondence(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    make_eml(
        folder / "Påminnelse jävsdeklaration RG.eml",
        sender=LEAD,
        to=["Ulrika Sand <ulrika.sand@regionhalland.se>"],
        subject="Påminnelse: jävsdeklaration till rekommendationsgruppen",
        body="Hej!\n\nVi saknar fortfarande din jävsdeklaration. Skicka den gärna senast "
        "fredag.\n\nHälsningar\nMaria",
    )
    got = classified_by_name(folder, RULES)
    assert got["Påminnelse jävsdeklaration RG.eml"].doc_class == "correspondence"


def test_a_tjansteskrivelse_is_the_approval(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    make_pdf(
        folder / "Tjänsteskrivelse publicering epikondylit.pdf",
        [
            "Tjänsteskrivelse",
            "Ärende: publicering av nytt försäkringsmedicinskt beslutsstöd",
            "Förslag till beslut: avdelningschefen (AC) beslutar att beslutsstödet publiceras.",
        ],
    )
    got = classified_by_name(folder, RULES)
    assert _state(got["Tjänsteskrivelse publicering epikondylit.pdf"]) == ("approval", False, True)


def test_nordic_declarations_by_name_and_in_a_forwarded_body(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    make_pdf(folder / "HI-ERK-01 Kjaergaard S erklaering.pdf", [], text_layer=False)
    make_eml(
        folder / "HI-ERK-04 VS VS Habilitet.eml",
        sender="Anna Björk <anna.bjork@regionvarmland.se>",
        to=["Erik Wallin <erik.wallin@socialstyrelsen.se>"],
        subject="VS: VS: Habilitet – Mette Dæhli",
        body="Hej Erik, Mette bad mig skicka vidare detta.\n\n-----Opprinnelig melding-----\n"
        "Fra: Mette Dæhli\nEmne: Habilitet\n\nEgenerklæring om habilitet\nNavn: Mette Dæhli\n"
        "Økonomiske interesser i legemiddelindustrien: Nei\nBergen 1. mars 2026",
    )
    got = classified_by_name(folder, RULES)
    assert got["HI-ERK-01 Kjaergaard S erklaering.pdf"].doc_class == "coi_declaration"
    assert _state(got["HI-ERK-04 VS VS Habilitet.eml"]) == ("coi_declaration", False, True)


def test_nordic_letters_fold_to_their_ascii_spelling() -> None:
    assert fold("Søren Kjærgaard, Bjørn Ødegård") == "soren kjaergaard bjorn odegard"
    assert same_person(parse_name("Søren Kjærgaard"), parse_name("Soren Kjaergaard"))  # type: ignore[arg-type]
    assert not looks_like_name("Rigshospitalet København")
    assert not looks_like_name("Haukeland sykehus")
    assert looks_like_name("Bjørn Ødegård")


def test_check_reads_the_session17_habits(tmp_path: Path) -> None:
    """A blank form credits nobody by elimination; a textless scan named in ASCII is the
    Danish expert's; a hospital in one word after a name is no person."""
    folder = tmp_path / "Hjärtinfarkt uppdatering"
    make_docx(folder / "Projektplan.docx", title="Projektplan – uppdatering FMB hjärtinfarkt")
    make_eml(
        folder / "SV Förfrågan sakkunniga.eml",
        sender="NPO Hjärt- och kärlsjukdomar <npo.hjartkarl@regionstockholm.se>",
        to=["Erik Wallin <erik.wallin@socialstyrelsen.se>"],
        subject="SV: Förfrågan om sakkunniga och RG – uppdatering FMB hjärtinfarkt",
        body="Hej Erik,\n\nVåra förslag:\nSakkunniga: Søren Kjærgaard, overlæge, "
        "Rigshospitalet København.\nRekommendationsgrupp: "
        "Ulrika Sand (företagssköterska).\n\nMvh\nNPO",
    )
    make_pdf(folder / "HI-ERK-01 Kjaergaard S erklaering.pdf", [], text_layer=False)
    make_docx(
        folder / "Stöd och mallar" / "Mall jävsdeklaration.docx",
        title="Jävsdeklaration",
        paragraphs=["Namn: ____________________", "Uppdrag: ____________________"],
    )
    result = check_folder(folder, ALL_RULES)
    people = {p.name: p for p in result.evaluation.people}
    assert not any("Rigshospitalet" in name for name in people)
    assert people["Søren Kjærgaard"].evidence["coi_declaration"] == (
        "HI-ERK-01 Kjaergaard S erklaering.pdf",
    )
    assert people["Ulrika Sand"].missing == ("coi_declaration",)


def test_minutes_recording_what_a_named_member_said_hold_personal_data(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    make_docx(
        folder / "Protokoll RG-möte 2026-06-03.docx",
        title="Protokoll – möte med rekommendationsgruppen 2026-06-03",
        paragraphs=[
            "Närvarande: Omar Khalil, Petra Lönn, Rolf Axelsson.",
            "Rolf Axelsson berättade om sin egen sjukskrivning för tennisarmbåge 2019.",
            "Beslut: rekommendationen ändras till 1–3 veckor.",
        ],
    )
    make_docx(
        folder / "Minnesanteckningar uppstartsmöte 2026-03-12.docx",
        title="Minnesanteckningar uppstartsmöte 2026-03-12",
        paragraphs=[
            "Närvarande: Anders Nyqvist, Helena Brandt.",
            "Projektledaren presenterade tidplanen. Beslut: textförslag senast 30 april.",
        ],
    )
    got = classified_by_name(folder, RULES)
    assert got["Protokoll RG-möte 2026-06-03.docx"].personal_data is True
    # an attendee list alone is no personal data to report (docs/samples.md)
    assert got["Minnesanteckningar uppstartsmöte 2026-03-12.docx"].personal_data is False
