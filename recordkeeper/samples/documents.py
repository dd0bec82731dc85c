"""The workbench the step generators share: folders, file names, draft and final marks.

`ProjectDraft` collects the `DocSpec`s of one project while the step modules
(`steps_early.py`, `steps_late.py`) add them. It owns the habits that make a
share messy: layouts that differ per project, uninformative names
("Dokument1.docx", "scan_0012.pdf"), old versions in "Gamla versioner/",
drafts marked in varied ways and finals with signatures and diarienummer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from recordkeeper.samples.people import Person
from recordkeeper.samples.spec import DocSpec, Format, Label
from recordkeeper.samples.texts import Diagnosis

__all__ = ["AGENCY", "LAYOUTS", "REGISTER_WHEN_FINAL", "DraftMark", "ProjectDraft", "label"]

AGENCY = "Socialstyrelsen"
AGENCY_DOMAIN = "socialstyrelsen.se"

# Logical folder -> path inside the project, per layout. Missing keys mean the project root.
LAYOUTS: dict[str, dict[str, str]] = {
    "numbered": {
        "plan": "01 Plan",
        "project_group": "02 Projektgrupp",
        "coi": "02 Projektgrupp/Jävsdeklarationer",
        "agreement": "02 Projektgrupp/Avtal",
        "statistics": "03 Statistik",
        "rg": "04 Rekommendationsgrupp",
        "rg_coi": "04 Rekommendationsgrupp/Jäv",
        "texts": "05 Textförslag",
        "startup": "06 Uppstartsmöte",
        "survey": "07 Synpunkter/Enkät",
        "comments": "07 Synpunkter",
        "revise": "08 Revidering",
        "knowledge_basis": "09 Kunskapsunderlag",
        "approval": "10 Föredragning och beslut",
        "close": "11 Avslut",
        "misc": "",
    },
    "flat": {},
    "topical": {
        "coi": "Jäv",
        "rg_coi": "Jäv",
        "agreement": "Avtal",
        "statistics": "Statistik",
        "survey": "Enkät",
        "comments": "Synpunkter",
        "texts": "Texter",
        "revise": "Texter",
        "knowledge_basis": "Texter",
        "startup": "Möten",
        "rg": "Möten",
        "approval": "Beslut",
    },
    "mixed": {
        "coi": "Underlag/Jäv och avtal",
        "agreement": "Underlag/Jäv och avtal",
        "rg_coi": "Att sortera",
        "statistics": "Underlag",
        "comments": "Mejl",
        "project_group": "Mejl",
        "rg": "Mejl",
        "texts": "Arbetsmaterial",
        "misc": "Att sortera",
    },
}

_UNINFORMATIVE: dict[str, tuple[str, ...]] = {
    "docx": ("Dokument{n}", "Nytt dokument ({n})", "ny{n}", "temp", "Namnlöst{n}"),
    "pdf": ("scan_{n:04d}", "Skannat dokument {n}", "IMG_2025{n:04d}", "doc{n:05d}"),
    "xlsx": ("svar", "Bok{n}", "export ({n})", "Blad{n}"),
    "pptx": ("Presentation{n}", "ppt{n}"),
    "eml": ("Meddelande{n}", "SV_ FMB", "VB_ {n}", "RE_ ({n})"),
    "txt": ("anteckningar", "Ny textfil{n}"),
}


@dataclass(frozen=True, slots=True)
class DraftMark:
    """How a draft shows itself: in the name, the text, the comments or the folder."""

    name_suffix: str = ""
    header: str | None = None
    footer: str | None = None
    comment: str | None = None
    tracked: bool = False
    old_folder: bool = False


_DRAFT_MARKS = (
    DraftMark(name_suffix=" utkast"),
    DraftMark(name_suffix="_draft"),
    DraftMark(name_suffix="_v0.{v}"),
    DraftMark(header="UTKAST"),
    DraftMark(footer="Arbetsmaterial – ej fastställt"),
    DraftMark(comment="Behöver vi ha med detta? /{initials}"),
    DraftMark(tracked=True),
    DraftMark(name_suffix=" v0.{v}", old_folder=True),
    DraftMark(name_suffix=" UTKAST", header="Utkast {date}"),
)


@dataclass
class ProjectDraft:
    """One project's documents under construction, with the project's own habits."""

    rng: random.Random
    folder: str
    layout: str
    diagnosis: Diagnosis
    variant: str
    lead: Person
    start: date
    unnamed_share: float
    specs: list[DocSpec] = field(default_factory=list)
    _names: set[str] = field(default_factory=set)
    _counter: int = 1

    # --- time -----------------------------------------------------------------------------
    def at(self, days: int) -> datetime:
        """A working-hours moment `days` after the project start, moved off weekends."""
        day = self.start + timedelta(days=days)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return datetime.combine(day, time(self.rng.randint(8, 16), self.rng.randint(0, 59)), UTC)

    def dnr(self, when: datetime) -> str:
        return f"2.4-{self.rng.randint(10000, 49999)}/{when.year}"

    # --- names ----------------------------------------------------------------------------
    def path(self, where: str, stem: str, fmt: Format, *, informative: bool = False) -> str:
        """A unique path in logical folder `where`; sometimes an uninformative name."""
        sub = LAYOUTS[self.layout].get(where, "")
        if not informative and self.rng.random() < self.unnamed_share:
            stem = self.rng.choice(_UNINFORMATIVE[fmt]).format(n=self._next())
        return self._unique("/".join(p for p in (self.folder, sub) if p), stem, fmt)

    def old_path(self, where: str, stem: str, fmt: Format) -> str:
        sub = LAYOUTS[self.layout].get(where, "")
        parent = "/".join(p for p in (self.folder, sub, "Gamla versioner") if p)
        return self._unique(parent, stem, fmt)

    def _unique(self, parent: str, stem: str, fmt: Format) -> str:
        candidate, n = f"{parent}/{stem}.{fmt}", 2
        while candidate.casefold() in self._names:
            candidate, n = f"{parent}/{stem} ({n}).{fmt}", n + 1
        self._names.add(candidate.casefold())
        return candidate

    def _next(self) -> int:
        self._counter += self.rng.randint(1, 7)
        return self._counter

    def copy_to(self, spec: DocSpec, where: str) -> DocSpec:
        """The same document saved again in another folder (a copy shares content)."""
        stem = spec.relpath.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        sub = LAYOUTS[self.layout].get(where, "")
        parent = "/".join(p for p in (self.folder, sub) if p)
        return self.add(replace(spec, relpath=self._unique(parent, stem, spec.fmt)))

    # --- marks ----------------------------------------------------------------------------
    def draft_mark(self) -> DraftMark:
        return self.rng.choice(_DRAFT_MARKS)

    def signature(self, person: Person, when: datetime) -> list[str]:
        """Signature lines as a final, signed document carries them."""
        return [
            f"Ort och datum: Stockholm {when.date().isoformat()}",
            "Underskrift: ______________________",
            f"Namnförtydligande: {person.name}",
        ]

    # --- adding ---------------------------------------------------------------------------
    def add(self, spec: DocSpec) -> DocSpec:
        self.specs.append(spec)
        return spec

    def add_draft(
        self,
        where: str,
        stem: str,
        when: datetime,
        label: Label,
        **fields: Any,
    ) -> DocSpec:
        """Add a draft .docx of `stem`, marked in one of the ways real drafts are."""
        mark = self.draft_mark()
        version = self.rng.randint(1, 4)
        initials = self.lead.given[0] + self.lead.family[0]
        suffix = mark.name_suffix.format(v=version)
        if mark.old_folder:
            relpath = self.old_path(where, stem + suffix, "docx")
        else:
            relpath = self.path(where, stem + suffix, "docx", informative=bool(suffix))
        extra: dict[str, Any] = {}
        if mark.header:
            extra["header"] = mark.header.format(date=when.date().isoformat())
        if mark.footer:
            extra["footer"] = mark.footer
        if mark.comment:
            extra["comment"] = mark.comment.format(initials=initials)
        if mark.tracked:
            extra["tracked_changes"] = (("ins", " (ny formulering)"), ("del", "gammal mening"))
        if not (mark.header or mark.footer or mark.comment or mark.tracked or suffix):
            extra["header"] = "UTKAST"
        fields = {**fields, **{k: v for k, v in extra.items() if k not in fields}}
        label = replace(label, draft=True, must_register=False)
        return self.add(DocSpec(relpath, "docx", when, label, **fields))


# Whether a final document of each class is registered (DOMAIN.md defaults; the
# cases it calls "sometimes" are decided per document by the step generators).
REGISTER_WHEN_FINAL = {
    "coi_declaration": True,
    "agreement": True,
    "nomination_request": True,
    "statistics": True,
    "project_plan": False,
    "text_proposal": True,
    "icf_assessment": True,
    "meeting_notes": False,
    "presentation": False,
    "survey": True,
    "survey_response": True,
    "comments": True,
    "knowledge_basis": True,
    "approval": True,
    "publication": True,
    "experience_report": True,
    "correspondence": False,
    "other": False,
}


def label(
    doc_class: str,
    step: str | None,
    *,
    personal_data: bool = False,
    must_register: bool | None = None,
    people: tuple[str, ...] = (),
    lang: str = "sv",
) -> Label:
    """A final document's label; `add_draft` turns it into a draft's."""
    register = REGISTER_WHEN_FINAL[doc_class] if must_register is None else must_register
    return Label(doc_class, False, register, personal_data, step, people, lang)
