"""PURE: a Word file beside the finished PDF of the same document is its working copy.

Agencies keep the editable Word file next to the PDF that was signed or sent
(`06 Avtal - Karin Wiik.docx` beside `06 Avtal - Karin Wiik_signerat.pdf`,
`PM EC.docx` beside `PM EC.pdf` signed by the unit head). A registrar registers
the finished PDF; the Word file is a working copy (DOMAIN.md: drafts, working
copies and convenience copies are no official documents and may be deleted when
no longer needed). One document at a time cannot tell: the Word file carries
every signal of its class. This pass looks at a folder's names and the
classifications already made.

A Word file is the working copy of a PDF when (all rules data, `siblings` in
classes.yaml):
- both are in the same folder and their names are the same once the words that
  only say "finished" (`signerat`, `signed`, `final`, `scan`, ...) are left out; failing
  that, once the Word file's version (`versions.tokens`: `_v2`) is left out too, when the
  PDF has none (`Avtal_Westin_K_v2_FINAL.docx` beside `AVTAL_WESTIN_K_scan.pdf`; a PDF
  with a version is another version, the version pass's to order) and they are the only
  Word file and PDF left unpaired under that name in the folder;
- they are the only Word file and the only PDF with that name there; or, in folders
  of a series under one parent (`series_folders`: a folder per day or meeting), the
  only ones with that name in the whole series;
- both have the same class, one that can be a draft, and the PDF is no draft;
- with `finished_pdf_only`: the PDF shows it is the finished one (a final marker
  fired: a signature line, a diarienummer, "signerad" in its name; or it is a print
  of that very Word file, its title "Microsoft Word - <the Word file's name>").
  Without it (the shipped rules) an unsigned PDF does as well: the registrar
  registers one record of a document, the PDF it was sent or kept in, and the
  Word file beside it is the working copy whether or not the PDF shows a signature;
- no registrar's correction decided the Word file.
It becomes a draft that is not registered, with the reason `sibling:working_copy`.
Nothing else changes; the PDF keeps its own classification.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from recordkeeper.classify import series, versions
from recordkeeper.classify.views import tool_title
from recordkeeper.model import Classification
from recordkeeper.ruleset.classes import ClassRules, fold

REASON = "sibling:working_copy"
_WORDS = re.compile(r"[^\W_]+")
_PDF_A = re.compile(r"pdf[\s_/-]*a(?![^\W_])")  # "PDF-A", "PDF_A", "PDFA": one word, "pdfa"


@dataclass(frozen=True, slots=True)
class Sibling:
    """What the pass needs of one classified file."""

    path: str  # relative path, "/"-separated
    classification: Classification
    title: str | None = None


def _split(path: str) -> tuple[str, str, str]:
    """'a/b/X Y.docx' -> ('a/b', 'X Y', 'docx')."""
    folder, _, name = path.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    return (folder, stem, ext.lower()) if dot else (folder, name, "")


@functools.lru_cache(maxsize=64)
def _finished(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w).lower() for w in words)


@functools.lru_cache(maxsize=65536)  # a batch's folders are listed again for the next batch
def _key(stem: str, finished_words: frozenset[str]) -> str:
    """The name without case, accents, separators and the words that say "finished"."""
    words = _WORDS.findall(_PDF_A.sub(" pdfa ", fold(stem).lower()))
    return " ".join(w for w in words if w not in finished_words)


def pairs(paths: Iterable[str], rules: ClassRules) -> dict[str, str]:
    """Word file path -> the PDF path it may be the working copy of, from names alone.

    Only pairs that are alone under their name in their folder; failing that, for files in
    folders of a series (`series_folders`: a folder per day or meeting), pairs alone under
    their name in the whole series (the Word file in `2026-02-20/`, its signed PDF in
    `2026-02-24/`; a name found in several of its folders pairs nothing across them).
    """
    sib = rules.siblings
    finished = _finished(tuple(sib.finished_words))
    groups: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    in_series: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for path in paths:
        folder, stem, ext = _split(path)
        if ext in sib.editable_extensions:
            side = 0
        elif ext in sib.finished_extensions:
            side = 1
        else:
            continue
        key = _key(stem, finished)
        if key:
            groups.setdefault((folder, key), ([], []))[side].append(path)
            group = series.group_of(folder, rules)
            if series.is_series(group):
                in_series.setdefault((group, key), ([], []))[side].append(path)
    out = {
        words[0]: pdfs[0] for words, pdfs in groups.values() if len(words) == 1 and len(pdfs) == 1
    }
    for words, pdfs in in_series.values():
        if len(words) == 1 and len(pdfs) == 1:  # in one folder: paired above already
            out[words[0]] = pdfs[0]
    out.update(_paired_without_version(groups, out, rules))
    return out


def _paired_without_version(
    groups: Mapping[tuple[str, str], tuple[list[str], list[str]]],
    paired: Mapping[str, str],
    rules: ClassRules,
) -> dict[str, str]:
    """Word file -> PDF for the files of a folder left unpaired, by their names without the
    Word file's version, when the PDF has none and they are alone under that name."""
    taken = set(paired) | set(paired.values())
    loose: dict[tuple[str, str], tuple[list[tuple[str, bool]], list[tuple[str, bool]]]] = {}
    tokens = versions.version_patterns(rules)
    for (folder, key), sides in groups.items():
        for side, paths in enumerate(sides):
            for path in paths:
                if path in taken:
                    continue
                bare, had = _without_version(key, tokens)
                if bare:
                    loose.setdefault((folder, bare), ([], []))[side].append((path, had))
    return {
        words[0][0]: pdfs[0][0]
        for words, pdfs in loose.values()
        if len(words) == 1 and len(pdfs) == 1 and words[0][1] and not pdfs[0][1]
    }


def _without_version(key: str, tokens: tuple[re.Pattern[str], ...]) -> tuple[str, bool]:
    """A name key without its version (`v2`, `rev b`), and whether it had one."""
    for pattern in tokens:
        match = pattern.search(key)
        if match:
            return " ".join(f"{key[: match.start()]} {key[match.end() :]}".split()), True
    return key, False


def _printed_from(pdf: Sibling, word_path: str, rules: ClassRules) -> bool:
    """Whether the PDF's title says it was printed from this Word file (`scoring.untitled`)."""
    _, source = tool_title(pdf.title or "", rules.scoring.untitled)
    name = fold(word_path.rpartition("/")[2]).lower()
    return bool(source) and fold(source).strip().lower() in (name, name.rpartition(".")[0])


def working_copy(word: Sibling, pdf: Sibling, rules: ClassRules) -> Classification | None:
    """The Word file's classification as a working copy of `pdf`, or None: it is not one."""
    w, p = word.classification, pdf.classification
    spec = rules.by_id(w.doc_class)
    if w.corrected or spec is None or not spec.can_be_draft or w.is_draft:
        return None
    if p.doc_class != w.doc_class or p.is_draft:
        return None
    if rules.siblings.finished_pdf_only:
        final_ids = {m.id for m in rules.draft.final_markers}
        finished = any(r.partition("@")[0] in final_ids for r in p.reasons)
        if not (finished or _printed_from(pdf, word.path, rules)):
            return None
    return replace(w, is_draft=True, must_register=False, reasons=(*w.reasons, REASON))


def working_copies(files: Iterable[Sibling], rules: ClassRules) -> Mapping[str, Classification]:
    """Path -> new classification, for every Word file that is a working copy and every
    file that is a superseded version (`classify.versions`)."""
    by_path = {f.path: f for f in files}
    changed: dict[str, Classification] = {}
    for word_path, pdf_path in pairs(by_path, rules).items():
        result = working_copy(by_path[word_path], by_path[pdf_path], rules)
        if result is not None:
            changed[word_path] = result
    for path, newer in versions.newer_versions(by_path, rules).items():
        current = changed.get(path) or by_path[path].classification
        result = versions.superseded(current, newer, rules)
        if result is not None:
            changed[path] = result
    return changed
