"""Convenience copies in `classify --json` (`copies` in classes.yaml, session 7): a file in a
person's own folder whose bytes equal a file outside such folders that is proposed for
registration is that document's copy, not a second registration. Real files, the real
extractor (in process), the shipped rules."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import Classification, ExtractionResult
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_pdf
from recordkeeper.services.classify_files import (
    COPY_REASON,
    ExtractJob,
    Extractor,
    classify_paths,
)
from tests.fakes import InProcess

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")
AGREEMENT = [
    "Avtal om ersättning för sakkunnig",
    "Parter: Socialstyrelsen och Sanna Ek",
    "Ersättning: 1 200 kr per timme mot faktura.",
    "Stockholm 2026-02-24",
    "Underskrift: Sanna Ek",
]


class Reversed:
    """The Extractor port answering in the reverse order (a pool answers in any order)."""

    def extract_many(
        self, jobs: Iterable[ExtractJob]
    ) -> Iterator[tuple[ExtractJob, ExtractionResult]]:
        for job in reversed(list(jobs)):
            yield job, extract_file(job.path, job.rel_path, Limits())


def _run(root: Path, extractor: Extractor | None = None) -> dict[str, Classification]:
    out = {}
    for outcome in classify_paths([str(root)], RULES, extractor or InProcess(), ()):
        assert outcome.classification is not None
        out[outcome.path.removeprefix(str(root) + "/")] = outcome.classification
    return out


def _copy(root: Path, src: str, dst: str) -> None:
    (root / dst).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(root / src, root / dst)


def _project(root: Path) -> None:
    make_pdf(root / "Sakkunniga" / "Sanna Ek avtal.pdf", AGREEMENT)
    make_docx(
        root / "Slutversion" / "FMB slutversion.docx",
        title="Försäkringsmedicinskt beslutsstöd – generaliserat ångestsyndrom",
        paragraphs=["Slutversion efter synpunkter.", "Rekommendation 1: Överväg deltid."],
    )


@pytest.mark.parametrize("personal", ["Ulrikas filer", "Mina dokument", "Privat", "Anna's files"])
@pytest.mark.parametrize("reverse", [False, True])
def test_a_copy_in_a_personal_folder_is_not_proposed_again(
    tmp_path: Path, personal: str, reverse: bool
) -> None:
    _project(tmp_path)
    _copy(tmp_path, "Sakkunniga/Sanna Ek avtal.pdf", f"{personal}/Sanna Ek avtal.pdf")
    _copy(tmp_path, "Slutversion/FMB slutversion.docx", f"{personal}/GAD final.docx")
    got = _run(tmp_path, Reversed() if reverse else None)
    for original, copy in (
        ("Sakkunniga/Sanna Ek avtal.pdf", f"{personal}/Sanna Ek avtal.pdf"),
        ("Slutversion/FMB slutversion.docx", f"{personal}/GAD final.docx"),
    ):
        assert got[original].must_register
        assert COPY_REASON not in got[original].reasons
        c = got[copy]
        assert (c.doc_class, c.is_draft, c.must_register) == (got[original].doc_class, False, False)
        assert c.reasons[-1] == COPY_REASON


def test_a_copy_filed_in_a_process_folder_stays_as_it_is(tmp_path: Path) -> None:
    """The final version filed again beside the decision is left to the registrar (the
    daemon links it to the first one's prompt)."""
    _project(tmp_path)
    _copy(tmp_path, "Slutversion/FMB slutversion.docx", "Beslut/FMB slutversion.docx")
    got = _run(tmp_path)
    assert got["Beslut/FMB slutversion.docx"].must_register
    assert got["Slutversion/FMB slutversion.docx"].must_register


@pytest.mark.parametrize("folder", ["Projektets dokument", "Gruppens filer"])
def test_a_definite_genitive_is_no_personal_folder(tmp_path: Path, folder: str) -> None:
    _project(tmp_path)
    _copy(tmp_path, "Sakkunniga/Sanna Ek avtal.pdf", f"{folder}/Sanna Ek avtal.pdf")
    assert _run(tmp_path)[f"{folder}/Sanna Ek avtal.pdf"].must_register


def test_a_personal_folder_alone_keeps_its_documents(tmp_path: Path) -> None:
    """Nothing outside the personal folder has the same bytes: it is the only copy."""
    make_pdf(tmp_path / "Ulrikas filer" / "Sanna Ek avtal.pdf", AGREEMENT)
    make_pdf(tmp_path / "Sakkunniga" / "Lindholm avtal.pdf", [*AGREEMENT, "Jonas Lindholm"])
    got = _run(tmp_path)
    assert got["Ulrikas filer/Sanna Ek avtal.pdf"].must_register
    assert COPY_REASON not in got["Ulrikas filer/Sanna Ek avtal.pdf"].reasons


def test_the_original_must_be_proposed(tmp_path: Path) -> None:
    """A copy of a draft (not proposed) keeps its own answer: the duty is not dropped."""
    make_docx(
        tmp_path / "Utkast" / "Textförslag utkast.docx",
        title="Textförslag – generaliserat ångestsyndrom",
        paragraphs=["Symtom: oro.", "Behandling: KBT.", "Prognos: god."],
    )
    _copy(tmp_path, "Utkast/Textförslag utkast.docx", "Ulrikas filer/Textförslag GAD.docx")
    got = _run(tmp_path)
    assert not got["Utkast/Textförslag utkast.docx"].must_register
    assert COPY_REASON not in got["Ulrikas filer/Textförslag GAD.docx"].reasons


def test_without_the_rule_every_copy_is_proposed(tmp_path: Path) -> None:
    rules = RULES.model_copy(
        update={"copies": RULES.copies.model_copy(update={"personal_folders": ()})}
    )
    _project(tmp_path)
    _copy(tmp_path, "Sakkunniga/Sanna Ek avtal.pdf", "Ulrikas filer/Sanna Ek avtal.pdf")
    outcomes = list(classify_paths([str(tmp_path)], rules, InProcess(), ()))
    assert all(o.classification and o.classification.must_register for o in outcomes)
    assert len(outcomes) == 3
