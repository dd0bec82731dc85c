"""A sample document as a value (`DocSpec`), its ground-truth `Label`, and `render()`.

Generators decide content and labels as plain values; `render` is the only
place that writes a file (through `builders.py`) and sets its mtime to the
document's date, so a share looks like it grew over months. Labels are
written beside the share, never inside it (see docs/samples.md).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

__all__ = ["DocSpec", "Format", "Label", "render"]

Format = Literal["docx", "xlsx", "pptx", "pdf", "eml", "txt"]


@dataclass(frozen=True, slots=True)
class Label:
    """What a correct classifier says about one file (see docs/samples.md for the rules)."""

    doc_class: str
    draft: bool
    must_register: bool
    personal_data: bool
    step: str | None = None
    people: tuple[str, ...] = ()
    lang: str = "sv"

    def as_json(self, path: str, project: str | None, fmt: str) -> dict[str, Any]:
        return {
            "path": path,
            "project": project,
            "format": fmt,
            "class": self.doc_class,
            "draft": self.draft,
            "must_register": self.must_register,
            "personal_data": self.personal_data,
            "step": self.step,
            "people": list(self.people),
            "lang": self.lang,
        }


@dataclass(frozen=True, slots=True)
class DocSpec:
    """One file to write. Fields not used by `fmt` are ignored."""

    relpath: str
    fmt: Format
    when: datetime
    label: Label
    title: str | None = None
    paragraphs: Sequence[str] = ()
    headings: Sequence[str] = ()
    table: Sequence[Sequence[str]] = ()
    header: str | None = None
    footer: str | None = None
    author: str | None = None
    core_title: str | None = None
    comment: str | None = None
    template: str | None = None
    tracked_changes: Sequence[tuple[str, str]] = ()
    rows: Sequence[Sequence[object]] = ()
    sheet_title: str = "Blad1"
    extra_sheets: dict[str, Sequence[Sequence[object]]] = field(default_factory=dict)
    slides: Sequence[tuple[str, str]] = ()
    text_layer: bool = True
    images: int = 0
    sender: str = ""
    to: Sequence[str] = ()
    subject: str = ""
    attachments: Sequence[tuple[str, bytes]] = ()


def render(spec: DocSpec, root: Path, images: Sequence[bytes] = ()) -> Path:
    """Write `spec` under `root`; `images` is the pool its `images` count draws from."""
    path = root / spec.relpath
    picked = [images[i % len(images)] for i in range(spec.images)] if images else []
    _WRITERS[spec.fmt](spec, path, picked)
    stamp = spec.when.timestamp()
    os.utime(path, (stamp, stamp))
    return path


def _docx(spec: DocSpec, path: Path, images: list[bytes]) -> None:
    make_docx(
        path,
        title=spec.title,
        paragraphs=spec.paragraphs,
        headings=spec.headings,
        table=spec.table,
        header=spec.header,
        footer=spec.footer,
        author=spec.author,
        core_title=spec.core_title,
        created=spec.when,
        modified=spec.when,
        comment=spec.comment,
        template=spec.template,
        tracked_changes=spec.tracked_changes,
        images=images,
    )


def _xlsx(spec: DocSpec, path: Path, images: list[bytes]) -> None:
    make_xlsx(
        path,
        spec.rows,
        sheet_title=spec.sheet_title,
        creator=spec.author,
        extra_sheets=spec.extra_sheets,
    )


def _pptx(spec: DocSpec, path: Path, images: list[bytes]) -> None:
    make_pptx(path, spec.slides, author=spec.author, images=images)


def _pdf(spec: DocSpec, path: Path, images: list[bytes]) -> None:
    lines = [*([spec.title] if spec.title else []), *spec.paragraphs]
    if spec.table:
        lines += ["  ".join(row) for row in spec.table]
    make_pdf(
        path,
        [line.translate(_LATIN1) for line in lines],
        title=spec.core_title,
        author=spec.author,
        text_layer=spec.text_layer,
        scan_pages=images if not spec.text_layer else (),
    )


# Typographic dashes and quotes have Latin-1 stand-ins; with them a PDF needs no embedded font.
_LATIN1 = str.maketrans({"–": "-", "—": "-", "”": '"', "“": '"', "’": "'"})


def _eml(spec: DocSpec, path: Path, images: list[bytes]) -> None:
    make_eml(
        path,
        sender=spec.sender,
        to=spec.to,
        subject=spec.subject,
        body="\n\n".join(spec.paragraphs),
        sent_at=spec.when,
        attachments=spec.attachments,
    )


def _txt(spec: DocSpec, path: Path, images: list[bytes]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [*([spec.title] if spec.title else []), *spec.paragraphs]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


_WRITERS = {"docx": _docx, "xlsx": _xlsx, "pptx": _pptx, "pdf": _pdf, "eml": _eml, "txt": _txt}
