"""A document's views built cheaply are the views of the plain definition.

`build_views` reads a file's folders once per directory (`_folder_words`), the first line
without splitting the whole head (`_first_line`), metadata values without lists, headings
without a tuple per document, and drops empty places without comprehensions. These tests
hold it to the plain definition (session 16's code, kept here): the same places with the
same folded text, in the same order, on documents that vary one thing at a time, and the
first line against `splitlines` on texts made of every line break and space `str` knows.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from recordkeeper.classify.views import (
    _first_line,
    _folder_words,
    _sender,
    build_views,
    name_words,
    printed_mail,
    tool_title,
    unspace,
)
from recordkeeper.model import DocumentFacts, EmailFacts
from recordkeeper.ruleset.classes import Location, TextWindow, fold
from recordkeeper.ruleset.load import load_ruleset

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")
WINDOW = RULES.scoring.text_window
UNTITLED = RULES.scoring.untitled
_PROPERTY_KEYS = ("subject", "keywords", "category", "description", "comments", "content_status")


def _plain_first_line(text: str) -> str:
    for line in text[:2000].splitlines():
        stripped = line.strip()
        if stripped:
            return "" if stripped[0] in "-*•–" else stripped[:160]
    return ""


def _plain_views(facts: DocumentFacts, window: TextWindow) -> tuple[list[tuple[str, str]], str]:
    text = facts.text or ""
    head, tail = window.head_chars, window.tail_chars
    if len(text) > head + tail:
        text = text[:head] + "\n" + (text[-tail:] if tail else "")
    metadata = {k.lower(): v for k, v in facts.metadata.items()}

    def meta(*keys: str) -> list[str]:
        return [str(metadata[k]) for k in keys if metadata.get(k)]

    title, source = tool_title(facts.title or next(iter(meta("title")), ""), UNTITLED)
    headings = facts.headings
    if not title and not facts.email:
        headings = (_plain_first_line(text), *headings)
    title, headings = unspace(title), tuple(unspace(h) for h in headings)
    stem, _, ext = facts.name.rpartition(".")
    filename = name_words(stem or facts.name) + (f" {ext}" if stem else "")
    if source:
        filename += "\n" + name_words(source)
    email = facts.email
    views: dict[Location, str] = {
        "title": title,
        "headings": "\n".join(h for h in headings if h),
        "content": text,
        "filename": filename,
        "folder": "\n".join(name_words(f) for f in facts.folders),
        "template": "\n".join(meta("template")),
        "property": "\n".join(meta(*_PROPERTY_KEYS)),
        "kind": facts.kind,
    }
    if email is None and facts.kind == "pdf":
        views.update(printed_mail(text))
    if email is not None:
        views["email_subject"] = email.subject or ""
        views["email_sender"] = _sender(email.subject, text, email.sender)
        views["email_recipient"] = "\n".join((*email.recipients, *email.cc))
        views["attachment"] = "\n".join(name_words(a) for a in email.attachment_names)
        if not facts.title or facts.title == email.subject:
            views.pop("title", None)
    return [(loc, fold(value)) for loc, value in views.items() if value], text


PATHS = [
    "Jävsdekl_AnnaS-v0.3.docx", "NPO/Möten/protokoll 2024-03-01.docx", "/rot.pdf",
    "a//b/Dokument1.docx", "Projekt/Jäv/", "Projekt/utan punkt",
]  # fmt: skip
TITLES = [None, "", "Microsoft Word - 04 Jäv - Karin Wiik.docx", "J Ä V S D E K L A R A T I O N"]
METADATA = [
    {},
    {"Title": "Protokoll", "Template": "Normal.dotm", "Subject": "Jäv", "keywords": "npo"},
    {"title": "", "TEMPLATE": "", "Description": "Beslutsstöd – FMB", "created": "2024"},
]
HEADINGS = [(), ("",), ("D E K L A R A T I O N   O M   J Ä V", "", "Bakgrund")]
TEXTS = [
    "", " \n\t\u2028 ", "\n\n  - ring Anna\nsedan", "Från: Maja Ström\nSkickat: 1 mars\n"
    "Till: NPO\nÄmne: Jävsdeklaration\n\nHej", "Protokoll\r\nfört vid möte – beslut" * 400,
]  # fmt: skip
MAIL = EmailFacts(
    sender="Per Sund <per.sund@x.se>", recipients=("npo@x.se",), cc=("k@x.se",),
    subject="VB: Intressedeklaration", attachment_names=("Jävsdekl_Karin.pdf",),
)  # fmt: skip


def _documents() -> list[DocumentFacts]:
    rng = random.Random(7)
    grid = list(itertools.product(PATHS, TITLES, METADATA, HEADINGS, TEXTS, ("docx", "pdf", "eml")))
    out = []
    for path, title, metadata, headings, text, kind in rng.sample(grid, 600):
        email = MAIL if kind == "eml" and rng.random() < 0.7 else None
        facts = DocumentFacts(
            path=path, size=len(text), sha256="0" * 64, kind=kind, text=text, title=title,
            headings=headings, metadata=metadata, email=email,
        )  # fmt: skip
        out.append(facts)
    return out


def test_views_are_the_plain_definitions() -> None:
    for facts in _documents():
        views = build_views(facts, WINDOW, UNTITLED)
        places, text = _plain_views(facts, WINDOW)
        assert list(views.by_location.items()) == places, facts
        assert views.text == text


def test_a_folder_view_is_its_folders_name_words() -> None:
    for path in [*PATHS, "", "/", "a/", "//x", "Ä/B_c-d/e.f/g.docx"]:
        facts = DocumentFacts(path=path, size=0, sha256="0" * 64, kind="docx")
        plain = "\n".join(name_words(f) for f in facts.folders)
        assert _folder_words(path.rpartition("/")[0]) == plain, path


def test_the_first_line_is_the_first_non_blank_line_of_splitlines() -> None:
    breaks = [chr(c) for c in range(0x3000) if len(f"a{chr(c)}b".splitlines()) > 1]
    spaces = [chr(c) for c in range(0x3000) if chr(c).isspace()]
    assert "\x1e" in breaks and "\u2029" in breaks and "\x1f" in spaces
    alphabet = [*breaks, *spaces, "\r\n", "a", "Ö", "-", "*", "•", "–", "x" * 170]
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        if rng.random() < 0.05:
            text = " " * rng.randint(1990, 2010) + text  # the first line beyond the head
        assert _first_line(text) == _plain_first_line(text), repr(text)
