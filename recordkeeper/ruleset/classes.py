"""Schema of `rules/classes.yaml` (kind: classes): document classes and their signals.

Owned by classification; the classifier in `recordkeeper.classify` consumes it.
A *signal* is a named group of regular expressions searched in chosen places
of a document (title, headings, body text, file name, folders, document
properties, template, e-mail headers) or a yes/no fact of the file (has
comments, is an e-mail); when it fires it adds its weight, scaled by the
place's factor, to a class score (or to the draft/final score). Patterns are
compiled when the file loads, so a bad regular expression is reported with
its file and line, never at classification time.

Patterns are matched case-insensitively, `^`/`$` at each line (write `(?-i:UTKAST)` to require
capitals) against text whose accented letters are folded to plain ones
(å/ä -> a, ö -> o, é -> e; see `fold`), so `jävsdeklaration` also matches
`JAVSDEKLARATION` in a file name typed without Swedish letters.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from recordkeeper.ruleset.load import Loc, check_patterns, register_kind

Location = Literal[
    "title",
    "headings",
    "content",
    "filename",
    "folder",
    "template",
    "property",
    "email_subject",
    "email_sender",
    "email_recipient",
    "attachment",
    "kind",
]
Flag = Literal[
    "has_comments",
    "has_tracked_changes",
    "has_attachment",
    "is_email",
    "is_calendar_item",
    "no_text_layer",
    "no_final_marker",
]
RegisterDuty = bool | Literal["when_sent", "if_adds_facts", "case_by_case"]
PersonalDataDefault = bool | Literal["sometimes", "unknown"]

_ID = r"^[a-z][a-z0-9_.:-]*$"
_FLAGS = re.IGNORECASE | re.MULTILINE  # `^`/`$` match at line starts/ends
_ACCENTED = "åäàáâãæöòóôõøéèêëüúùûíìîïçñ"
_PLAIN = "aaaaaaaooooooeeeeuuuuiiiicn"
# str.translate looks every character up in a dict; replacing only the few
# accented letters a text holds is an order of magnitude faster (same result).
_FOLD = tuple(zip(_ACCENTED + _ACCENTED.upper(), _PLAIN + _PLAIN.upper(), strict=True))


# The same for a text of Latin-1 characters (most Swedish text), one byte each: a table.
_FOLD_LATIN1 = bytes.maketrans(
    (_ACCENTED + _ACCENTED.upper()).encode("latin-1"), (_PLAIN + _PLAIN.upper()).encode("latin-1")
)


def fold(text: str) -> str:
    """Fold accented letters to plain ones, keeping case and length."""
    if text.isascii():
        return text
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:  # another character: letter by letter
        return _fold_letters(text)
    folded = data.translate(_FOLD_LATIN1)
    return text if folded == data else folded.decode("latin-1")


def _fold_letters(text: str) -> str:
    for accented, plain in _FOLD:
        if accented in text:
            text = text.replace(accented, plain)
    return text


def _compile_folded(pattern: str) -> re.Pattern[str]:
    return re.compile(fold(pattern), _FLAGS)


def compile_patterns(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled, case-insensitive alternation of folded patterns."""
    return re.compile("|".join(f"(?:{fold(p)})" for p in patterns), _FLAGS)


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Signal(_Rule):
    """A named piece of evidence: any of `any` found in one of `in`, or a `when` fact."""

    id: str = Field(pattern=_ID, description="Stable short id, reported in `reasons`.")
    weight: float = Field(description="Added to the score when the signal fires; may be negative.")
    in_: tuple[Location, ...] = Field(
        default=(),
        alias="in",
        description="Places searched for the patterns; each place scales the weight "
        "by scoring.location_factor and the best place counts.",
    )
    any: tuple[str, ...] = Field(
        default=(),
        description="Regular expressions (Python syntax); the signal fires if any matches.",
    )
    when: Flag | None = Field(
        default=None, description="A fact of the file that fires the signal without patterns."
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("any")
    @classmethod
    def _patterns_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return check_patterns(patterns, _compile_folded, "it would always fire")

    @model_validator(mode="after")
    def _patterns_or_flag(self) -> Signal:
        if self.when is None and not (self.any and self.in_):
            raise ValueError(f"signal '{self.id}' needs 'in' and 'any' patterns, or 'when'")
        if self.when is not None and (self.any or self.in_):
            raise ValueError(f"signal '{self.id}' has 'when'; drop 'in' and 'any'")
        return self


class DocumentClass(_Rule):
    """One canonical document class (ids from DOMAIN.md) and what identifies it."""

    id: str = Field(pattern=_ID, description="Canonical class id, e.g. coi_declaration.")
    name_sv: str
    name_en: str
    register_when_final: RegisterDuty = Field(
        default=False,
        description="true/false, or when_sent, if_adds_facts, case_by_case (a person decides).",
    )
    personal_data: PersonalDataDefault = Field(
        default=False, description="Whether documents of the class normally hold personal data."
    )
    can_be_draft: bool = Field(
        default=True, description="false for documents received from outside (never drafts)."
    )
    signals: tuple[Signal, ...] = ()


class TextWindow(_Rule):
    """How much body text the classifier reads: the head and the tail (signatures)."""

    head_chars: int = Field(20_000, ge=100)
    tail_chars: int = Field(4_000, ge=0)


def _default_factors() -> dict[Location, float]:
    return {
        "title": 3.0,
        "headings": 2.0,
        "content": 1.0,
        "filename": 2.0,
        "folder": 1.0,
        "template": 2.5,
        "property": 2.0,
        "email_subject": 3.0,
        "email_sender": 1.0,
        "email_recipient": 1.0,
        "attachment": 1.0,
        "kind": 1.0,
    }


class Counterparts(_Rule):
    """An unread scan completed by its project's other files (`unread_scan.counterparts`)."""

    pairs: tuple[tuple[str, str], ...] = Field(
        min_length=1,
        description="Pairs of classes each person in a project has one of each of (a "
        "declaration and a signed agreement): a scan proposed as one of a pair, named by a "
        "person for whom the project already has a file of that class and no signed file of "
        "the other, is proposed as the other (reason `textless:counterpart_missing`).",
    )
    names: tuple[str, ...] = Field(
        min_length=1,
        description="Regular expressions (as `unread_scan.names`, matched whole): the scan "
        "names that name a person (not a scanner's numbering, not 'Undertecknad'). Its words "
        "(digits left out) must all be words of the other file's name.",
    )
    not_names: tuple[str, ...] = Field(
        default=(),
        description="Words (case-insensitive) that name no person ('Undertecknad', 'signed'): "
        "left out of a scan's name; a name of such words alone names nobody.",
    )
    signed_extensions: tuple[str, ...] = Field(
        default=("pdf",),
        description="Extensions (lower case, no dot) of a signed file: a counterpart only in "
        "another form (a Word file) is not yet signed.",
    )

    @field_validator("names")
    @classmethod
    def _names_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return check_patterns(patterns, _compile_folded, "every name would match")


class UnreadScan(_Rule):
    """What a scan nothing identifies is proposed as, when its name says only whom or when."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    doc_class: str = Field(
        alias="class",
        description="The class proposed (registered as that class is, sent to review).",
    )
    names: tuple[str, ...] = Field(
        min_length=1,
        description="Regular expressions (case-insensitive unless `(?-i:...)`), matched from "
        "the start of the file name without its extension, as words ('Lars-Göran_Pihl' reads "
        "'Lars Göran Pihl'): names that say only whom or when (a person, a scanner's or "
        "camera's numbering).",
    )
    confidence: float = Field(
        0.25, ge=0, le=1, description="The confidence given to the proposal (a guess)."
    )
    context_classes: tuple[str, ...] = Field(
        default=(),
        description="Classes whose evidence below min_score still places such a scan: when "
        "the best class that scored (e.g. an agreement, from a folder named 'Avtal') is one "
        "of these, it is proposed instead of `class`, with the same confidence and review.",
    )

    counterparts: Counterparts | None = Field(
        default=None,
        description="The project's other files as evidence: a scan named by a person for "
        "whom one of a pair of classes exists but no signed file of the other is proposed as "
        "the other (same confidence and review, reason `textless:counterpart_missing`).",
    )

    @field_validator("names")
    @classmethod
    def _names_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return check_patterns(patterns, _compile_folded, "every name would match")


class Scoring(_Rule):
    """How signal weights become a class and a confidence."""

    min_score: float = Field(
        4.0, gt=0, description="Best class below this -> class `fallback_class`, needs review."
    )
    review_margin: float = Field(
        1.5, ge=0, description="Best minus runner-up below this -> needs review."
    )
    confident_score: float = Field(
        12.0, gt=0, description="A score at which confidence approaches 1."
    )
    fallback_class: str = "other"
    textless_weak_places: tuple[Location, ...] = Field(
        default=(),
        description="A file with no text layer (a scan) whose class rests only on signals "
        "in these places (e.g. its folder) needs review: nothing of it was read.",
    )
    untitled: tuple[str, ...] = Field(
        default=(),
        description="Regular expressions for titles that are a tool's default, not the "
        "document's (a scanner's 'Scanned document', Word's 'Microsoft Word - x.docx'): "
        "such a title is ignored and the first line is read as a heading instead. A named "
        "group `source` (the name of the file it was printed from) is searched as a file name.",
    )
    unread_scan: UnreadScan | None = Field(
        default=None,
        description="A file with no text layer (a scan) whose best class stays below "
        "min_score, named only by a person or by the scanner or camera: proposed as "
        "`class` (not the fallback class), with reason `textless:unread_scan`, for review.",
    )
    location_factor: dict[Location, float] = Field(default_factory=_default_factors)
    text_window: TextWindow = TextWindow()

    @field_validator("untitled")
    @classmethod
    def _untitled_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return check_patterns(patterns, _compile_folded, "every title would go")


class DraftRules(_Rule):
    """Draft and final markers; a document is a draft when draft minus final >= threshold."""

    threshold: float = 2.0
    never_draft_kinds: tuple[str, ...] = ("eml", "msg")
    draft_markers: tuple[Signal, ...] = ()
    final_markers: tuple[Signal, ...] = ()


class RegistrationRules(_Rule):
    """Evidence for the conditional duties `when_sent`, `if_adds_facts` and `case_by_case`.

    `when_sent`: registered unless a draft; the sent markers that fired are
    given as reasons, and without any the reason says the sending is
    unconfirmed. `if_adds_facts`: registered when an adds-facts marker fires.
    `case_by_case`: registered when the case markers' weights sum above 0.
    """

    sent_markers: tuple[Signal, ...] = ()
    adds_facts_markers: tuple[Signal, ...] = ()
    case_markers: tuple[Signal, ...] = ()


class PersonalDataRules(_Rule):
    """How findings decide `personal_data` (detection itself is code, not rules)."""

    text_chars: int = Field(
        200_000, ge=1000, description="Body text searched for personal data (from the start)."
    )
    strong_kinds: tuple[str, ...] = Field(
        default=("personnummer", "samordningsnummer"),
        description="Kinds that make any document hold personal data.",
    )
    weak_kinds: tuple[str, ...] = Field(
        default=("email", "phone"),
        description="Kinds that flag classes whose personal_data is sometimes/unknown; "
        "other kinds (name) are reported but decide nothing alone.",
    )
    weak_threshold: int = Field(
        3,
        ge=1,
        description="Weak findings needed to flag a class whose personal_data is false.",
    )
    generic_mailboxes: tuple[str, ...] = Field(
        default=("info", "registrator", "noreply", "no-reply", "kundcenter", "support"),
        description="Local parts of e-mail addresses that are functions, not people.",
    )
    header_addresses: bool = Field(
        False,
        description="Whether a person's address in an e-mail's headers (sender or recipient, "
        "a staff member's work address too; not a `generic_mailboxes` one) makes the mail "
        "hold personal data whatever its class's default (a statistics order the project "
        "lead sends to a function mailbox). False: such an address is one weak finding.",
    )


class SiblingRules(_Rule):
    """When a Word file beside a finished PDF of the same name is its working copy."""

    editable_extensions: tuple[str, ...] = Field(
        default=("docx", "doc", "docm", "odt", "rtf"),
        description="File name extensions (lower case, no dot) of editable documents.",
    )
    finished_extensions: tuple[str, ...] = Field(
        default=("pdf",), description="Extensions of finished (signed, sent) documents."
    )
    finished_words: tuple[str, ...] = Field(
        default=(),
        description="Words in a file name that only say the document is finished "
        "(signerat, signed, final): left out when two names are compared.",
    )
    finished_pdf_only: bool = Field(
        default=False,
        description="True: only a PDF that shows it is finished (a final marker fired, or "
        "it is a print of the Word file) makes the Word file its working copy. False: any "
        "PDF of the same name and class that is no draft does (the registrar registers the "
        "PDF, the form the document was sent or kept in).",
    )


def _check_groups(patterns: tuple[str, ...], groups: set[str]) -> tuple[str, ...]:
    check_patterns(patterns, _compile_folded, "every name would hold one")
    for pattern in patterns:
        missing = groups - set(_compile_folded(pattern).groupindex)
        if missing:
            raise ValueError(
                f"pattern '{pattern}' needs the named group(s) {', '.join(sorted(missing))}"
            )
    return patterns


class VersionRules(_Rule):
    """When a file beside a newer version of the same document is a superseded version."""

    extensions: tuple[str, ...] = Field(
        default=(),
        description="Extensions (lower case, no dot) of working files an older version of "
        "which is superseded (Word, spreadsheets, slides).",
    )
    newer_extensions: tuple[str, ...] = Field(
        default=(),
        description="Further extensions a newer version may have (a PDF of the final "
        "version supersedes the Word files of earlier ones).",
    )
    tokens: tuple[str, ...] = Field(
        default=(),
        description="Regular expressions over a file name (lower case, accents folded, "
        "'_' as a space) finding its version; group 'v' is the version: a letter "
        "(rev A < rev B) or numbers (v2 < v10, 1.1 < 1.2).",
    )
    date_tokens: tuple[str, ...] = Field(
        default=(),
        description="Regular expressions finding a date that versions a name; groups 'y' "
        "(2 or 4 digits), 'm', 'd'.",
    )
    month_names: tuple[str, ...] = Field(
        default=(),
        description="The twelve months, January first, each as its names' first three "
        "letters in every language, '|' between ('maj|may'): a date token's group 'm' may "
        "be a month's name ('12Mar2026', '2 mars 2026'). Empty: months are numbers only.",
    )
    dated_classes: tuple[str, ...] = Field(
        default=(),
        description="Classes whose dated copies are versions of one document (a text "
        "proposal); in other classes a date names another document (minutes of a meeting).",
    )
    final_words: tuple[str, ...] = Field(
        default=(),
        description="Words in a name that mark the final version (slutversion, final): it "
        "is never superseded, and every numbered version beside it is older.",
    )
    stage_words: tuple[str, ...] = Field(
        default=(),
        description="Words in a name that say what a version was for (remissversion, for "
        "consultation): left out when names are compared, so 'X v4 - for consultation' is "
        "a later version of 'X v3'.",
    )
    dated_anonymous_keys: tuple[str, ...] = Field(
        default=(),
        description="Regular expressions over what is left of a name once a date versions "
        "it (lower case, accents folded; fully matched): such a rest names a person or a "
        "sender, not a document ('2026-02-10_SH', '2026-03-02_FK': a folder filed by date "
        "and initials), so the dated files are different documents, not versions of one.",
    )
    history_folders: tuple[str, ...] = Field(
        default=(),
        description="Regular expressions (case-insensitive, accents optional) for the name of "
        "a folder a team moves superseded versions into ('historik', 'Gamla versioner', "
        "'zz_OLD'), matched from the start of the name: a working file there is older than a "
        "file of the same document (same name once the version, final, stage and finished "
        "words are left out) in the folder that holds it, whatever either name says (an "
        "earlier 'slutversion' moved aside); the passes compare such a folder's files with "
        "its parent's.",
    )
    folder_dates: bool = Field(
        default=False,
        description="A file in a folder of a series (`series_folders`) whose name holds no "
        "version takes the date in its folder's name (`date_tokens`: '2026-04-17/', "
        "'2026-04-17 RG-möte/') as its version, so the same name saved in each day's folder "
        "is ordered by the day ('dated_classes' decide whether the older one is superseded).",
    )

    @field_validator("tokens")
    @classmethod
    def _tokens_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return _check_groups(patterns, {"v"})

    @field_validator("date_tokens")
    @classmethod
    def _dates_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return _check_groups(patterns, {"y", "m", "d"})

    @field_validator("month_names")
    @classmethod
    def _twelve_months(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        if names and len(names) != 12:
            raise ValueError(f"month_names needs the twelve months, got {len(names)}")
        return names

    @field_validator("history_folders")
    @classmethod
    def _history_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return check_patterns(patterns, _compile_folded, "every folder would hold history")

    @field_validator("dated_anonymous_keys")
    @classmethod
    def _anonymous_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        # compiled by classify/versions.py when a pass first needs them: a bad pattern must
        # fail here, with its file and line, not while the daemon classifies
        return check_patterns(patterns, _compile_folded, "a date alone would name no document")


class CopyRules(_Rule):
    """When a byte-identical copy of a document is a convenience copy, registered once."""

    personal_folders: tuple[str, ...] = Field(
        default=(),
        description="Regular expressions (case-insensitive, accents optional) for the name of "
        "a person's own folder ('Ulrikas filer', 'Mina dokument', 'Privat'), matched from the "
        "start of each folder name in the path: a file there whose bytes equal a file "
        "outside such folders that is proposed for registration is not proposed again.",
    )

    copy_names: tuple[str, ...] = Field(
        default=(),
        description="Regular expressions (case-insensitive, accents optional) searched in a "
        "file's name without its extension that mark a copy made by Windows, SharePoint or "
        "Teams ('Copy of X', 'X - Kopia'): such a file is treated as one in a person's own "
        "folder, so when its bytes equal a proposed file elsewhere it is not proposed again.",
    )

    @field_validator("personal_folders")
    @classmethod
    def _folders_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return check_patterns(patterns, _compile_folded, "every folder would be personal")

    @field_validator("copy_names")
    @classmethod
    def _names_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return check_patterns(patterns, _compile_folded, "every file would be a copy")

    @property
    def active(self) -> bool:
        """Whether the pass has anything to look for."""
        return bool(self.personal_folders or self.copy_names)


class ClassRules(_Rule):
    """The whole `classes.yaml`."""

    kind: Literal["classes"]
    version: int = 1
    scoring: Scoring = Scoring()
    draft: DraftRules = DraftRules()
    registration: RegistrationRules = RegistrationRules()
    personal_data: PersonalDataRules = PersonalDataRules()
    siblings: SiblingRules = SiblingRules()
    versions: VersionRules = VersionRules()
    copies: CopyRules = CopyRules()
    series_folders: tuple[str, ...] = Field(
        default=(),
        description="Regular expressions (case-insensitive, accents optional) for the name of "
        "a folder of a series kept per day, week or meeting ('2026-04-17', 'Möte 3'), "
        "matched from the start of the name: the sibling and version passes compare a file "
        "in such a folder with the files of every such folder under the same parent.",
    )
    classes: tuple[DocumentClass, ...]

    @field_validator("series_folders")
    @classmethod
    def _series_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return check_patterns(patterns, _compile_folded, "every folder would be of a series")

    def class_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.classes)

    def by_id(self, class_id: str) -> DocumentClass | None:
        return next((c for c in self.classes if c.id == class_id), None)

    def rule_problems(self) -> list[tuple[Loc, str]]:
        """Checks across the file (duplicate ids, unknown references), located."""
        problems: list[tuple[Loc, str]] = []
        seen: set[str] = set()
        for i, cls in enumerate(self.classes):
            if cls.id in seen:
                problems.append((("classes", i, "id"), f"class id '{cls.id}' is listed twice"))
            seen.add(cls.id)
        unread = self.scoring.unread_scan
        if unread is not None and unread.doc_class not in seen:
            problems.append(
                (
                    ("scoring", "unread_scan", "class"),
                    f"unread_scan class '{unread.doc_class}' is not a class in this file",
                )
            )
        for i, context in enumerate(unread.context_classes if unread is not None else ()):
            if context not in seen:
                problems.append(
                    (
                        ("scoring", "unread_scan", "context_classes", i),
                        f"unread_scan context class '{context}' is not a class in this file",
                    )
                )
        pairs = unread.counterparts.pairs if unread and unread.counterparts else ()
        for i, pair in enumerate(pairs):
            for j, member in enumerate(pair):
                if member not in seen:
                    problems.append(
                        (
                            ("scoring", "unread_scan", "counterparts", "pairs", i, j),
                            f"unread_scan counterpart class '{member}' is not a class in this file",
                        )
                    )
        if self.scoring.fallback_class not in seen:
            problems.append(
                (
                    ("scoring", "fallback_class"),
                    f"fallback_class '{self.scoring.fallback_class}' is not a class in this file",
                )
            )
        problems.extend(self._duplicate_signal_ids())
        for i, class_id in enumerate(self.versions.dated_classes):
            if class_id not in seen:
                problems.append(
                    (
                        ("versions", "dated_classes", i),
                        f"dated class '{class_id}' is not a class in this file",
                    )
                )
        return problems

    def _duplicate_signal_ids(self) -> list[tuple[Loc, str]]:
        located: list[tuple[Loc, str]] = []
        for i, cls in enumerate(self.classes):
            located += [
                (("classes", i, "signals", j, "id"), s.id) for j, s in enumerate(cls.signals)
            ]
        for section, markers in (
            ("draft", ("draft_markers", self.draft.draft_markers)),
            ("draft", ("final_markers", self.draft.final_markers)),
            ("registration", ("sent_markers", self.registration.sent_markers)),
            ("registration", ("adds_facts_markers", self.registration.adds_facts_markers)),
            ("registration", ("case_markers", self.registration.case_markers)),
        ):
            name, signals = markers
            located += [((section, name, j, "id"), s.id) for j, s in enumerate(signals)]
        first: set[str] = set()
        problems: list[tuple[Loc, str]] = []
        for loc, sid in located:
            if sid in first:
                problems.append(
                    (loc, f"signal id '{sid}' is used twice; reasons must name one signal")
                )
            first.add(sid)
        return problems


register_kind("classes", ClassRules)
