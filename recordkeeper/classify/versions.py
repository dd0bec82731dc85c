"""PURE: a file beside a newer version of the same document is a superseded version.

Project folders keep a document's versions side by side: `Textförslag rev A.docx`,
`… rev B.docx`, `… rev C (slutversion).docx`; `rek_v1.docx`, `rek_v2.docx`;
`endometrios_rek_2026-04-20.docx` beside `…_2026-05-04.docx`. Each older one carries every
signal of its class, so one document at a time cannot tell it from the current one; a
registrar registers the current version (an earlier one that was sent out is registered
with the mail that sent it). This pass looks at a folder's names (all rules data,
`versions` in classes.yaml):

- a name's version is the first `tokens` match (`rev C`, `v2`, `version 1.1`) or, failing
  that, the first `date_tokens` match (a month by number or, with `month_names`, by name:
  `02Mar2026`); a name holding one of the `final_words` (`slutversion`, `final`) is the
  final version, and of two without a version the one saying it more often is the newer
  (`…_final_FINAL` after `…_final`);
- a name versioned by a date whose rest is a person's initials or a sender's short name
  (`dated_anonymous_keys`: `2026-02-10_SH.pdf`, `2026-03-02_FK.xlsx`) names no document:
  a folder filed by date and initials holds different documents, not versions of one;
- names are the same document when they are equal once the version, the final words,
  the `stage_words` (what a version was for: `remissversion`, `for consultation`) and the
  sibling pass's `finished_words` are left out (same folder, or folders of one series:
  `classify.series`; lower case, accents folded);
- a versioned file is older when a file of the same document has a later version of the
  same kind (letters, numbers or dates), or is final and has no version of its own or the
  same version (`v2` beside `v2_FINAL`);
- a file in a folder of superseded versions (`history_folders`: `historik/`, `Gamla
  versioner/`) is older than a file of the same document in the folder that holds it,
  whatever either name says: an earlier "slutversion" moved aside is no longer the final
  one (session 17);
- an older file is superseded when it is in one of the working `extensions` (a PDF is
  kept: it is what was sent or signed), is not itself final, its class can be a draft,
  no registrar's correction decided it, and, when a date versions it, its class is one
  of `dated_classes` (elsewhere a date names another document: a meeting's minutes).

It becomes a draft that is not registered, with the reason `version:superseded`.
Only the names decide which file is newer, so a file can be decided as soon as it is
classified (`classify --json` streams it out at once).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from recordkeeper.classify import series
from recordkeeper.memo import by_identity
from recordkeeper.model import Classification
from recordkeeper.ruleset.classes import ClassRules, fold

REASON = "version:superseded"
_WORDS = re.compile(r"[^\W_]+")
_FLAGS = re.IGNORECASE

# a version's value: ("letter", (n,)), ("number", (1, 2)) or ("date", (2026, 4, 20))
Value = tuple[str, tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class Newer:
    """Why a file is older: a newer version's path, and whether a date versions it."""

    path: str
    dated: bool


@dataclass(frozen=True, slots=True)
class _Name:
    key: str
    value: Value | None
    final: bool
    finals: int = 0  # how many final words: "final FINAL" is newer than "final"


def _token_value(raw: str) -> Value:
    if raw.isalpha():
        return ("letter", (ord(raw.lower()),))
    return ("number", tuple(int(part) for part in raw.split(".")))


class _Namer:
    """One rule set's name reading, compiled once; names memoised (a batch's folders
    are listed again for the next batch)."""

    def __init__(self, rules: ClassRules) -> None:
        ver = rules.versions
        self.tokens = tuple(re.compile(fold(p), _FLAGS) for p in ver.tokens)
        self.dates = tuple(re.compile(fold(p), _FLAGS) for p in ver.date_tokens)
        self.final_words = frozenset(fold(w).lower() for w in ver.final_words)
        self.left_out = self.final_words | {
            fold(w).lower() for w in (*rules.siblings.finished_words, *ver.stage_words)
        }
        self.anonymous = tuple(re.compile(fold(p), _FLAGS) for p in ver.dated_anonymous_keys)
        self.folder_dates = ver.folder_dates
        self.months = tuple(
            frozenset(fold(m).lower() for m in names.split("|")) for names in ver.month_names
        )
        self.memo: dict[str, _Name] = {}
        self.folders: dict[str, Value | None] = {}

    def _date(self, text: str) -> tuple[Value | None, str]:
        for pattern in self.dates:
            match = pattern.search(text)
            if match:
                month = self._month(match["m"])
                if month is None:
                    continue
                year = int(match.group("y"))
                day = (year + 2000 if year < 100 else year, month, int(match["d"]))
                return ("date", day), f"{text[: match.start()]} {text[match.end() :]}"
        return None, text

    def _month(self, raw: str) -> int | None:
        """'03' -> 3; a month's name ('mar', 'mars', 'march') -> its number (`month_names`:
        each month's first three letters, in each language)."""
        if raw.isdigit():
            return int(raw)
        start = raw[:3]
        return next((n for n, names in enumerate(self.months, 1) if start in names), None)

    def read(self, stem: str) -> _Name:
        """A file name's document key (empty: none), version and final mark."""
        found = self.memo.get(stem)
        if found is not None:
            return found
        text = fold(stem).lower().replace("_", " ")
        value: Value | None = None
        for pattern in self.tokens:
            match = pattern.search(text)
            if match:
                value = _token_value(match.group("v"))
                text = f"{text[: match.start()]} {text[match.end() :]}"
                break
        date, text = self._date(text)  # a date beside a version is left out of the key
        value = value or date
        words = _WORDS.findall(text)
        finals = sum(1 for w in words if w in self.final_words)
        key = " ".join(w for w in words if w not in self.left_out)
        if value is date and date is not None and any(p.fullmatch(key) for p in self.anonymous):
            key = ""  # '2026-02-10_SH': a date and initials name no document (no chain)
        found = _Name(key, value, finals > 0, finals)
        if len(self.memo) >= 65536:
            self.memo.clear()
        self.memo[stem] = found
        return found

    def name(self, stem: str) -> _Name | None:
        """A file name's document key, version and final mark; None: neither."""
        found = self.read(stem)
        return found if found.key and (found.value is not None or found.final) else None

    def folder_date(self, folder: str) -> Value | None:
        """The date in the name of a folder ('a/2026-04-17 RG-möte' -> 2026-04-17), if any."""
        if folder not in self.folders:
            if len(self.folders) >= 65536:
                self.folders.clear()
            name = folder.rpartition("/")[2]
            self.folders[folder] = self._date(fold(name).lower().replace("_", " "))[0]
        return self.folders[folder]

    def by_folder(self, stem: str, folder: str) -> _Name | None:
        """A name with neither a version nor a final mark of its own, versioned by the date
        in its folder's name (`folder_dates`); None: it has one, or no key, or no date."""
        found = self.read(stem)
        if not self.folder_dates or not found.key or found.value is not None or found.final:
            return None
        day = self.folder_date(folder)
        return None if day is None else _Name(found.key, day, False)


@by_identity(maxsize=8)
def _namer(rules: ClassRules) -> _Namer:
    return _Namer(rules)


def version_patterns(rules: ClassRules) -> tuple[re.Pattern[str], ...]:
    """The compiled `versions.tokens` (a version in a lower-case, accent-folded name)."""
    return _namer(rules).tokens


def _split(path: str) -> tuple[str, str, str]:
    """'a/b/X Y.docx' -> ('a/b', 'X Y', 'docx')."""
    folder, _, name = path.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    return (folder, stem, ext.lower()) if dot else (folder, name, "")


def versioned(path: str, rules: ClassRules) -> bool:
    """Whether a file's name gives it a version or a final mark (and its extension may
    have one): it may be in a chain of versions (memoised, a few µs)."""
    folder, stem, ext = _split(path)
    ver = rules.versions
    if ext not in ver.extensions and ext not in ver.newer_extensions:
        return False
    namer = _namer(rules)
    if namer.name(stem) is not None:
        return True
    if series.is_history(folder, rules):
        return bool(namer.read(stem).key)
    if not ver.folder_dates or not series.is_series(series.group_of(folder, rules)):
        return False
    return namer.by_folder(stem, folder) is not None


def newer_versions(paths: Iterable[str], rules: ClassRules) -> dict[str, Newer]:
    """Older file path -> a newer version of it beside it, from names alone: in its folder,
    or, for a file in a folder of a series (`series_folders`: a folder per day or
    meeting), in any folder of that series."""
    ver = rules.versions
    if not ver.extensions or not (ver.tokens or ver.date_tokens or ver.final_words):
        return {}
    allowed = {*ver.extensions, *ver.newer_extensions}
    namer = _namer(rules)
    paths = list(paths)  # read twice: the chains, then the folders of superseded versions
    groups: dict[tuple[str, str], list[tuple[str, str, _Name]]] = {}
    in_series: dict[tuple[str, str], list[tuple[str, str, _Name]]] = {}
    by_day: dict[tuple[str, str], list[tuple[str, str, _Name]]] = {}
    for path in paths:
        folder, stem, ext = _split(path)
        if ext not in allowed:
            continue
        name = namer.name(stem)
        if name is not None:
            groups.setdefault((folder, name.key), []).append((path, ext, name))
        elif not ver.folder_dates:
            continue
        group = series.group_of(folder, rules)
        if not series.is_series(group):
            continue
        if name is not None:
            in_series.setdefault((group, name.key), []).append((path, ext, name))
        else:  # 'Textförslag.docx' saved in each day's folder: its folder's date versions it
            name = namer.by_folder(stem, folder)
            if name is not None:
                by_day.setdefault((group, name.key), []).append((path, ext, name))
    for key, days in by_day.items():
        members = in_series.setdefault(key, [])
        if all(n.value is None or n.value[0] == "date" for _, _, n in members):
            members += days  # not beside versions of another kind ('v3', 'rev B')
    out: dict[str, Newer] = {}
    for members in groups.values():
        _older(members, ver.extensions, out)
    for members in in_series.values():  # a newer version in its own folder wins (above)
        _older(members, ver.extensions, out)
    if ver.history_folders:
        _moved_aside(paths, rules, out)
    return out


def _moved_aside(paths: Iterable[str], rules: ClassRules, out: dict[str, Newer]) -> None:
    """Adds to `out` the working files in a folder of superseded versions ('a/historik/X
    slutversion 2026-08-20.docx') not in it yet whose document has a file in the folder
    that holds it ('a/X slutversion.pdf'), whatever their versions and final marks say."""
    ver = rules.versions
    allowed = {*ver.extensions, *ver.newer_extensions}
    namer = _namer(rules)
    kept: dict[tuple[str, str], str] = {}
    moved: list[tuple[str, str, str]] = []
    for path in sorted(paths):
        folder, stem, ext = _split(path)
        key = namer.read(stem).key if ext in allowed else ""
        if not key:
            continue
        if series.is_history(folder, rules):
            if ext in ver.extensions:
                moved.append((path, folder.rpartition("/")[0], key))
        else:
            kept.setdefault((folder, key), path)
    for path, parent, key in moved:
        newer = kept.get((parent, key))
        if newer is not None and path not in out:
            out[path] = Newer(newer, False)


def _older(
    members: list[tuple[str, str, _Name]], extensions: tuple[str, ...], out: dict[str, Newer]
) -> None:
    """Adds to `out` the older files among `members` (one document's files) not in it yet."""
    if len(members) < 2:
        return
    unversioned = [(n.finals, p, ext) for p, ext, n in members if n.final and n.value is None]
    unversioned_final = _most_final(unversioned, extensions, out)
    kinds = {n.value[0] for _, _, n in members if n.value is not None}
    if len(kinds) != 1:
        return  # no version at all (finals only), or versions of different kinds
    newest = max(((n.value, p) for p, _, n in members if n.value is not None), key=lambda v: v[0])
    finals = {n.value: p for p, _, n in members if n.final and n.value is not None}
    for path, ext, name in members:
        if name.final or name.value is None or ext not in extensions or path in out:
            continue
        dated = name.value[0] == "date"
        if unversioned_final is not None:
            out[path] = Newer(unversioned_final, dated)
        elif name.value < newest[0]:
            out[path] = Newer(newest[1], dated)
        elif name.value in finals:  # "v2" beside "v2 FINAL": the final one of that version
            out[path] = Newer(finals[name.value], dated)


def _most_final(
    finals: list[tuple[int, str, str]], extensions: tuple[str, ...], out: dict[str, Newer]
) -> str | None:
    """Of one document's files marked final and without a version, the one whose name says
    it most often ("… final FINAL" beside "… final", session 14): the others in a working
    extension are older (added to `out`). Returns it, or the first when none says it more."""
    if not finals:
        return None
    most = max(count for count, _, _ in finals)
    top = [path for count, path, _ in finals if count == most]
    if len(top) > 1:
        return finals[0][1]
    for count, path, ext in finals:
        if count < most and ext in extensions and path not in out:
            out[path] = Newer(top[0], False)
    return top[0]


def superseded(
    classification: Classification, newer: Newer, rules: ClassRules
) -> Classification | None:
    """The classification as a superseded version, or None: it stays as it is."""
    c = classification
    spec = rules.by_id(c.doc_class)
    if c.corrected or spec is None or not spec.can_be_draft or c.is_draft:
        return None
    if newer.dated and c.doc_class not in rules.versions.dated_classes:
        return None
    return replace(c, is_draft=True, must_register=False, reasons=(*c.reasons, REASON))
