"""Find a project's people (experts, RG members, patient representative) in its documents.

Pure: documents in, people out. Sources, in the order they are read:
- the subject of a declaration or agreement ("Namn: Karin Ek", the file name
  "Jävsdeklaration_Karin_Ek.pdf", the title, the sender of an e-mailed declaration);
- member and participant lists: a line or heading naming a role ("Projektgrupp",
  "Rekommendationsgrupp", "Patientrepresentant: ...") followed by names, and
  table rows with a role column;
- e-mails: the recipients of a survey or of a message whose subject names a role.
Names after a staff label ("Projektledare: ...") are the agency's own staff and
are left out. Mentions are merged with `names.same_person`; a project file's
people, when given, are the authoritative list and the mentions attach to them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from recordkeeper.classify.views import forwarded_sender
from recordkeeper.process.names import (
    NameKey,
    display_form,
    display_score,
    parse_name,
    same_person,
)
from recordkeeper.process.text import (
    ClassifiedDocument,
    DocView,
    any_needle,
    fold,
    needles,
    padded,
)
from recordkeeper.ruleset.process import ProcessRules, Role, name_noise_pattern

# Words that start with a capital in lists but are never part of a person's name.
# (Not "Lund": a common surname as well as a city; "Hanna Lund" is a person, issue #4.)
_NOT_NAME_WORDS = frozenset(
    fold(w)
    for w in """
    region regionen socialstyrelsen försäkringskassan fk npo sakkunnig sakkunniga
    projektgrupp projektgruppen rekommendationsgrupp rekommendationsgruppen patient
    patientförening patientrepresentant överläkare specialistläkare läkare sjuksköterska
    fysioterapeut arbetsterapeut psykolog kurator professor docent universitet
    universitetssjukhus sjukhus sjukhuset klinik kliniken vårdcentral vårdcentralen
    karolinska sahlgrenska akademiska landsting kommun förbund föreningen förening
    riksförbund möte mötet datum plats tid deltagare närvarande frånvarande mottagare namn
    roll organisation e-post epost telefon ordförande sekreterare sammankallande avtal
    jävsdeklaration deklaration ersättning uppdrag enkät enkäten svar bilaga version utkast
    slutversion och med för av till i på om den det en ett stockholm göteborg malmö uppsala
    är var blir kan ska bör måste
    linköping örebro umeå västra götaland skåne halland dalarna gävleborg norrbotten
    jämtland kalmar kronoberg blekinge värmland västmanland södermanland östergötland
    jönköping gotland västerbotten västernorrland medicinsk medicinska fmb icf par midas
    inera vips ec ac gd rg pg the and of for rekrytera
    hej hi dear bäste hei kjære tack mvh hälsningar vänliga vänlig bästa regards jd
    underskrivet underskriven undertecknat undertecknad signerad signerat sign
    projektledare projektledaren allmänläkare distriktsläkare företagsläkare överläkaren
    audiolog ortoped psykiater reumatolog samordnare enhetschef handläggare utredare
    registrator engagement letter respondent respondenter id
""".split()  # noqa: SIM905  (a word list reads best as text)
)
# organisations: "Patientföreningen Ryggen", "Regionsjukhuset", "Reumatikerförbundet"
_NOT_NAME_PREFIXES = tuple(
    fold(w)
    for w in (
        "patient", "region", "förening", "förbund", "sjukhus", "universitet", "klinik",
        "vårdcentral", "landsting", "kommun", "socialstyrelse", "försäkringskass",
        "riksförbund", "myndighet", "avdelning", "enhet", "stiftelse",
    )
)  # fmt: skip
# a clinic's specialty after its hospital: "HUS Reumatologi", "HUS Plastikkirurgi" (sessions
# 15-16; no surname ends so), and a hospital in one word: "Rigshospitalet København",
# "Haukeland sykehus" (session 17)
_NOT_NAME_SUFFIXES = tuple(
    fold(w)
    for w in (
        "logi", "kirurgi", "medicin", "iatri", "mottagning",
        "hospital", "hospitalet", "sjukhus", "sjukhuset", "sygehus", "sygehuset", "sykehus",
        "sykehuset",
    )
)  # fmt: skip
_NAME_WORD = re.compile(
    r"^(?:[A-ZÅÄÖÆØÉÈÜÁÍÓÚ][a-zåäöæøéèüáíóúß'’]+(?:-[A-ZÅÄÖÆØÉÈÜ][a-zåäöæøéèüáíóúß'’]+)?|[A-ZÅÄÖ]\.?)$"
)
_CAPS_WORD = re.compile(r"^[A-ZÅÄÖÆØÉÈÜ]{2,}(?:-[A-ZÅÄÖÆØÉÈÜ]{2,})?$")
# lower-case particles inside a name: "Karl-Erik von Essen", "Björn af Klinteberg" (never
# first or last; not "av", which is also the Swedish "of")
_PARTICLES = frozenset({"af", "von", "van", "der", "den", "de", "du", "da", "di", "la", "le", "zu"})
_LABEL = re.compile(r"^\s*(?:[-•*–·]\s*)?([^:|\t]{2,60}?)\s*[:：]\s*(.+)$")
_CELL_SPLIT = re.compile(r"\t|\s\|\s|\|| {3,}|;")
_BULLET = re.compile(r"^\s*(?:[-•*–·]|\d{1,2}[.)])\s*")
_SUBJECT_LABELS = (
    "namn",
    "name",
    "deklarant",
    "uppdragstagare",
    "konsult",
    "undertecknad",
    "namnförtydligande",
    "sakkunnig",
    "ledamot",
    "expert",
    "patientrepresentant",
    "navn",  # Norwegian forms (session 15)
)
# the labels that name the person outright (a register order "Nilsson Ek, Lena" may follow)
_NAME_LABELS = frozenset(fold(x) for x in ("namn", "name", "navn", "namnförtydligande"))
_NAME_THEN_PLACE = re.compile(r"^(\S+ \S+), \S+$")
_ADDRESS = re.compile(r"^\s*\"?([^\"<]*?)\"?\s*<([^>]+)>\s*$")
_MAX_LIST_GAP = 3
_LOOKAHEAD = 4
_ROW_CELLS = 8  # a declarations sheet's row: the cells after the name read for a role
_MAX_CELL = 60  # longer lines are prose, not the cells of a row
_GREETING = re.compile(
    r"(?i)^(?:vänliga|vanliga|med vänlig|bästa|hälsningar|halsningar|mvh|kind regards|best regards"
    r"|regards|sincerely)\b"
)
# "... och Anna Persson, personnummer ... (uppdragstagare)" or "(uppdragstagaren)" (session
# 15's .odt) in an agreement; in English
# "Between Socialstyrelsen and Henrik Dahlberg (the expert)"
_CONTRACTOR = re.compile(
    r"\boch\s+([A-ZÅÄÖÉ][\w'’-]+(?:\s+(?:(?:af|von|van|de|den|der)\s+)?[A-ZÅÄÖÉ][\w'’-]+){1,3})"
    r"\s*(?:,[^()\n]{0,80})?\((?:uppdragstagaren?|nedan\s+(?:kallad|benämnd|kallas)\b[^)]{0,40})\)"
    r"|\band\s+([A-ZÅÄÖÉ][\w'’-]+(?:\s+[A-ZÅÄÖÉ][\w'’-]+){1,3})\s*(?:,[^()\n]{0,80})?"
    r"\((?:the\s+)?(?:expert|consultant|contractor)\)"
    # the party named last on the line: "between the National Board of Health and Welfare
    # and Farid Amini", "mellan Socialstyrelsen och Anna Persson" (session 11)
    r"|\b(?:between|mellan)\s+[^\n]{2,80}?\s+(?:and|och)\s+"
    r"([A-ZÅÄÖÉ][\w'’-]+(?:\s+[A-ZÅÄÖÉ][\w'’-]+){1,3})[ \t.]*(?=\n|\Z)"
)
# register order with a double surname: "Nilsson Ek, Anna Olof" (a "-sson" name is a surname)
_PATRONYMIC = re.compile(r"(?i)^[^\W\d_]+sson$")
_SPREADSHEETS = frozenset({"xlsx", "xls", "ods", "csv"})
# a sentence ends after a word of two or more lower-case letters ("K. Ek" is not an end)
_SENTENCE_END = re.compile(r"(?:(?<=[a-zåäöéü]{2}\.)|(?<=\)\.))\s+(?=[A-ZÅÄÖÉ])")
_LIST_SPLIT = re.compile(r",|;|\s+(?:och|and|samt|&)\s+")
_NAME_IN_BRACKETS = re.compile(
    r"([A-ZÅÄÖÉ][\w'’-]+(?:\s+(?:(?:af|von|van|de|den|der)\s+)?[A-ZÅÄÖÉ][\w'’-]+){1,3})"
    r"\s*\(([^()]{1,80})\)"
)
_FIELD_GAP = re.compile(r"\t| {3,}")
# a list's last given name at a line's end, its surname first on the next line
_WRAPPED_GIVEN = re.compile(r"(?:,|\s(?:och|and))\s+[A-ZÅÄÖÉ][a-zåäöéü]+$")
_WRAPPED_SURNAME = re.compile(
    r"[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?(?=\s+(?:och|and)\s|[,.;])"
)


@dataclass(slots=True)
class Mention:
    """One name found in one document, with the role that context gives it."""

    raw: str
    key: NameKey
    path: str
    roles: set[str] = field(default_factory=set)
    subject: bool = False  # the person the document is about (declaration, agreement)
    weak_roles: set[str] = field(default_factory=set)  # used only if nothing stronger is known


@dataclass(slots=True)
class Person:
    """A person of the project: display name, roles, where they were seen.

    `subject_of` lists the documents about this person (their declarations and
    agreements), by path; `explicit` is True when the project file names them.
    """

    name: str
    key: NameKey
    roles: set[str] = field(default_factory=set)
    seen_in: set[str] = field(default_factory=set)
    subject_of: set[str] = field(default_factory=set)
    aliases: list[str] = field(default_factory=list)
    explicit: bool = False
    weak_roles: set[str] = field(default_factory=set)

    def matches(self, key: NameKey) -> bool:
        if same_person(self.key, key):
            return True
        return any(same_person(k, key) for k in _alias_keys(self.aliases))


def _alias_keys(aliases: Iterable[str]) -> list[NameKey]:
    return [k for k in (parse_name(a) for a in aliases) if k is not None]


def looks_like_name(raw: str, *, lenient: bool = False) -> bool:
    """Two to four capitalised words (or initials, or an all-caps surname), none of them a
    common non-name word. `lenient` also accepts lower case (a value after a name label)."""
    text = display_form(raw.strip().strip(".,;:"))
    words = text.split()
    if not 2 <= len(words) <= 4:
        return False
    inner = words[1:-1]
    if any(w in _PARTICLES for w in inner):
        if len(words) < 3 or sum(1 for w in inner if w in _PARTICLES) > 1:
            return False
        words = [words[0], *(w for w in inner if w not in _PARTICLES), words[-1]]
    if lenient:
        # each part of a hyphenated word capitalised: "nilsson-ahlqvist" -> "Nilsson-Ahlqvist"
        if not all(_NAME_WORD.match(_capitalised(w)) for w in words):
            return False
    elif not all(_NAME_WORD.match(w) or _CAPS_WORD.match(w) for w in words):
        return False
    if sum(1 for w in words if len(w.rstrip(".")) > 1) < 1:
        return False
    if len(words[-1].rstrip(".")) == 1 and len(words[0].rstrip(".")) == 1:
        return False
    if all(len(w.rstrip(".")) <= 3 and w.isupper() for w in words):
        return False  # abbreviations and initials only ("KOL_AVT_AL" names no one, session 14)
    return not any(_not_name_word(fold(w.rstrip("."))) for w in words)


def _capitalised(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _not_name_word(word: str) -> bool:
    return (
        word in _NOT_NAME_WORDS
        or word.startswith(_NOT_NAME_PREFIXES)
        or word.endswith(_NOT_NAME_SUFFIXES)
    )


RoleNeedles = tuple[tuple[str, tuple[str, ...]], ...]


def _role_needles(roles: Sequence[Role], *, folders: bool = False) -> RoleNeedles:
    """Each role's phrases; `folders`: with those that count only in a folder's name."""
    return tuple(
        (role.id, needles((*role.signals, *(role.folder_signals if folders else ()))))
        for role in roles
    )


def _role_of(text_padded: str, roles: RoleNeedles) -> str | None:
    """The first role (in rule-file order) whose signal occurs in the text."""
    for role_id, wanted in roles:
        if any_needle(text_padded, wanted):
            return role_id
    return None


_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_BRACKETS = re.compile(r"\s*<[^>]*>")


def _label_match(line: str) -> re.Match[str] | None:
    """`_LABEL.match`, skipping the regex (it backtracks) on lines without a colon."""
    return _LABEL.match(line) if ":" in line or "：" in line else None


def _name_from_cell(cell: str, *, lenient: bool = False) -> str | None:
    """'Karin Ek, överläkare, Region Skåne' -> 'Karin Ek'; 'Ek, Karin' -> 'Ek, Karin'."""
    if not lenient and cell.lower() == cell:
        return None  # a name needs a capital letter (`looks_like_name`): most prose has none
    cell = _BULLET.sub("", cell).strip().strip(".;")
    if "(" in cell:
        cell = _PARENTHESIS.sub("", cell)  # "Karin Ek (Region Skåne)"
    if "<" in cell:
        cell = _BRACKETS.sub("", cell)  # "Karin Ek <karin.ek@...>"
    names = _split_names(cell, lenient=lenient)
    return names[0] if names else None


def _split_names(value: str, *, lenient: bool = False) -> list[str]:
    """Names in a list: 'Karin Ek, Lars Berg och Ek, Anna' -> three names.

    A single word followed by one or two words is the register order 'Ek, Karin'.
    Segments that are titles or places ('överläkare', 'Region Skåne') are skipped.
    """
    segments = [s.strip().strip(".") for s in _LIST_SPLIT.split(value)]
    segments = [s for s in segments if s]
    out: list[str] = []
    index = 0
    while index < len(segments):
        segment = segments[index]
        following = segments[index + 1] if index + 1 < len(segments) else ""
        words, next_words = len(segment.split()), len(following.split())
        register = words == 1 and 1 <= next_words <= 2  # "Ek, Karin"
        # ... but a lower-case word before a name is a title: "allmänläkare; Lisa Dahl"
        register &= not (segment[:1].islower() and following[:1].isupper())
        # "Nilsson Ek, Anna Olof": a patronymic first word is no given name
        register |= (
            words == 2
            and 1 <= next_words <= 2
            and bool(_PATRONYMIC.match(segment.split()[0]))
            and following[:1].isupper()
        )
        # after a name label, a double surname too: "Namn: Nilsson Ek, Lena" (a capital:
        # "Namn: Karin Sjöberg, ortoped" is a name and a title)
        register |= (
            lenient
            and len(segments) == 2
            and (words, next_words) == (2, 1)
            and following[:1].isupper()
        )
        if register:
            candidate = f"{segment}, {following}"
            if looks_like_name(candidate, lenient=lenient):
                out.append(candidate)
                index += 2
                continue
        if looks_like_name(segment, lenient=lenient):
            out.append(segment)
        index += 1
    return out


def _without_place(name: str) -> str:
    """'Mikaela Lindroos, Helsingfors' -> 'Mikaela Lindroos' (two words, then one)."""
    match = _NAME_THEN_PLACE.match(name)
    return match.group(1) if match else name


def _names_in_value(value: str) -> list[str]:
    """Names in a label's value (lenient about case: the label says a name follows)."""
    value = _PARENTHESIS.sub("", value)
    value = _BRACKETS.sub("", value)
    return _split_names(value, lenient=True)


def _name_from_address(address: str) -> str | None:
    """'Karin Ek <karin.ek@x.se>' -> 'Karin Ek'; 'karin.ek@x.se' -> 'Karin Ek'."""
    match = _ADDRESS.match(address)
    display, mail = (match.group(1), match.group(2)) if match else ("", address)
    if display and looks_like_name(display):
        return display
    local = mail.split("@", 1)[0]
    parts = [p for p in re.split(r"[._-]", local) if p.isalpha() and len(p) > 1]
    if 2 <= len(parts) <= 3:
        guess = " ".join(p.capitalize() for p in parts)
        return guess if looks_like_name(guess) else None
    return None


@dataclass(frozen=True, slots=True)
class _Text:
    """What one line or label says: its folded words, a staff label, a role."""

    folded: str
    staff: bool
    role: str | None


class _Finder:
    """Collects mentions from one project's documents."""

    def __init__(self, rules: ProcessRules) -> None:
        self.roles = _role_needles(rules.roles)  # phrases folded once per project
        self.folder_roles = _role_needles(rules.roles, folders=True)
        self.staff = needles(tuple(rules.staff_labels))
        self.noise = name_noise_pattern(rules.name_noise_words)  # compiled once per rule set
        self.subject_classes = {c for r in rules.roles for c in r.from_classes}
        self.subject_classes |= {
            c for s in rules.steps for e in s.evidence if e.per_person for c in e.classes
        }
        self.subject_names = [
            e.named for s in rules.steps for e in s.evidence if e.per_person and e.named
        ]
        self.class_roles = {c: r.id for r in rules.roles for c in r.from_classes}
        self.recipient_roles = {c: r.id for r in rules.roles for c in r.recipients_of}
        self.listed_roles = {c: r.id for r in rules.roles for c in r.listed_in}
        self.staff_domains = tuple(d.lower().lstrip("@") for d in rules.staff_email_domains)
        self.asks_for_names = needles(tuple(rules.asks_for_names))
        self.subject_labels = {fold(x) for x in _SUBJECT_LABELS}
        self.mentions: list[Mention] = []
        # (folded surname, path): a declaration or agreement named by a surname alone
        self.surnames: list[tuple[str, str]] = []
        self.staff_keys: list[NameKey] = []
        # A project's documents repeat their forms, headings and signatures line for
        # line (a 200-file project has ~300 distinct cells in ~1,250): each distinct
        # text is analysed once per project, not once per document.
        self._cells: dict[str, str | None] = {}
        self._values: dict[str, tuple[str, ...]] = {}
        self._texts: dict[str, _Text] = {}

    def _cell(self, cell: str) -> str | None:
        """`_name_from_cell`, once per distinct cell."""
        if cell not in self._cells:
            self._cells[cell] = _name_from_cell(cell)
        return self._cells[cell]

    def _names_in(self, value: str) -> tuple[str, ...]:
        """`_names_in_value`, once per distinct value."""
        found = self._values.get(value)
        if found is None:
            found = self._values[value] = tuple(_names_in_value(value))
        return found

    def _text(self, text: str) -> _Text:
        """The folded text, whether it names staff, and its role; once per distinct text."""
        found = self._texts.get(text)
        if found is None:
            folded = fold(text)
            text_padded = f" {folded} "
            found = _Text(
                folded, any_needle(text_padded, self.staff), _role_of(text_padded, self.roles)
            )
            self._texts[text] = found
        return found

    def add(
        self,
        raw: str,
        path: str,
        roles: Iterable[str] = (),
        subject: bool = False,
        weak_roles: Iterable[str] = (),
    ) -> None:
        key = parse_name(raw)
        if key is None:
            return
        self.mentions.append(Mention(raw, key, path, set(roles), subject, set(weak_roles)))

    def staff_name(self, raw: str) -> None:
        key = parse_name(raw)
        if key is not None:
            self.staff_keys.append(key)

    def read(self, doc: ClassifiedDocument, view: DocView | None = None) -> None:
        if _is_spreadsheet(doc) and doc.facts.kind == "text":
            lines = _csv_cells(doc.facts.text)  # one cell per line, as a workbook's text reads
        else:
            lines = [
                part
                for line in _unwrapped(doc.facts.text.splitlines())
                for part in _SENTENCE_END.split(line)
            ]
        folder_role = _role_of(padded(" ".join(doc.facts.folders)), self.folder_roles)
        if doc.doc_class in self.subject_classes or self._named_subject(view or DocView(doc)):
            # a declaration or agreement is about one person: its other names are
            # signatories and employers, not members
            self._subjects(doc, lines, folder_role)
            return
        # a list's role: the class's, else the document's own title ("Rekommendationsgruppens
        # sammansättning" over a table headed "Namn | Yrke | Region"), else its folder's
        title_role = _role_of(padded(doc.facts.title or ""), self.roles)
        default = self.listed_roles.get(doc.doc_class) or title_role or folder_role
        self._lists(doc, lines, default)
        if doc.facts.email is not None:
            self._email(doc)

    def _subject_label(self, label: str) -> bool:
        """'Namn', or a bilingual form's 'Name / Namn'."""
        if fold(label) in self.subject_labels:
            return True
        return "/" in label and any(fold(p) in self.subject_labels for p in label.split("/"))

    def _named_subject(self, view: DocView) -> bool:
        if not self.subject_names:
            return False
        return any(view.matches(t.any, t.fields) for t in self.subject_names)

    def _subjects(self, doc: ClassifiedDocument, lines: list[str], folder_role: str | None) -> None:
        """The person a declaration or agreement is about. The role comes from the
        class (strong), else from the folder or the text (weak: a declaration form
        may say "sakkunnig" whoever fills it in, and one folder "Experts" may hold
        the declarations of both groups, issue #4); a list naming the person wins."""
        strong = self.class_roles.get(doc.doc_class)
        weak = None if strong else folder_role
        weak = weak or (None if strong else _role_of(padded(doc.facts.text[:20_000]), self.roles))
        roles = {strong} if strong else set()
        weak_roles = {weak} if weak else set()
        names: list[str] = []
        for i, line in enumerate(lines[:400]):
            match = _label_match(line)
            if match and self._subject_label(match.group(1)):
                # a form line may hold more fields: "Namn: Karin Ek    Befattning: ..."
                found = self._names_in(_FIELD_GAP.split(match.group(2), maxsplit=1)[0])
                if fold(match.group(1)) not in _NAME_LABELS:
                    # after a role label a word after the name is a place: "Uppdragstagare:
                    # Mikaela Lindroos, Helsingfors" (session 15), not "Nilsson Ek, Lena"
                    found = tuple(_without_place(n) for n in found)
                names += found
            elif i + 1 < len(lines) and fold(line.strip().rstrip(":")) in self.subject_labels:
                # a form as a table: the label's cell, then the value's cell on the next line
                names += [n for n in self._names_in(lines[i + 1]) if looks_like_name(n)]
        for m in _CONTRACTOR.finditer(doc.facts.text[:20_000]):
            first, second, last_party = m.groups()
            # the party last on a line may be a company ("... and NordMed Consulting AB")
            if first or second or looks_like_name(last_party):
                names.append(first or second or last_party)
        row_roles: dict[str, str] = {}
        if not names and _is_spreadsheet(doc):
            # a web form's export: one row per declarant, one cell per line; a role in the
            # row ("Patient representative", "Patientföreträdare") is that declarant's
            for i, line in enumerate(lines[:400]):
                name = self._cell(line.strip())
                if name is None:
                    continue
                rest = _row_continuation(lines[i + 1 : i + 1 + _ROW_CELLS], self._cell)
                about = self._text(" ".join(rest)) if rest else None
                if about is not None and about.staff:
                    self.staff_name(name)
                    continue
                if about is not None and about.role and not strong:
                    row_roles[name] = about.role
                names.append(name)
        if not names:
            for source in (doc.facts.title or "", _stem(doc.facts.name)):
                from_title = _name_after_class_words(source, self.noise)
                if from_title:
                    names.append(from_title)
                    break
        if not names and len(doc.facts.folders) > 1:
            # a folder per person: "Sakkunniga/Eva Nilsson-Ahlqvist/Avtal.pdf"
            folder = doc.facts.folders[-1]
            from_folder = (
                folder if looks_like_name(folder) else _name_after_class_words(folder, self.noise)
            )
            if from_folder:
                names.append(from_folder)
        email = doc.facts.email
        if not names and email is not None and email.sender:
            # a forwarded mail is about whoever wrote what it carries (a declaration written
            # in a mail's body and forwarded twice, session 14), not about the colleague who
            # forwarded it
            writer = forwarded_sender(email.subject, doc.facts.text, email.sender) or email.sender
            sender = _name_from_address(writer)
            if sender and not self._staff_address(writer):
                names.append(sender)
        for name in names:
            own = {row_roles[name]} if name in row_roles else roles
            self.add(name, doc.path, own, subject=True, weak_roles=weak_roles)
        if not names:
            surname = _surname_after_class_words(_stem(doc.facts.name), self.noise)
            if surname:
                self.surnames.append((surname, doc.path))

    def _lists(self, doc: ClassifiedDocument, lines: list[str], default: str | None) -> None:
        current: str | None = default
        gap = 0
        headings = {fold(h) for h in doc.facts.headings}
        previous = ""
        for index, line in enumerate(lines):
            stripped = line.strip()
            if not stripped:
                continue
            after_greeting = bool(_GREETING.match(previous))
            previous = stripped
            label = _label_match(stripped)
            if label and len(label.group(1)) <= 60:
                if self._label(label, doc.path):
                    current, gap = self._text(label.group(1)).role or current, 0
                continue  # "Datum: ...", "Arbetsgivare: ...": a field, not a list entry
            if after_greeting:
                continue  # a signature: the writer, not a member
            if self._row(stripped, doc.path, current, lines[index + 1 : index + 1 + _LOOKAHEAD]):
                gap = 0
                continue
            if len(stripped) <= 80 and (role := self._text(stripped).role):
                current, gap = role, 0
                continue
            gap += 1
            if (
                len(stripped) > 160
                or gap >= _MAX_LIST_GAP
                or self._text(stripped).folded in headings
            ):
                current = default

    def _label(self, label: re.Match[str], path: str) -> bool:
        """'Projektledare: X' (staff) or 'Sakkunniga: X, Y' (role); True if it was one."""
        about = self._text(label.group(1))
        if about.staff:
            for name in self._names_in(label.group(2)):
                self.staff_name(name)
            return True
        role = about.role
        if role is None and len(about.folded) <= 4:
            # a label that is only a folder's short name ("RG: Ahmed Yusuf, Helena Strand"):
            # too short for running text, but a label names the list after it
            role = _role_of(f" {about.folded} ", self.folder_roles)
        if role is None:
            if "(" in label.group(2):
                self._roles_in_brackets(label.group(2), path)
            return False
        for name in self._names_in(label.group(2)):
            self.add(name, path, {role})
        return True

    def _short_cell_role(self, cells: Sequence[str]) -> str | None:
        """A cell that is only a folder's short name ("Hugo Falk | RG | Tranås", session
        16): too short for running text, but a table's role column names the row's role."""
        for cell in cells:
            folded = self._text(cell).folded
            if folded and len(folded) <= 4:
                role = _role_of(f" {folded} ", self.folder_roles)
                if role:
                    return role
        return None

    def _roles_in_brackets(self, value: str, path: str) -> None:
        """'Deltagare: Karin Ek, Lena Sjö (patientföreträdare), Anna Berg (projektledare)':
        a role or staff title in brackets after a name in a list without a role."""
        for match in _NAME_IN_BRACKETS.finditer(value):
            name, about = match.group(1), self._text(match.group(2))
            if not looks_like_name(name):
                continue
            if about.staff:
                self.staff_name(name)
            elif about.role:
                self.add(name, path, {about.role})

    def _row(self, line: str, path: str, current: str | None, following: Sequence[str]) -> bool:
        """A list entry or table row; returns True when it named a person.

        Spreadsheets come out one cell per line, so a name's row continues on the
        next lines up to the next name: its role or staff title may sit there.
        """
        cells = [c.strip() for c in _CELL_SPLIT.split(line) if c.strip()]
        if not cells:
            return False
        if len(cells) == 1 and ("," in line or " och " in line or " and " in line):
            # a sentence naming people in a list ("Vi nominerar A (…) och B (…).") takes the
            # list's role from its context; a line with commas alone may be a register-order
            # name ("Nilsson Ek, Anna Olof") and takes none
            prose = " och " in line or " and " in line
            role = self._text(line).role or (current if prose else None)
            names = _prose_names(line) if role else []
            if len(names) > 1:  # "Till RG föreslår vi A, B och C.": each of them
                for each in names:
                    self.add(each, path, {role} if role else set())
                return True
        name = self._cell(cells[0])
        if name is None and len(cells) > 1:
            name = next((n for n in (self._cell(c) for c in cells[1:3]) if n), None)
        if name is None or (len(cells) == 1 and len(line) > 80):
            return False
        if len(cells) > 1:
            rest = cells[1:]
        elif len(cells[0]) > len(name) + 3:
            rest = [cells[0]]  # "Karin Ek, överläkare, Region Skåne": the row is this line
        else:
            rest = _row_continuation(following, self._cell)
        about = self._text(" ".join(rest))
        if about.staff:
            self.staff_name(name)
            return True
        role = about.role or self._short_cell_role(rest) or current
        if role is None:
            return False
        self.add(name, path, {role})
        return True

    def _staff_address(self, address: str) -> bool:
        domain = address.rsplit("@", 1)[-1].strip(" >").lower()
        return any(domain == d or domain.endswith(f".{d}") for d in self.staff_domains)

    def _email(self, doc: ClassifiedDocument) -> None:
        email = doc.facts.email
        assert email is not None
        for address in (email.sender or "", *email.recipients, *email.cc):
            if address and self._staff_address(address):
                name = _name_from_address(address)
                if name:
                    self.staff_name(name)
        subject_padded = padded(email.subject or "")
        subject_role = _role_of(subject_padded, self.roles)
        role = subject_role or self.recipient_roles.get(doc.doc_class)
        if role is None:
            return
        if subject_role and any_needle(padded(doc.facts.text[:2_000]), self.asks_for_names):
            return  # "Förfrågan om sakkunniga" to an NPO: they nominate, they are not nominated
        for address in (*email.recipients, *email.cc):
            if self._staff_address(address):
                continue
            name = _name_from_address(address)
            if name:
                self.add(name, doc.path, {role})


def _unwrapped(lines: list[str]) -> list[str]:
    """Lines with a name that wraps onto the next one joined: "... Teodor Sjöberg, Amira" /
    "Saleh och Vilhelm Krantz." (a PDF's justified text, session 15), so the list holds
    "Amira Saleh" and the sentence's role reaches its last names."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if (
            index + 1 < len(lines)
            and len(line) >= 50
            and line[-1:].islower()
            and _WRAPPED_GIVEN.search(line)
            and _WRAPPED_SURNAME.match(lines[index + 1])
        ):
            out.append(f"{line.rstrip()} {lines[index + 1].lstrip()}")
            index += 2
            continue
        out.append(line)
        index += 1
    return out


def _prose_names(line: str) -> list[str]:
    """Every name a prose line lists: 'Till RG föreslår vi Karin Ek (Lund), Lars Berg och
    Eva Nord.' -> three names (the first ends the words before it)."""
    text = _BRACKETS.sub("", _PARENTHESIS.sub("", line))
    out: list[str] = []
    for segment in _LIST_SPLIT.split(text):
        words = segment.strip().strip(".;:!?").split()
        if not words:
            continue
        if looks_like_name(" ".join(words)):
            out.append(" ".join(words))
            continue
        tail: list[str] = []
        for word in reversed(words):  # the capitalised words that end the segment
            if not (_NAME_WORD.match(word) or (tail and word in _PARTICLES)) or len(tail) == 4:
                break
            tail.insert(0, word)
        while len(tail) >= 2:  # the longest run that is a name: "Hej Karin Ek" -> "Karin Ek"
            if tail[0] not in _PARTICLES and looks_like_name(" ".join(tail)):
                out.append(" ".join(tail))
                break
            tail.pop(0)
    return out


def _row_continuation(
    following: Sequence[str], name_from_cell: Callable[[str], str | None] = _name_from_cell
) -> list[str]:
    """The next few lines up to the next name: the rest of a one-cell-per-line row."""
    out: list[str] = []
    for line in following:
        cell = line.strip()
        if not cell or len(cell) > _MAX_CELL or name_from_cell(cell) is not None:
            break
        out.append(cell)
    return out


def _is_spreadsheet(doc: ClassifiedDocument) -> bool:
    return doc.facts.kind in _SPREADSHEETS or _stem_ext(doc.facts.name) in _SPREADSHEETS


def _stem_ext(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _csv_cells(text: str) -> list[str]:
    """A CSV/TSV export's cells, one per line (the delimiter: the commonest of `;`, tab
    and `,` on the first line)."""
    lines = text.splitlines()
    if not lines:
        return []
    first = lines[0]
    delimiter = max((";", "\t", ","), key=first.count)
    if not first.count(delimiter):
        return lines
    out: list[str] = []
    for row in csv.reader(lines, delimiter=delimiter):
        out += [cell.strip() for cell in row if cell.strip()]
    return out


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


def _name_after_class_words(source: str, noise: re.Pattern[str] | None) -> str | None:
    """'Jävsdeklaration_Karin_Ek_2025-03-01' -> 'Karin Ek' (`noise`: the rules' words that
    are never part of a name); None when no name remains."""
    text = re.sub(r"[_]+", " ", source)
    text = re.sub(r"\d{4}-\d{2}-\d{2}|\d{6,8}", " ", text)
    if noise is not None:
        text = noise.sub(" ", text)
    text = re.sub(r"[-–—:]+", " ", text)
    words = [w for w in text.split() if w]
    if not words:
        return None
    candidate = " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in words)
    return candidate if looks_like_name(candidate) else None


_CAMEL_SPLIT = re.compile(r"(?<=[a-zåäö])(?=[A-ZÅÄÖ])")


def _surname_after_class_words(source: str, noise: re.Pattern[str] | None) -> str | None:
    """'DoI_afKlinteberg_scan' -> 'klinteberg' (folded): one surname left, else None."""
    text = re.sub(r"\d{4}-\d{2}-\d{2}|\d{6,8}", " ", re.sub(r"[_]+", " ", source))
    if noise is not None:
        text = noise.sub(" ", _CAMEL_SPLIT.sub(" ", noise.sub(" ", text)))
    else:
        text = _CAMEL_SPLIT.sub(" ", text)
    words = [w for w in re.sub(r"[-–—:]+", " ", text).split() if w not in _PARTICLES]
    if len(words) != 1:
        return None
    word = words[0]
    if len(word) < 3 or not _NAME_WORD.match(word[:1].upper() + word[1:]) or word.isupper():
        return None
    folded = fold(word)
    return None if _not_name_word(folded) else folded


def _attach_surnames(people: Sequence[Person], surnames: Sequence[tuple[str, str]]) -> set[str]:
    """A declaration or agreement named by a surname alone ("Jävsdeklaration Lindgren.pdf")
    is that person's when exactly one of the project's people has that surname; the
    paths so attached."""
    attached: set[str] = set()
    for surname, path in surnames:
        found = [p for p in people if p.key.surname == surname]
        if len(found) == 1:
            found[0].seen_in.add(path)
            found[0].subject_of.add(path)
            attached.add(path)
    return attached


def _cluster(mentions: Sequence[Mention], explicit: Sequence[Person]) -> list[Person]:
    """Merge mentions into people; initials-only names join only an unambiguous match."""
    people: list[Person] = list(explicit)
    full = [m for m in mentions if m.key.has_full_given]
    partial = [m for m in mentions if not m.key.has_full_given]
    for mention in full:
        person = next((p for p in people if p.matches(mention.key)), None)
        if person is None and explicit:
            person = _one_by_tail(people, mention.key)
            if person is None:
                continue  # the project file's list is authoritative
        if person is None:
            person = Person(name=display_form(mention.raw), key=mention.key)
            people.append(person)
        _attach(person, mention)
    for mention in partial:
        candidates = [p for p in people if p.matches(mention.key)]
        if len(candidates) == 1:
            _attach(candidates[0], mention)
    return _merge_tails(people)


def _ordered(key: NameKey) -> tuple[str, ...]:
    return (*key.given, key.surname)


def _one_by_tail(people: Sequence[Person], key: NameKey) -> Person | None:
    """The one person whose longer name ends in these two words: "Lööf Hassan" (a file
    name) is Anna-Karin Lööf Hassan, "Karin Ek" is Anna Karin Ek; None if not one."""
    words = _ordered(key)
    if len(words) != 2:
        return None
    found = [p for p in people if len(_ordered(p.key)) > 2 and _ordered(p.key)[-2:] == words]
    return found[0] if len(found) == 1 else None


def _merge_tails(people: list[Person]) -> list[Person]:
    """Joins a two-word name to the one longer name it ends (`_one_by_tail`)."""
    out = list(people)
    for person in people:
        if person.explicit:
            continue
        longer = _one_by_tail([p for p in out if p is not person], person.key)
        if longer is None:
            continue
        longer.roles |= person.roles
        longer.weak_roles |= person.weak_roles
        longer.seen_in |= person.seen_in
        longer.subject_of |= person.subject_of
        out.remove(person)
    return out


def _attach(person: Person, mention: Mention) -> None:
    person.roles |= mention.roles
    person.weak_roles |= mention.weak_roles
    person.seen_in.add(mention.path)
    if mention.subject:
        person.subject_of.add(mention.path)
    if not person.explicit and display_score(mention.raw) > display_score(person.name):
        person.name = display_form(mention.raw)
        person.key = mention.key


def _with_implied(roles: set[str], rules: ProcessRules) -> set[str]:
    implied = set(roles)
    for role in rules.roles:
        if role.id in roles:
            implied |= set(role.implies)
    return implied


def find_people(
    rules: ProcessRules,
    docs: Sequence[ClassifiedDocument],
    explicit: Sequence[tuple[str, Sequence[str], Sequence[str]]] = (),
) -> list[Person]:
    """The project's people; see `find_people_and_subjects`."""
    return find_people_and_subjects(rules, docs, explicit)[0]


def find_people_and_subjects(
    rules: ProcessRules,
    docs: Sequence[ClassifiedDocument],
    explicit: Sequence[tuple[str, Sequence[str], Sequence[str]]] = (),
    views: Sequence[DocView] | None = None,
) -> tuple[list[Person], frozenset[str]]:
    """The project's people with roles and the documents about them.

    Args:
        rules: the process rules (roles, their signals, staff labels).
        docs: the project's classified documents.
        explicit: (name, roles, aliases) from the project file; when given,
            only these people are reported and their roles are exactly as stated.
        views: the documents' folded fields (same order as `docs`), when the caller
            already has them.

    Returns:
        People in order of first appearance (staff and role-less names left out), and
        the paths of documents whose subject has a readable name, project person or not.
    """
    finder = _Finder(rules)
    for index, doc in enumerate(docs):
        finder.read(doc, views[index] if views is not None else None)
    given = [
        Person(
            name=name,
            key=key,
            roles=set(roles),
            aliases=list(aliases),
            explicit=True,
        )
        for name, roles, aliases in explicit
        if (key := parse_name(name)) is not None
    ]
    people = _cluster(finder.mentions, given)
    named_by_surname = _attach_surnames(people, finder.surnames)
    out: list[Person] = []
    for person in people:
        if person.explicit:
            person.roles = _with_implied(set(_explicit_roles(explicit, person)), rules)
            out.append(person)
            continue
        if any(same_person(person.key, s) for s in finder.staff_keys):
            continue  # agency staff: the project lead signing an agreement is not a member
        person.roles = _with_implied(person.roles or person.weak_roles, rules)
        if person.roles or person.subject_of:
            out.append(person)
    named = frozenset(m.path for m in finder.mentions if m.subject) | named_by_surname
    return out, named


def _explicit_roles(
    explicit: Sequence[tuple[str, Sequence[str], Sequence[str]]], person: Person
) -> list[str]:
    for name, roles, _aliases in explicit:
        if name == person.name:
            return list(roles)
    return []


def subjects_by_path(people: Sequence[Person]) -> Mapping[str, list[str]]:
    """Document path -> names of the people it is about."""
    out: dict[str, list[str]] = {}
    for person in people:
        for path in person.subject_of:
            out.setdefault(path, []).append(person.name)
    return out
