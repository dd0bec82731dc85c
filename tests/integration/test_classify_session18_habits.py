"""Habits the earlier holdouts left unfixed (docs/benchmarks.md, session 17's "Left"): a
template saved into the project with its fill-in fields still placeholders; an earlier
"slutversion" moved into a `historik/` folder beside the final one. Real files, real
extraction, the shipped rules, `classify --json`'s folder passes, `check` and the daemon.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recordkeeper.classify import series, versions
from recordkeeper.model import Classification
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_xlsx
from recordkeeper.services.context import Context
from tests.check_support import check_folder, checked_classifications
from tests.classify_support import classified_by_name
from tests.daemon_support import classified_events as _events
from tests.daemon_support import document_id as _id
from tests.daemon_support import scan, stored_classifications
from tests.fakes import FakeClock

ALL_RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules")
RULES = ALL_RULES.one("classes")
PROJECT = "frusen skuldra uppdatering"
OLD = "07_beslut/historik/FMB_frusen_skuldra_slutversion_2026-08-20.docx"
FINAL = "07_beslut/FMB_frusen_skuldra_slutversion.pdf"
PUBLICATION = [
    "Försäkringsmedicinskt beslutsstöd – frusen skuldra (slutversion)",
    "Slutversion fastställd den 2026-09-01.",
    "Rekommendation: sjukskrivning på deltid 2–6 veckor vid okomplicerat förlopp.",
]


def _state(c: Classification) -> tuple[str, bool, bool]:
    return (c.doc_class, c.is_draft, c.must_register)


def test_a_template_with_placeholders_is_no_document_of_the_matter(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    make_docx(
        folder / "MALL_overenskommelse_om_uppdrag.docx",
        title="Overenskommelse om uppdrag och ersattning",
        paragraphs=[
            "Mellan Socialstyrelsen (bestallaren) och [Namn] (uppdragstagaren).",
            "Uppdrag: sakkunnig i projektgruppen for [diagnos].",
            "Ersattning: XX kronor per timme, hogst XX timmar, mot faktura.",
        ],
    )
    make_docx(
        folder / "Mall missiv webbenkät.docx",
        title="Missiv – webbenkät till rekommendationsgruppen",
        paragraphs=[
            "Socialstyrelsen tar fram ett försäkringsmedicinskt beslutsstöd för [diagnos]. "
            "Vi vill ha dina synpunkter via webbenkäten: [länk].",
            "Svara senast [datum].",
        ],
    )
    # a draft's lone placeholder is a draft's, not a template's
    make_docx(
        folder / "Textförslag artros v0.2.docx",
        title="Textförslag – artros",
        paragraphs=[
            "Kort om diagnosen: smärta och stelhet i leden. Symtom, behandling och prognos.",
            "Rekommendation: överväg sjukskrivning på deltid 2–4 veckor. Uppdaterad [datum].",
        ],
    )
    got = classified_by_name(folder, RULES)
    for name in ("MALL_overenskommelse_om_uppdrag.docx", "Mall missiv webbenkät.docx"):
        assert _state(got[name]) == ("other", False, False), name
        assert "other.placeholder_form@content" in got[name].reasons
        assert got[name].needs_review
    assert _state(got["Textförslag artros v0.2.docx"]) == ("text_proposal", True, False)


def _project(root: Path) -> Path:
    folder = root / PROJECT
    make_docx(folder / OLD, title=PUBLICATION[0], paragraphs=PUBLICATION[1:])
    make_pdf(folder / FINAL, PUBLICATION)
    return folder


def test_history_folders_are_rule_data_compared_with_their_parent() -> None:
    for folder in ("P/07/historik", "P/Texter/Gamla versioner", "P/zz_OLD", "P/Historik 2025"):
        assert series.is_history(folder, RULES), folder
        assert series.group_of(folder, RULES) == folder.rpartition("/")[0], folder
    for folder in ("P/Arkiv", "P/Oldenburg", "P/Beslut", "P/Texter"):
        assert not series.is_history(folder, RULES), folder
        assert series.group_of(folder, RULES) == folder, folder
    assert series.group_of("historik", RULES) == ""  # the top folder holds it
    paths = [f"P/{OLD}", f"P/{FINAL}", "P/07_beslut/historik/Beslut EC.docx"]
    assert versions.newer_versions(paths, RULES) == {
        f"P/{OLD}": versions.Newer(f"P/{FINAL}", False)  # "Beslut EC" has no newer one
    }


def test_an_earlier_final_version_moved_to_historik_is_superseded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _project(tmp_path)
    got = classified_by_name(folder, RULES)
    old = got[OLD.rpartition("/")[2]]
    assert _state(old) == ("publication", True, False)
    assert versions.REASON in old.reasons
    assert _state(got[FINAL.rpartition("/")[2]]) == ("publication", False, True)
    # check runs the same passes: the old one is no registrable document
    by_path = checked_classifications(folder, ALL_RULES, monkeypatch)
    assert _state(by_path[OLD]) == ("publication", True, False), sorted(by_path)


def test_the_daemon_supersedes_the_moved_version_when_the_final_one_arrives(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    folder = share / PROJECT
    make_docx(folder / OLD, title=PUBLICATION[0], paragraphs=PUBLICATION[1:])
    scan(ctx)
    stored = stored_classifications(ctx, lambda path: path.split(PROJECT + "/", 1)[1])
    assert _state(stored[OLD]) == ("publication", False, True)
    clock.advance(60)
    make_pdf(folder / FINAL, PUBLICATION)
    scan(ctx)
    stored = stored_classifications(ctx, lambda path: path.split(PROJECT + "/", 1)[1])
    assert _state(stored[OLD]) == ("publication", True, False)
    assert versions.REASON in stored[OLD].reasons
    assert _events(ctx, _id(ctx, OLD)) == 2
    cli = classified_by_name(folder, RULES)
    assert {n.rpartition("/")[2]: _state(c) for n, c in stored.items()} == {
        n: _state(c) for n, c in cli.items()
    }


def test_a_persons_address_in_the_headers_is_personal_data_whatever_the_class(
    tmp_path: Path,
) -> None:
    """Session 18's convention (docs/rules.md, "Label conventions"): the lead's own work
    address makes the statistics order hold personal data; function mailboxes alone do not."""
    folder = tmp_path / "P"
    body = (
        "Hej,\n\nVi beställer härmed statistik ur Midas för diagnos M75.0 (frusen skuldra): "
        "antal startade sjukfall 2023–2025, uppdelat på kön, median och percentiler.\n"
    )
    make_eml(
        folder / "bestallning_midas.eml",
        sender="Tomas Lindgren <tomas.lindgren@socialstyrelsen.se>",
        to=["Försäkringskassan <statistik@forsakringskassan.se>"],
        subject="Beställning av statistik ur Midas – frusen skuldra",
        body=body,
    )
    make_eml(
        folder / "vidarebefordrad_bestallning.eml",
        sender="Registrator <registrator@socialstyrelsen.se>",
        to=["Försäkringskassan <statistik@forsakringskassan.se>"],
        subject="Beställning av statistik ur Midas – frusen skuldra",
        body=body,
    )
    got = classified_by_name(folder, RULES)
    assert got["bestallning_midas.eml"].doc_class == "statistics"
    assert got["bestallning_midas.eml"].personal_data is True
    assert got["vidarebefordrad_bestallning.eml"].doc_class == "statistics"
    assert got["vidarebefordrad_bestallning.eml"].personal_data is False
    off = RULES.model_copy(
        update={"personal_data": RULES.personal_data.model_copy(update={"header_addresses": False})}
    )
    assert classified_by_name(folder, off)["bestallning_midas.eml"].personal_data is False


def test_a_lone_scan_is_the_experts_when_the_rg_declared_in_a_register(tmp_path: Path) -> None:
    """Session 15's RA project: an expert's declaration scanned and named by the case number,
    the RG's declarations one register with one member missing. Two people lack one, one
    unnamed scan: the RG member missing from the register sent no paper of their own, so the
    scan is the expert's (to confirm) and only the RG member is reported."""
    folder = tmp_path / "RA uppdatering"
    make_docx(folder / "Projektplan RA.docx", title="Projektplan – uppdatering av FMB RA")
    make_eml(
        folder / "SV Förfrågan om sakkunniga.eml",
        sender="Gunnar Hedin <gunnar.hedin@regionorebrolan.se>",
        to=["Sofia Engqvist <sofia.engqvist@socialstyrelsen.se>"],
        subject="SV: Förfrågan om sakkunniga – uppdatering FMB reumatoid artrit",
        body="Hej Sofia,\n\nNPO nominerar härmed Petra Nord, överläkare i reumatologi, och "
        "Hannes Lövgren, arbetsterapeut, som sakkunniga. Till rekommendationsgruppen "
        "föreslår vi Camilla Brandt, Teodor Sjöberg och Vilhelm Krantz.\n\nHälsningar\nGunnar",
    )
    make_pdf(
        folder / "JÄVSDEKLARATION PETRA NORD.PDF",
        ["JÄVSDEKLARATION", "Namn: Petra Nord", "Ekonomiska intressen i företag: Nej"],
    )
    make_pdf(folder / "2.4-10233-2026-5.pdf", [], text_layer=False)
    for name in ("Petra Nord", "Hannes Lövgren"):
        make_pdf(
            folder / f"Avtal om ersättning - {name}.pdf",
            [
                "AVTAL OM ERSÄTTNING FÖR SAKKUNNIG",
                f"Parter: Socialstyrelsen och {name}",
                "Ersättning: 950 kronor per timme mot faktura.",
            ],
        )
    make_xlsx(
        folder / "RG jävsdeklarationer.xlsx",
        [
            ["Namn", "Roll", "Uppdrag för läkemedelsföretag", "Aktieinnehav", "Datum"],
            ["Camilla Brandt", "RG", "Nej", "Nej", "2026-02-18"],
            ["Teodor Sjöberg", "RG", "Nej", "Nej", "2026-02-19"],
        ],
        sheet_title="Jävsdeklarationer",
    )
    result = check_folder(folder, ALL_RULES)
    people = {p.name: p for p in result.evaluation.people}
    assert people["Hannes Lövgren"].evidence["coi_declaration"] == ("2.4-10233-2026-5.pdf",)
    assert people["Vilhelm Krantz"].missing == ("coi_declaration",)
    steps = {s.step_id: s.status for s in result.evaluation.steps}
    assert steps["recruit_project_group"] == "complete"
    assert steps["recruit_recommendation_group"] == "partial"


def test_a_mail_saved_as_text_is_read_as_a_mail(tmp_path: Path) -> None:
    """Outlook's "Spara som" in text format: the header lines are a mail's, so the lead's
    address in "Från:" is personal data (session 18's holdout, an e-diarium export)."""
    folder = tmp_path / "P"
    folder.mkdir()
    (folder / "Dok 8 (U) Beställning statistik Midas S86.0.txt").write_text(
        "Från:\tElin Strand <elin.strand@socialstyrelsen.se>\n"
        "Skickat:\tden 2 februari 2026 09:40\n"
        "Till:\tFörsäkringskassan <statistik@forsakringskassan.se>\n"
        "Ämne:\tBeställning av statistik ur Midas – S86.0\n\n"
        "Hej,\n\nVi beställer härmed statistik ur Midas för diagnos S86.0 2021–2025: antal "
        "startade sjukfall, median och percentiler, uppdelat på kön.\n",
        encoding="utf-8",
    )
    got = classified_by_name(folder, RULES)["Dok 8 (U) Beställning statistik Midas S86.0.txt"]
    assert (got.doc_class, got.must_register, got.personal_data) == ("statistics", True, True)


def test_work_in_progress_folders_and_sync_conflict_copies_hold_drafts(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    text = [
        "Kort om diagnosen: ljumskbråck. Symtom, behandling och prognos.",
        "Rekommendation: sjukskrivning 1–2 veckor efter operation vid lätt arbete.",
    ]
    for rel in (
        "Pågående/kort.om.diagnosen.ljumskbrack.docx",
        "Texter/Reviderade rekommendationer v3.docx",
        "Texter/Reviderade rekommendationer v3-LAPTOP-K3J2.docx",
    ):
        make_docx(folder / rel, title="Textförslag – ljumskbråck", paragraphs=text)
    make_pdf(folder / "Skickat" / "kort.om.diagnosen.ljumskbrack.pdf", ["Textförslag", *text])
    got = classified_by_name(folder, RULES)
    assert _state(got["kort.om.diagnosen.ljumskbrack.docx"]) == ("text_proposal", True, False)
    assert _state(got["kort.om.diagnosen.ljumskbrack.pdf"]) == ("text_proposal", False, True)
    assert _state(got["Reviderade rekommendationer v3.docx"]) == ("text_proposal", False, True)
    conflict = got["Reviderade rekommendationer v3-LAPTOP-K3J2.docx"]
    assert _state(conflict) == ("text_proposal", True, False)
