"""A conflict-of-interest declaration with a name and a personnummer, for the tests of
the personal-data and registration stages on a real share."""

from __future__ import annotations

from pathlib import Path

from recordkeeper.samples.builders import make_docx

PNR = "19850101-1236"  # valid check digit
DECLARATION = Path("P") / "Jäv" / "jävsdeklaration.docx"


def make_declaration(share: Path, *more: str) -> Path:
    """Karin Ek's declaration in project P, with her personnummer and `more` lines."""
    path = share / DECLARATION
    make_docx(
        path,
        title="Jävsdeklaration",
        paragraphs=["Jag intygar att jag saknar bindningar.", "Namnförtydligande: Karin Ek",
                    f"Personnummer: {PNR}", *more],
    )  # fmt: skip
    return path
