"""A large mixed corpus for benchmarks: `generate_corpus(dir, n_files, seed)`.

Owns the format mix and size distribution of a realistic agency share
(mostly small Word files, scanned PDFs of a few hundred kilobytes, some
large decks and e-mails with attachments). Content is project prose drawn
from `texts.py`; for labelled, process-shaped data use `projects.py`.
Speed matters more than realism of each file here: noise images are made
once and reused, PDFs use core fonts, and no file is built twice.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from recordkeeper.samples.images import image_pool
from recordkeeper.samples.people import REGIONS, fake_personnummer, make_person, personnummer
from recordkeeper.samples.spec import DocSpec, Format, Label, render
from recordkeeper.samples.texts import DIAGNOSES, filler_paragraphs

__all__ = ["FORMAT_MIX", "generate_corpus"]

# Share of each format in a typical FMB share (our estimate from the description).
FORMAT_MIX: dict[str, float] = {
    "docx": 0.45,
    "pdf_text": 0.10,
    "pdf_scan": 0.08,
    "xlsx": 0.12,
    "eml": 0.15,
    "pptx": 0.05,
    "txt": 0.05,
}
_FOLDERS = ("", "Jäv", "Avtal", "Enkät", "Statistik", "Texter", "Möten", "Gamla versioner")
_UNINFORMATIVE = ("Dokument{n}", "scan_{n:04d}", "svar{n}", "Nytt dokument ({n})", "ny{n}")
_TOPICS = (
    "Textförslag",
    "Projektplan",
    "Minnesanteckningar",
    "Jävsdeklaration",
    "Avtal om ersättning",
    "Synpunkter",
    "Statistikbeställning",
    "Kunskapsunderlag med metodbeskrivning",
    "Enkät",
    "Erfarenhetsrapport",
)


def generate_corpus(directory: Path, n_files: int, seed: int = 0) -> list[Path]:
    """Write `n_files` mixed documents under `directory` and return their paths.

    Args:
        directory: created if missing; files go into project-like sub-folders.
        n_files: how many files to write.
        seed: the same seed gives the same names, contents and sizes.

    Returns:
        The written paths, in generation order.
    """
    rng = random.Random(seed)
    images = image_pool(rng)
    kinds = list(FORMAT_MIX)
    weights = [FORMAT_MIX[k] for k in kinds]
    paths: list[Path] = []
    for index in range(n_files):
        kind = rng.choices(kinds, weights)[0]
        spec = _SPECS[kind](rng, index)
        paths.append(render(spec, directory, images))
    return paths


def _name(rng: random.Random, index: int, ext: str) -> str:
    project = f"FMB {rng.choice(list(DIAGNOSES.values())).name} {2021 + index % 5}"
    folder = rng.choice(_FOLDERS)
    if rng.random() < 0.33:
        stem = rng.choice(_UNINFORMATIVE).format(n=index)
    else:
        stem = f"{rng.choice(_TOPICS)} {index}"
        if rng.random() < 0.3:
            stem += rng.choice((" utkast", "_v0.3", " draft", " slutversion", " (2)"))
    return "/".join(p for p in (project, folder, f"{stem}.{ext}") if p)


def _when(rng: random.Random) -> datetime:
    return datetime(2021, 1, 4, 9, tzinfo=UTC) + timedelta(hours=rng.randint(0, 5 * 365 * 24))


def _label() -> Label:
    return Label(doc_class="other", draft=False, must_register=False, personal_data=False)


def _docx(rng: random.Random, index: int) -> DocSpec:
    paragraphs = filler_paragraphs(rng, rng.choice((8, 15, 30, 60, 150)))
    if rng.random() < 0.1:
        paragraphs.append(f"Personnummer: {personnummer(rng)}")
    return DocSpec(
        _name(rng, index, "docx"),
        "docx",
        _when(rng),
        _label(),
        title=rng.choice(_TOPICS),
        headings=("Bakgrund", "Syfte"),
        paragraphs=paragraphs,
        table=[["Namn", "Roll"], ["Åsa Öberg", "Sakkunnig"]] if rng.random() < 0.3 else (),
        comment="Stämmer detta?" if rng.random() < 0.15 else None,
        images=rng.choice((0, 0, 0, 0, 0, 0, 0, 1, 2, 4)),
    )


def _pdf(rng: random.Random, index: int, *, scan: bool) -> DocSpec:
    return DocSpec(
        _name(rng, index, "pdf"),
        "pdf",
        _when(rng),
        _label(),
        title=rng.choice(_TOPICS),
        paragraphs=filler_paragraphs(rng, rng.choice((10, 40, 120))),
        text_layer=not scan,
        images=rng.choice((1, 1, 2, 3, 4)) if scan else 0,
    )


def _xlsx(rng: random.Random, index: int) -> DocSpec:
    rows: list[list[object]] = [["Respondent", "Region", "Fråga 1", "Fråga 2", "Övrigt"]]
    for n in range(rng.choice((10, 40, 200, 2000))):
        rows.append([f"R{n}", rng.choice(REGIONS)[0], rng.randint(1, 5), rng.randint(1, 5), ""])
    if rng.random() < 0.2:
        rows.append(["Kontroll", fake_personnummer(rng), 0, 0, "ej personnummer"])
    return DocSpec(_name(rng, index, "xlsx"), "xlsx", _when(rng), _label(), rows=rows)


def _eml(rng: random.Random, index: int) -> DocSpec:
    person = make_person(rng, ("expert",), set())
    attach: list[tuple[str, bytes]] = []
    if rng.random() < 0.2:
        attach.append(("bilaga.pdf", rng.randbytes(rng.choice((10_000, 200_000, 1_000_000)))))
    return DocSpec(
        _name(rng, index, "eml"),
        "eml",
        _when(rng),
        _label(),
        sender=person.email,
        to=("fmb@socialstyrelsen.example",),
        subject=f"SV: {rng.choice(_TOPICS)}",
        paragraphs=[*filler_paragraphs(rng, rng.randint(1, 20)), f"Hälsningar\n{person.name}"],
        attachments=attach,
    )


def _pptx(rng: random.Random, index: int) -> DocSpec:
    slides = [(rng.choice(_TOPICS), s) for s in filler_paragraphs(rng, rng.randint(5, 20))]
    return DocSpec(
        _name(rng, index, "pptx"),
        "pptx",
        _when(rng),
        _label(),
        slides=slides,
        images=rng.choice((0, 0, 1, 3)),
    )


def _txt(rng: random.Random, index: int) -> DocSpec:
    ext: Format = "txt"
    return DocSpec(
        _name(rng, index, ext),
        ext,
        _when(rng),
        _label(),
        title=rng.choice(_TOPICS),
        paragraphs=filler_paragraphs(rng, rng.randint(3, 40)),
    )


_SPECS: dict[str, Callable[[random.Random, int], DocSpec]] = {
    "docx": _docx,
    "pdf_text": lambda rng, i: _pdf(rng, i, scan=False),
    "pdf_scan": lambda rng, i: _pdf(rng, i, scan=True),
    "xlsx": _xlsx,
    "eml": _eml,
    "pptx": _pptx,
    "txt": _txt,
}
