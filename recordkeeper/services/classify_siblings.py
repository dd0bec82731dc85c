"""The sibling pass (`classify.siblings`) in the daemon, as `classify --json` runs it.

A Word file beside the finished PDF of the same document is its working copy:
a draft, not registered. The pure pass needs a folder's names and the
classifications made; the daemon classifies a batch of documents at a time, so
for each batch this module looks the batch's folders up in the store:

- a Word file in the batch whose finished PDF is already stored takes the pass
  at once (the PDF's stored classification and its extracted title);
- a PDF in the batch whose Word file is stored: the Word file is classified
  again from its extraction (and its corrections) and takes the pass, in the
  same batch, so the change is stored and audited like any classification;
- a Word file stored as a working copy whose PDF is no longer its partner (gone,
  moved away, a second PDF of that name, another class, a registrar's correction of
  the PDF) is classified again without it.

A file in a folder of a series (`series_folders`: a folder per day or meeting) is looked
up with every folder of its series: its parent's documents are read and those directly in
a folder of the series kept (`classify.series`).

`with_working_copies` only rewrites the batch's list of classifications; the
caller stores them (one row and one audit event per change, in its transaction).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from sqlalchemy import and_, bindparam, select, union_all
from sqlalchemy.orm import Session

from recordkeeper.classify import series, versions
from recordkeeper.classify.siblings import REASON, Sibling, pairs, working_copy
from recordkeeper.classify.versions import Newer, newer_versions, superseded, versioned
from recordkeeper.ingest.extract import codec
from recordkeeper.model import Classification
from recordkeeper.ruleset.classes import ClassRules
from recordkeeper.store import reads, repo_documents
from recordkeeper.store import repo_classification as repo
from recordkeeper.store.reads import Query
from recordkeeper.store.tables import DocumentRow

PRESENT = "present"
_FOLDERS_PER_QUERY = 32  # a power of two (`_padded`)


# one classified document of a batch: (document, its input (facts), its classification)
Made = tuple[Any, Any, Classification]
# ids of present documents -> their entries classified afresh (the caller's way)
Reclassify = Callable[[Sequence[str]], list[Made]]


class _Mate(NamedTuple):
    id: str
    path: str


# where documents are: (id, root, project, path)
_PLACES = select(DocumentRow.id, DocumentRow.root, DocumentRow.project, DocumentRow.path).where(
    DocumentRow.id.in_(bindparam("ids", expanding=True))
)


def _ext(path: str) -> str:
    name = path.rpartition("/")[2]
    return name.rpartition(".")[2].lower() if "." in name else ""


def _folder(path: str) -> str:
    return path.rpartition("/")[0]


def _folders_of(session: Session, ids: Sequence[str], rules: ClassRules) -> set[tuple[str, str]]:
    """(root, folder or series: `series.group_of`) of these documents (present or gone)."""
    out: set[tuple[str, str]] = set()
    for start in range(0, len(ids), 500):
        rows = reads.select_rows(session, _PLACES, {"ids": list(ids[start : start + 500])})
        out.update((root, series.group_of(_folder(path), rules)) for _, root, _, path in rows)
    return out


def _in_folder(index: int, binary: bool) -> Any:
    """Paths in the folder of bind parameters `lo<index>`/`hi<index>` (or `like<index>`) or
    below. SQLite compares text byte by byte, so a range over the (root, path) index does
    ('0' follows '/'); elsewhere a collation may not, so LIKE."""
    if binary:
        return and_(
            DocumentRow.path > bindparam(f"lo{index}"), DocumentRow.path < bindparam(f"hi{index}")
        )
    return DocumentRow.path.like(bindparam(f"like{index}"), escape="\\")


def _folder_params(index: int, folder: str | None, binary: bool) -> dict[str, str]:
    """The bind parameters of `_in_folder(index)` for `folder`; None: no path at all
    (an empty range; no path is empty)."""
    if binary:
        if folder is None:
            return {f"lo{index}": "", f"hi{index}": ""}
        return {f"lo{index}": folder + "/", f"hi{index}": folder + "0"}
    if folder is None:
        return {f"like{index}": ""}
    like = folder.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%"
    return {f"like{index}": like}


_MATE_COLUMNS = (DocumentRow.id, DocumentRow.path, DocumentRow.state)


@functools.cache
def _mates_query(folders: int, binary: bool) -> Query:
    """The documents of a root in `folders` folders (or below), built once per number of
    folders (a power of two), so its SQL is compiled once (`reads.select_rows`).

    One SELECT per folder, joined by UNION ALL: each is a range over the (root, path)
    index. With the folders OR-ed in one WHERE, SQLite took the (root, state) index from
    four folders on and read every present document of the root for each batch. The
    state is compared by the caller, for the same reason (`repo_classification._DOCUMENTS`).
    """
    parts = [
        select(*_MATE_COLUMNS).where(DocumentRow.root == bindparam("root"), _in_folder(i, binary))
        for i in range(folders)
    ]
    return parts[0] if folders == 1 else union_all(*parts)


_ROOT_MATES = select(*_MATE_COLUMNS).where(DocumentRow.root == bindparam("root"))


def _padded(names: list[str]) -> list[str | None]:
    """`names` and Nones (no path) up to the next power of two: a few statement shapes."""
    size = 1 << (len(names) - 1).bit_length()
    return [*names, *([None] * (size - len(names)))]


def folder_mates(
    session: Session, folders: set[tuple[str, str]], rules: ClassRules | None = None
) -> dict[tuple[str, str], list[_Mate]]:
    """The present documents directly in each (root, folder); with `rules`, a folder may be
    a series (`series.group_of`): the documents directly in each folder of the series."""
    out: dict[tuple[str, str], list[_Mate]] = {key: [] for key in folders}
    by_root: dict[str, list[str]] = {}
    for root, folder in sorted(folders):
        # a series: its parent's range holds every folder of it
        by_root.setdefault(root, []).append(
            series.parent_of(folder) if series.is_series(folder) else folder
        )
    binary = session.get_bind().dialect.name == "sqlite"
    for root, listed in by_root.items():
        names = list(dict.fromkeys(listed))  # a series' parent may be listed as a folder too
        if "" in names:  # the root folder: every document of the root, once
            batches: list[tuple[Query, dict[str, str]]] = [(_ROOT_MATES, {"root": root})]
        else:
            batches = []
            for start in range(0, len(names), _FOLDERS_PER_QUERY):
                chunk = _padded(names[start : start + _FOLDERS_PER_QUERY])
                params = {"root": root}
                for i, name in enumerate(chunk):
                    params.update(_folder_params(i, name, binary))
                batches.append((_mates_query(len(chunk), binary), params))
        seen: set[str] = set()  # a folder's range holds its subfolders: a row comes back again
        for query, params in batches:
            for doc_id, path, state in reads.select_rows(session, query, params):
                folder = _folder(path)
                key = (root, series.group_of(folder, rules) if rules is not None else folder)
                if state == PRESENT and key in out and doc_id not in seen:
                    seen.add(doc_id)
                    out[key].append(_Mate(doc_id, path))
    return out


def _relevant(path: str, rules: ClassRules) -> bool:
    sib = rules.siblings
    ext = _ext(path)
    if ext in sib.editable_extensions or ext in sib.finished_extensions:
        return True
    return versioned(path, rules)


def _passed(classification: Classification) -> bool:
    """Whether a stored classification was made by one of the passes."""
    return REASON in classification.reasons or versions.REASON in classification.reasons


def _may_be_superseded(path: str, rules: ClassRules) -> bool:
    return _ext(path) in rules.versions.extensions and versioned(path, rules)


def _may_have_passed(path: str, rules: ClassRules) -> bool:
    """Whether a stored file may hold a classification made by one of the passes."""
    return _ext(path) in rules.siblings.editable_extensions or _may_be_superseded(path, rules)


def orphans(session: Session, gone_ids: Sequence[str], rules: ClassRules) -> list[str]:
    """Word files stored as working copies in the folders of these gone documents."""
    ids = list(gone_ids)
    if not ids:
        return []
    mates = folder_mates(session, _folders_of(session, ids, rules), rules)
    words = [m.id for found in mates.values() for m in found if _may_have_passed(m.path, rules)]
    stored = repo.classifications_of(session, words) if words else {}
    return [i for i, s in stored.items() if _passed(s.classification)]


def orphans_of_moves(session: Session, moved_ids: Sequence[str], rules: ClassRules) -> list[str]:
    """Word files stored as working copies in the projects of these moved PDFs, and files
    stored as superseded versions in the projects of these moved versions.

    A change does not say where a moved document was, so the Word file it leaves
    behind is looked for in the PDF's project (its root's documents outside any
    project when it has none): every present Word file there stored as a working
    copy is classified again, and stays one only if a PDF still pairs with it.
    Likewise for a file whose newer version moved (`classify.versions`).
    """
    ids = list(moved_ids)
    if not ids:
        return []
    places = {
        (root, project)
        for _, root, project, path in reads.select_rows(session, _PLACES, {"ids": ids})
        if _ext(path) in rules.siblings.finished_extensions or versioned(path, rules)
    }
    words: list[str] = []
    for root, project in sorted(places, key=lambda p: (p[0], p[1] or "")):
        rows = repo_documents.present_in_project(session, root, project)
        words += [i for i, p in rows if _may_have_passed(p, rules)]
    stored = repo.classifications_of(session, words) if words else {}
    return [i for i, s in stored.items() if _passed(s.classification)]


def with_working_copies(
    session: Session, made: list[Made], rules: ClassRules, reclassify: Reclassify
) -> list[Made]:
    """`made` with the sibling pass applied; Word files of the batch's folders that it
    touches but that were not in the batch are classified again and appended."""
    # (root, folder) of the batch's Word files and PDFs: its documents were read in this
    # transaction (`Document`: an ORM row or `repo.PresentDocument`, both with root and path)
    folders = {
        (d.root, series.group_of(_folder(d.path), rules))
        for d, _, _ in made
        if _relevant(d.path, rules)
    }
    if not folders:
        return made
    mates = folder_mates(session, folders, rules)
    in_batch = {m[0].id: i for i, m in enumerate(made)}
    touched: list[tuple[_Mate, _Mate]] = []  # (word, pdf)
    paired: set[str] = set()
    editable: list[str] = []
    older: dict[str, Newer] = {}  # id of a superseded version -> its newer version
    again: list[str] = []  # stored older versions whose newer version is in the batch
    for found in mates.values():
        by_path = {m.path: m for m in found}
        for word_path, pdf_path in pairs(by_path, rules).items():
            word, pdf = by_path[word_path], by_path[pdf_path]
            paired.add(word.id)
            if word.id in in_batch or pdf.id in in_batch:
                touched.append((word, pdf))
        for path, newer in newer_versions(by_path, rules).items():
            mate = by_path[path]
            older[mate.id] = newer
            if mate.id not in in_batch and by_path[newer.path].id in in_batch:
                again.append(mate.id)
        editable += [
            m.id
            for m in found
            if m.id not in in_batch
            and (
                (m.id not in paired and _ext(m.path) in rules.siblings.editable_extensions)
                or (m.id not in older and _may_be_superseded(m.path, rules))
            )
        ]
    pdfs_stored = [pdf.id for _, pdf in touched if pdf.id not in in_batch]
    stored = repo.classifications_of(session, [*pdfs_stored, *editable])
    # stored by a pass that no longer holds: classified again without it
    revert = [
        i
        for i in editable
        if i in stored
        and (
            (i not in paired and REASON in stored[i].classification.reasons)
            or (i not in older and versions.REASON in stored[i].classification.reasons)
        )
    ]
    words_again = [w.id for w, _ in touched if w.id not in in_batch]
    words_again += [i for i in again if i not in words_again]
    if not touched and not revert and not again and not any(i in in_batch for i in older):
        return made
    out = list(made)
    for entry in reclassify([*words_again, *revert]) if words_again or revert else []:
        in_batch[entry[0].id] = len(out)
        out.append(entry)
    titles = _stored_titles(session, pdfs_stored)
    for word, pdf in touched:
        if word.id not in in_batch:
            continue  # not present any more, or failed to classify
        w_doc, w_input, w_class = out[in_batch[word.id]]
        if pdf.id in in_batch:
            _, p_input, p_class = out[in_batch[pdf.id]]
            title = p_input.facts.title
        elif pdf.id in stored:
            p_class, title = stored[pdf.id].classification, titles.get(pdf.id)
        else:
            continue
        copy = working_copy(Sibling(word.path, w_class), Sibling(pdf.path, p_class, title), rules)
        if copy is not None:
            out[in_batch[word.id]] = (w_doc, w_input, copy)
    for doc_id, newer in older.items():  # after the sibling pass, as classify.siblings runs them
        if doc_id in in_batch:
            doc, given, current = out[in_batch[doc_id]]
            result = superseded(current, newer, rules)
            if result is not None:
                out[in_batch[doc_id]] = (doc, given, result)
    return out


_SHAS = select(DocumentRow.id, DocumentRow.current_sha256).where(
    DocumentRow.id.in_(bindparam("ids", expanding=True))
)


def _stored_titles(session: Session, ids: Sequence[str]) -> dict[str, str | None]:
    """Document id -> the title in its stored extraction."""
    if not ids:
        return {}
    shas = dict(reads.select_rows(session, _SHAS, {"ids": list(ids)}))
    rows = repo.extractions(session, [s for s in shas.values() if s])
    titles: dict[str, str | None] = {}
    for doc_id, sha in shas.items():
        if sha is not None:
            facts = codec.loads_facts(rows[sha].facts if sha in rows else None)
            titles[doc_id] = facts.title if facts is not None else None
    return titles
