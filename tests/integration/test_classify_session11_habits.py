"""Habits of the session-11 holdout that the rules missed (bench/holdout/session11.py): a
folder filed by date and initials, a team's `Publicerat/` folder, a support's own name
("… – försäkringsmedicinskt beslutsstöd") in a file name. Real files, real extraction,
the shipped rules, the folder pass of `classify --json`."""

from __future__ import annotations

from pathlib import Path

from recordkeeper.model import Classification
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_pdf, make_xlsx
from recordkeeper.services.classify_files import classify_paths
from tests.fakes import InProcess

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")


def _run(root: Path) -> dict[str, Classification]:
    out = {}
    for outcome in classify_paths([str(root)], RULES, InProcess(), ()):
        assert outcome.classification is not None
        out[outcome.path.rpartition("/")[2]] = outcome.classification
    return out


def _state(c: Classification) -> tuple[str, bool, bool]:
    return (c.doc_class, c.is_draft, c.must_register)


def test_files_named_by_date_and_initials_are_different_documents(tmp_path: Path) -> None:
    """`2026-01-12_PL.docx` (the plan) and `2026-05-26_PL.docx` (the final text) share
    only the writer's initials: neither is an older version of the other."""
    folder = tmp_path / "Tinnitus uppdatering 2026"
    make_docx(
        folder / "2026-01-12_PL.docx",
        title="Projektplan – uppdatering av FMB tinnitus",
        paragraphs=["Beslutsstödet för tinnitus uppdateras. Tidplan: start januari."],
    )
    make_docx(
        folder / "2026-05-26_PL.docx",
        title="Tinnitus – försäkringsmedicinskt beslutsstöd, slutversion",
        headings=["Kort om diagnosen", "Rekommendationer"],
        paragraphs=["Sjukskrivning behövs sällan. Vid svår tinnitus: deltid 2–4 veckor."],
    )
    make_docx(
        folder / "2026-09-15_PL.docx",
        title="Erfarenhetsrapport – uppdatering av FMB tinnitus",
        paragraphs=["Vad gick bra: snabba svar från NPO."],
    )
    got = _run(folder)
    assert _state(got["2026-01-12_PL.docx"]) == ("project_plan", False, False)
    assert _state(got["2026-05-26_PL.docx"]) == ("publication", False, True)
    assert _state(got["2026-09-15_PL.docx"]) == ("experience_report", False, True)


def test_a_dated_document_name_still_makes_a_chain_of_versions(tmp_path: Path) -> None:
    """The rule leaves names that say what the document is alone."""
    folder = tmp_path / "P"
    for day in ("2026-04-20", "2026-05-04"):
        make_docx(
            folder / f"endometrios_rek_{day}.docx",
            title="Textförslag – rekommendationer",
            paragraphs=["Rekommendationer", "Överväg sjukskrivning på heltid i 1–7 dagar."],
        )
    got = _run(folder)
    assert got["endometrios_rek_2026-04-20.docx"].is_draft is True
    assert got["endometrios_rek_2026-05-04.docx"].is_draft is False


def test_the_published_folder_holds_the_publication(tmp_path: Path) -> None:
    """`Publicerat/Endometrios – försäkringsmedicinskt beslutsstöd.pdf`: the support's own
    name is no decision ("beslutsstöd" is not "beslut"), and the folder says published."""
    make_pdf(
        tmp_path / "FMB Endometrios" / "Publicerat" / "Endometrios – försäkringsmedicinskt "
        "beslutsstöd.pdf",
        [
            "Endometrios",
            "Försäkringsmedicinskt beslutsstöd",
            "Kort om diagnosen",
            "Endometrios innebär att vävnad som liknar livmoderslemhinnan växer utanför livmodern.",
            "Rekommendationer",
            "Vid svåra smärtskov kan sjukskrivning på heltid under 1–14 dagar vara motiverad.",
        ],
        title="Endometrios – försäkringsmedicinskt beslutsstöd",
    )
    got = _run(tmp_path / "FMB Endometrios")
    assert _state(got["Endometrios – försäkringsmedicinskt beslutsstöd.pdf"]) == (
        "publication", False, True,
    )  # fmt: skip


def test_a_copy_named_by_sharepoint_or_windows_is_not_proposed_again(tmp_path: Path) -> None:
    """`Copy of Sjukfallsstatistik.xlsx` and `… - Kopia.pdf` beside their originals, same
    bytes: the original is proposed for registration, the copies are not."""
    folder = tmp_path / "FMB Endometrios" / "Publicerat"
    original = make_pdf(
        folder / "Endometrios – försäkringsmedicinskt beslutsstöd.pdf",
        ["Endometrios", "Kort om diagnosen", "Rekommendationer", "Sjukskrivning 1–14 dagar."],
    )
    (folder / "Endometrios – försäkringsmedicinskt beslutsstöd - Kopia.pdf").write_bytes(
        original.read_bytes()
    )
    (folder / "Copy of Endometrios – försäkringsmedicinskt beslutsstöd.pdf").write_bytes(
        original.read_bytes()
    )
    got = _run(tmp_path / "FMB Endometrios")
    assert got["Endometrios – försäkringsmedicinskt beslutsstöd.pdf"].must_register is True
    for name in (
        "Endometrios – försäkringsmedicinskt beslutsstöd - Kopia.pdf",
        "Copy of Endometrios – försäkringsmedicinskt beslutsstöd.pdf",
    ):
        assert _state(got[name]) == ("publication", False, False)
        assert "copy:convenience" in got[name].reasons


def test_a_title_of_recommendations_and_a_dated_time_plan_say_what_they_are(
    tmp_path: Path,
) -> None:
    """Names that say nothing (`2026-04-07_SH.docx`, `2026-01-14_PL.xlsx`): a document
    titled "Rekommendationer – tinnitus" is a text proposal, a sheet with an activity, a
    start and an end column is a time plan."""
    folder = tmp_path / "Tinnitus uppdatering 2026"
    make_docx(
        folder / "2026-05-20_PL.docx",
        title="Rekommendationer – tinnitus",
        paragraphs=[
            "Sjukskrivning behövs sällan vid tinnitus. Deltid är förstahandsval vid svår "
            "tinnitus med sömnstörning, 2–4 veckor.",
            "Arbetsplatsanpassning bör övervägas före sjukskrivning.",
        ],
    )
    make_xlsx(
        folder / "2026-01-14_PL.xlsx",
        [
            ["Aktivitet", "Ansvarig", "Start", "Slut"],
            ["Nominering NPO", "PL", "2026-01-19", "2026-02-06"],
            ["Statistik Midas", "PL", "2026-02-03", "2026-03-02"],
            ["Beslut EC", "PL", "2026-06-10", "2026-06-10"],
        ],
        sheet_title="Plan",
    )
    got = _run(folder)
    assert got["2026-05-20_PL.docx"].doc_class == "text_proposal"
    assert _state(got["2026-01-14_PL.xlsx"]) == ("project_plan", False, False)
