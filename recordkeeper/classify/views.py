"""PURE: the searchable places ("views") of one document, built once per document.

Each view is folded text (see `ruleset.classes.fold`) for one `Location`:
title, headings, a capped window of body text, file name, folders, template,
document properties, e-mail headers, attachment names and the file kind.
Capping the body text is what keeps classification cheap on huge files: the
head holds titles and purpose, the tail holds signatures and dates.

Two habits of real files are undone here, before any signal looks: a title
that is a tool's default (`scoring.untitled`: a scanner's "Scanned document",
Word's "Microsoft Word - x.docx") is no title, so the first line is read as a
heading; and a letter-spaced heading as OCR reads it ("J Ä V S D E K L A R A T I O N",
"D E K L A R A T I O N   O M   J Ä V") is read as the words it spells.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from operator import itemgetter

from recordkeeper.model import DocumentFacts, fast_constructor
from recordkeeper.ruleset.classes import Location, TextWindow, compile_patterns, fold

_CAMEL = re.compile(r"(?<=[a-zåäö])(?=[A-ZÅÄÖ])")
_SEPARATORS = re.compile(r"[_\-.+~()\[\]{}]+")
_VERSION_DOT = re.compile(r"(?<=\d)\.(?=\d)")  # `v0.3`: kept in one name word
_FIRST_LINE_CHARS = 160
# where `str.splitlines` breaks a line
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# four or more single letters separated by single spaces: a letter-spaced word
_SPACED_RUN = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")
_SPACED_GAP = re.compile(r"(?<=\b[^\W\d_]) (?=[^\W\d_]\b)")
# what such a run holds: a single letter with a space on each side (its second letter);
# starting with a space, `re` skips to the spaces: most lines fail here at once
_SPACED_LETTER = re.compile(r" [^\W\d_] ")
_WIDE_GAP = re.compile(r"[ \t]{2,}")
_PROPERTY_KEYS = ("subject", "keywords", "category", "description", "comments", "content_status")
# a mail forwarded inside the agency ("VB: …", "FW: …", "Fwd: …") carries another sender's
# message below the forward header: that sender is who the message is from
_FORWARD_SUBJECT = re.compile(r"^\s*(vb|fw|fwd|vs|wg|tr)\s*:", re.IGNORECASE)
_FORWARDED_FROM = re.compile(r"^[ \t>]*(?:från|from|von|de)\s*:[ \t]*(\S[^\n]*)$", re.I | re.M)
# a quoted reply's attribution line with the writer's address: "On Sun, 8 Mar 2026 at 20:14,
# Maria Lund <maria.lund@x.se> wrote:", "Den 5 mars 2026 skrev Lars Ek <lars.ek@x.se>:".
# The blanks are taken possessively (`*+`): giving some back could only lengthen the name,
# never make a line match, so the matches are the same, but a line of "on" and thousands
# of blanks no longer makes the engine try every split of them (2 MB: 9.4 s -> 0.3 s)
_WROTE = re.compile(
    r"^[ \t>]*+(?:on|den|am|le)\b[^\n<]{2,80}?[, ][ \t]*+(?:skrev[ \t]+)?"
    r"([^\n,<>]{0,60}<[^<>\s]+@[^<>\s]+>)[ \t]*(?:wrote|skrev|schrieb|a écrit)?[ \t]*:[ \t]*$",
    re.I | re.M,
)
# a quoted message's subject line, among the header lines below its "Från:"
_QUOTED_SUBJECT = re.compile(
    r"^[ \t>]*(?:ämne|subject|betreff|objet)\s*:[ \t]*([^\n]*)$", re.I | re.M
)
_HEADER_LINES = 6
# a mail printed to PDF (Outlook's "Skriv ut"): a line or two (the printing user's name), then
# the header lines "Från:", "Skickat:", "Till:", "Ämne:" (or "From:", "Sent:", "To:",
# "Subject:"), then the body. Read from the head of the text only.
_PRINTED_HEAD_CHARS = 800
# printed to PDF, or saved by Outlook's "Spara som" in text format (session 18)
_PRINTED_KINDS = frozenset({"pdf", "text"})
_PRINTED_START = re.compile(r"\s*(från|from)\s*:", re.I)
_PRINTED_FIELD = re.compile(
    r"^[ \t]*(från|from|skickat|sent|datum|date|till|to|kopia|cc|ämne|subject|bifogade filer|"
    r"bilagor|attachments)[ \t]*:[ \t]*([^\n]*)$",
    re.I | re.M,
)
_PRINTED_ROLES: dict[str, Location] = {
    "från": "email_sender", "from": "email_sender",
    "till": "email_recipient", "to": "email_recipient", "kopia": "email_recipient",
    "cc": "email_recipient",
    "ämne": "email_subject", "subject": "email_subject",
    "bifogade filer": "attachment", "bilagor": "attachment", "attachments": "attachment",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Views:
    """Folded text per location; empty string when the document has nothing there."""

    by_location: dict[Location, str]
    text: str  # the capped body text window, unfolded (personal-data detection)

    def get(self, location: Location) -> str:
        return self.by_location.get(location, "")


_new_views = fast_constructor(Views)  # one per document (see `model.fast_constructor`)
_VALUE = itemgetter(1)  # of a (location, text) pair


@functools.lru_cache(maxsize=1024)  # a folder's documents share it
def _folder_words(directory: str) -> str:
    """The `folder` view of a file in `directory` (a path without the file name): its
    folders' name words, one folder a line."""
    return "\n".join(name_words(f) for f in directory.split("/")) if directory else ""


@functools.lru_cache(maxsize=4096)  # folder names recur on every document in them
def name_words(name: str) -> str:
    """`Jävsdekl_AnnaS-v0.3.docx` -> `Jävsdekl Anna S v0.3 docx`: words for `\\b` patterns.

    The version dot survives so `v0.3` stays one token.
    """
    spaced = _CAMEL.sub(" ", name)
    spaced = _VERSION_DOT.sub("\x00", spaced)
    spaced = _SEPARATORS.sub(" ", spaced).replace("\x00", ".")
    return " ".join(spaced.split())


def unspace(line: str) -> str:
    """`D E K L A R A T I O N   O M   J Ä V` -> `DEKLARATION OM JÄV`; other text as it is.

    Only a line holding a run of four or more spaced single letters changes: there
    the single spaces between single letters go and wider gaps become word spaces.
    """
    if _SPACED_LETTER.search(line) is None or _SPACED_RUN.search(line) is None:
        return line
    return _WIDE_GAP.sub(" ", _SPACED_GAP.sub("", line))


@functools.lru_cache(maxsize=8)
def untitled_pattern(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """`scoring.untitled` compiled (once a process: ≈ 4.6 M instructions)."""
    return compile_patterns(patterns) if patterns else None


def tool_title(title: str, untitled: tuple[str, ...]) -> tuple[str, str]:
    """(the title, or "" when it is a tool's default; the source file name it names, if any)."""
    pattern = untitled_pattern(untitled)
    if pattern is None or not title:
        return title, ""
    stripped = title.strip()
    match = pattern.match(fold(stripped))  # folding keeps length: spans agree
    if match is None:
        return title, ""
    named = [k for k, v in match.groupdict().items() if k.startswith("source") and v]
    source = stripped[slice(*match.span(named[0]))] if named else ""
    return "", source


def _window(text: str, window: TextWindow) -> str:
    head, tail = window.head_chars, window.tail_chars
    if len(text) <= head + tail:
        return text
    return text[:head] + "\n" + (text[-tail:] if tail else "")


def _first_line(text: str) -> str:
    """The first non-empty line, unless it is a list item (a to-do list has no title).

    As the first line of `text[:2000].splitlines()` whose `strip()` is not empty, without
    splitting the rest: every line break is a space to `strip()`, so that line holds the
    first character that is no space, and ends at the next line break.
    """
    rest = text[:2000].lstrip()
    if not rest:
        return ""
    end = _LINE_BREAK.search(rest)
    stripped = (rest[: end.start()] if end else rest).rstrip()
    return "" if stripped[0] in "-*•–" else stripped[:_FIRST_LINE_CHARS]


def _meta(metadata: dict[str, str], *keys: str) -> list[str]:
    """The values of `keys` (lower-case) in `metadata` (keys lower-cased)."""
    return [str(metadata[k]) for k in keys if metadata.get(k)]


def _meta_value(metadata: dict[str, str], key: str) -> str:
    """`"\\n".join(_meta(metadata, key))`: the value of one key, or ""."""
    value = metadata.get(key)
    return str(value) if value else ""


def _who(party: str) -> tuple[str, str]:
    """`Maja Ström <maja.strom@x.se>` -> ("maja ström", "maja.strom@x.se"); either may be ""."""
    name, _, rest = party.partition("<")
    if not rest and "@" in name:
        return "", name.strip().casefold()
    return name.strip().strip('"').strip().casefold(), rest.partition(">")[0].strip().casefold()


def _sender(subject: str | None, text: str, sender: str | None) -> str:
    """Who a mail is from: for a forward, the first sender quoted in it who is not the
    forwarder; else (no one else quoted, or no forward) the mail's own sender.

    Someone forwarding a mail they sent themselves ("FW: Remiss …" to FK and NPO, the quoted
    "Från: Maja Ström") is that sender, with the address the quote lacks; a chain forwarded
    twice by the same person ("Fwd: Fwd: RE: declaration") is from whoever wrote below her
    own hops (session 13, issue #4).
    """
    return forwarded_sender(subject, text, sender) or sender or ""


def is_forward(subject: str | None) -> bool:
    """Whether a mail's subject says it forwards another message ("VB: …", "FW: …")."""
    return bool(subject) and _FORWARD_SUBJECT.match(subject or "") is not None


def forwarded_headers(text: str) -> str | None:
    """The text below a forwarded message's first "Från:"/"From:" line (its other header
    lines, then its body), or None when there is none."""
    found = _FORWARDED_FROM.search(text)
    return text[found.end() :] if found else None


def forwarded_sender(subject: str | None, text: str, forwarder: str | None = None) -> str | None:
    """Who wrote the message a forwarded mail carries ("Från:" below "VB: …"): the first
    quoted sender who is not `forwarder` (same address or name) and did not only pass the
    message on, or None.

    A quoted hop whose own subject is a forward ("Från: Per Sund … Ämne: VB: Intressedeklaration")
    passed on what its sender received: the writer is further down, at the next "Från:" or
    at a reply's attribution line with an address ("On …, Maria Lund <maria.lund@x.se>
    wrote:"). When every quoted sender only passed it on, the first of them who is not the
    forwarder is the answer, as before (session 14, issue #4: a declaration written in a
    mail's body, forwarded twice before it reached the registrar).
    """
    if not subject or not _FORWARD_SUBJECT.match(subject):
        return None
    name, address = _who(forwarder or "")
    fallback: str | None = None
    for quoted, passed_on in _quoted_senders(text):
        q_name, q_address = _who(quoted)
        if (q_address and q_address == address) or (q_name and q_name == name):
            continue
        if not passed_on:
            return quoted
        fallback = fallback or quoted
    return fallback


def _quoted_senders(text: str) -> list[tuple[str, bool]]:
    """The senders quoted in `text`, nearest first: (who, whether that hop only forwarded
    what it received). A reply's attribution line counts only below a forward's header."""
    found = [(m.start(), m.end(), m.group(1).strip(), True) for m in _FORWARDED_FROM.finditer(text)]
    if not found:
        return []
    first = found[0][0]
    found += [(m.start(), m.end(), m.group(1).strip(), False) for m in _WROTE.finditer(text, first)]
    found.sort()
    out = []
    for _, end, who, header in found:
        passed_on = False
        if header:
            block = text[end : end + 400].split("\n\n", 1)[0]
            block = "\n".join(block.split("\n")[:_HEADER_LINES])
            quoted_subject = _QUOTED_SUBJECT.search(block)
            passed_on = bool(quoted_subject and _FORWARD_SUBJECT.match(quoted_subject.group(1)))
        out.append((who, passed_on))
    return out


def build_views(facts: DocumentFacts, window: TextWindow, untitled: tuple[str, ...] = ()) -> Views:
    """Every searchable place of `facts`, folded and capped.

    `untitled`: patterns of titles that are a tool's default (`scoring.untitled`).
    """
    text = _window(facts.text or "", window)
    metadata = {k.lower(): v for k, v in facts.metadata.items()}
    title, source = tool_title(facts.title or _meta_value(metadata, "title"), untitled)
    headings = facts.headings
    if not title and not facts.email:
        # a first line is only probably a title: it counts as a heading
        headings = (_first_line(text), *headings)
    if title:
        title = unspace(title)
    directory, _, name = facts.path.rpartition("/")  # `facts.folders`, `facts.name`
    stem, _, ext = name.rpartition(".")
    filename = name_words(stem or name) + (f" {ext}" if stem else "")
    if source:  # "Microsoft Word - 04 Jäv - Karin Wiik.docx": the name it was printed from
        filename += "\n" + name_words(source)
    email = facts.email
    views: dict[Location, str] = {
        "title": title,
        "headings": "\n".join(filter(None, map(unspace, headings))) if headings else "",
        "content": text,
        "filename": filename,
        "folder": _folder_words(directory),
        "template": _meta_value(metadata, "template"),
        "property": "\n".join(_meta(metadata, *_PROPERTY_KEYS)) if metadata else "",
        "kind": facts.kind,
    }
    if email is None and facts.kind in _PRINTED_KINDS:
        views.update(printed_mail(text))
    if email is not None:
        views["email_subject"] = email.subject or ""
        views["email_sender"] = _sender(email.subject, text, email.sender)
        views["email_recipient"] = "\n".join((*email.recipients, *email.cc))
        views["attachment"] = "\n".join(name_words(a) for a in email.attachment_names)
        # an e-mail's title is its subject, searched as `email_subject`; its
        # first body line ("Hej!") is no title
        if not facts.title or facts.title == email.subject:
            views.pop("title", None)
    return _new_views(_folded(views), text)


def printed_mail(text: str) -> dict[Location, str]:
    """The mail header of a mail printed to PDF, as the places a mail has ({} for others).

    A printed mail's header starts within its first three lines with "Från:"/"From:" and
    holds a subject line ("Ämne:"/"Subject:") and a date or recipient line, one per line
    without a gap: the places the subject and sender of a saved mail fill.
    """
    lines = text[:_PRINTED_HEAD_CHARS].split("\n")
    start = next(
        (n for n, line in enumerate(lines[:3]) if _PRINTED_START.match(line)),
        None,
    )
    if start is None:
        return {}
    found: dict[Location, list[str]] = {}
    keys: list[str] = []
    for line in lines[start : start + 7]:
        match = _PRINTED_FIELD.match(line)
        if match is None:
            break
        key = match.group(1).lower()
        keys.append(key)
        role = _PRINTED_ROLES.get(key)
        if role is not None and match.group(2).strip():
            found.setdefault(role, []).append(match.group(2).strip())
    others = {"skickat", "sent", "datum", "date", "till", "to"}
    if "email_subject" not in found or not others.intersection(keys):
        return {}
    out: dict[Location, str] = {}
    for role, values in found.items():
        if role == "attachment":
            values = [name_words(v) for part in values for v in part.split(";")]
        out[role] = "\n".join(values)
    return out


def _folded(views: dict[Location, str]) -> dict[Location, str]:
    """`{loc: fold(value) for loc, value in views.items() if value}`, folding once:
    `fold` keeps length, so each value is its slice of the folded whole."""
    places = list(filter(_VALUE, views.items()))
    whole = "".join(map(_VALUE, places))
    folded = fold(whole)
    if folded is whole:  # nothing to fold (ASCII): the values as they are
        return dict(places)
    out: dict[Location, str] = {}
    at = 0
    for loc, value in places:
        end = at + len(value)
        out[loc] = folded[at:end]
        at = end
    return out
