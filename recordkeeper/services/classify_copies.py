"""The convenience-copy pass (`copies.personal_folders`) in the daemon, as `classify --json`
runs it.

A file in a person's own folder (`Ulrikas filer/`, `Mina dokument/`), or named as a copy
(`copies.copy_names`: `Copy of X.xlsx`, `X - Kopia.pdf`), whose bytes equal a
present file outside such folders that is proposed for registration is that document's
convenience copy: same class, not proposed again (reason `copy:convenience`). The daemon
classifies a batch at a time, so for each batch this module looks the batch's proposed
contents up in the store (the documents index their content hash):

- a file of the batch in a personal folder takes the pass when a file of the same content
  outside such folders is proposed (in the batch, or stored so);
- a file of the batch outside personal folders that is proposed: the stored files of the
  same content in personal folders are classified again and take the pass, in the same
  batch, so the change is stored and audited like any classification;
- when a document goes, the stored copies of its content are classified again
  (`copies_of_gone`), and are proposed again unless another original remains; so are the
  stored copies of what a document held before its new version (`copies_of_contents`).

`with_convenience_copies` only rewrites the batch's list of classifications; the caller
stores them (one row and one audit event per change, in its transaction).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy.orm import Session

from recordkeeper.ruleset.classes import ClassRules
from recordkeeper.services.classify_files import (
    COPY_REASON,
    as_convenience_copy,
    kept_as_copy,
)
from recordkeeper.services.classify_siblings import PRESENT, Made, Reclassify
from recordkeeper.store import repo_classification as repo
from recordkeeper.store import repo_documents


def _present_with(session: Session, shas: Sequence[str]) -> list[tuple[str, str, str]]:
    """(id, path, content) of the present documents holding these contents."""
    holders = repo_documents.content_holders(session, shas)
    return [
        (h.id, h.path, sha) for sha, found in holders.items() for h in found if h.state == PRESENT
    ]


def with_convenience_copies(
    session: Session,
    made: list[Made],
    rules: ClassRules,
    reclassify: Reclassify,
    holders: Mapping[str, Sequence[str]] | None = None,
) -> list[Made]:
    """`made` with the convenience-copy pass applied; stored copies of the batch's proposed
    contents that were not in the batch are classified again and appended. `holders`: for
    some contents, every present document holding it, when the caller knows (ingest just
    inserted them); when those are all in the batch, the store is not asked."""
    if not rules.copies.active:
        return made
    proposed_here = [
        d
        for d, _, c in made
        if c.must_register and d.current_sha256 and COPY_REASON not in c.reasons
    ]
    if not proposed_here:
        return made
    personal = {d.id for d in proposed_here if kept_as_copy(d.path, rules)}
    originals = {d.current_sha256 for d in proposed_here if d.id not in personal}
    in_batch = {d.id: i for i, (d, _, _) in enumerate(made)}
    shas = sorted({d.current_sha256 for d in proposed_here})
    stored = (
        []  # every holder is in the batch: none stored elsewhere
        if _only_in_batch(shas, holders, in_batch)
        else [row for row in _present_with(session, shas) if row[0] not in in_batch]
    )
    again = [i for i, path, sha in stored if sha in originals and kept_as_copy(path, rules)]
    wanted = {d.current_sha256 for d in proposed_here if d.id in personal} - originals
    outside = [i for i, path, sha in stored if sha in wanted and not kept_as_copy(path, rules)]
    if outside:
        found = repo.classifications_of(session, outside)
        by_id = {i: sha for i, _, sha in stored}
        originals |= {by_id[i] for i, s in found.items() if s.classification.must_register}
    out = list(made)
    if again:
        for entry in reclassify(again):
            in_batch[entry[0].id] = len(out)
            out.append(entry)
            personal.add(entry[0].id)
    for doc_id in personal:
        at = in_batch.get(doc_id)
        if at is None:
            continue
        doc, given, c = out[at]
        if c.must_register and doc.current_sha256 in originals and COPY_REASON not in c.reasons:
            out[at] = (doc, given, as_convenience_copy(c))
    return out


def _only_in_batch(
    shas: Sequence[str], holders: Mapping[str, Sequence[str]] | None, in_batch: Mapping[str, int]
) -> bool:
    """Whether `holders` lists every present holder of each of `shas`, all in the batch."""
    if not holders:
        return False
    return all(s in holders and all(i in in_batch for i in holders[s]) for s in shas)


def copies_of_gone(session: Session, gone_ids: Sequence[str], rules: ClassRules) -> list[str]:
    """Present documents stored as convenience copies of the contents these gone documents
    held: classified again (their original may have been the one that went)."""
    ids = list(gone_ids)
    if not ids or not rules.copies.active:
        return []
    return copies_of_contents(session, repo_documents.contents_of(session, ids), rules)


def copies_of_contents(session: Session, shas: Iterable[str], rules: ClassRules) -> list[str]:
    """Present documents stored as convenience copies of these contents: classified again.
    Given the contents gone documents held (`copies_of_gone`), and the contents documents
    held before a new version replaced them: a copy of what its original was is no copy
    any more (proposed again, unless another original of that content remains)."""
    wanted = sorted(set(shas))
    if not wanted or not rules.copies.active:
        return []
    candidates = [i for i, path, _ in _present_with(session, wanted) if kept_as_copy(path, rules)]
    stored = repo.classifications_of(session, candidates) if candidates else {}
    return [i for i, s in stored.items() if COPY_REASON in s.classification.reasons]
