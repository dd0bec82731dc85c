"""PURE: check a stored log against its signed heads and anchors, and say what is wrong.

Input is what the store holds (entries in index order, with the indexed
columns kept beside each leaf) and the checkpoints whose signatures the caller
has already verified (stored heads and anchors kept outside the system).
Output is a list of `Problem`s, each with a stable `kind` and the place it
concerns, so that a person can act on it:

- `modified_entry`: an entry's bytes are not canonical, or disagree with its
  own indexed columns (exact index).
- `modified_range`: a signed head no longer matches, and no later head does
  either; the change lies in the given range of entries.
- `deleted_entry`: an index is missing, or later entries were renumbered.
- `reordered_entries`: entries sit at indexes other than their own.
- `truncated_log`: a checkpoint covers more entries than the log holds.
- `forked_history`: two validly signed checkpoints describe different logs
  (the history was rewritten and signed again, or an anchor comes from
  another history).

Every later checkpoint is checked against every earlier one: each that the
log reproduces is linked to the next by an RFC 6962 consistency proof built
from the log, and each it does not reproduce is classified as above.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from recordkeeper.audit.log import MerkleTree, canonical_json, leaf_hash, verify_consistency

__all__ = ["Checkpoint", "LogCheck", "Problem", "StoredEntry", "check_log"]


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """One row of the audit table: its index, the leaf bytes and the indexed columns."""

    index: int
    leaf: bytes
    event: str | None = None
    document_id: str | None = None
    project_id: str | None = None


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed statement "the log of `tree_size` entries has root `root_hash`".

    `source` is "head" (stored in the database) or "anchor" (kept outside);
    `ref` names it for people (a head's number, an anchor's file name).
    """

    tree_size: int
    root_hash: bytes
    timestamp: str
    source: str
    ref: str


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the log: a stable `kind` and where (values for the message)."""

    kind: str
    index: int | None = None
    values: Mapping[str, object] = field(default_factory=dict)
    checkpoint: Checkpoint | None = None
    other: Checkpoint | None = None


@dataclass(frozen=True, slots=True)
class LogCheck:
    """The outcome of `check_log`: the tree as stored, and what is wrong with it."""

    tree: MerkleTree
    problems: tuple[Problem, ...]
    checked: tuple[Checkpoint, ...]  # checkpoints the log reproduces

    @property
    def ok(self) -> bool:
        return not self.problems


def check_log(entries: Sequence[StoredEntry], checkpoints: Sequence[Checkpoint]) -> LogCheck:
    """Recompute the tree over `entries` and check it against `checkpoints`.

    Entries covered by a checkpoint the log reproduces are proven intact by the
    tree alone; only when something does not match (or for entries no
    checkpoint covers yet) is each entry parsed to say exactly what changed.

    Args:
        entries: every stored entry, ordered by index.
        checkpoints: heads and anchors whose signatures are already verified.
    """
    tree = MerkleTree([leaf_hash(e.leaf) for e in entries])
    ordered = sorted(checkpoints, key=lambda c: (c.tree_size, c.source, c.ref))
    size = tree.size
    dense = not entries or entries[-1].index == size - 1
    covered = [c for c in ordered if c.tree_size <= size]
    if dense and len(covered) == len(ordered):
        matching = [c for c in covered if tree.root(c.tree_size) == c.root_hash]
        if len(matching) == len(covered):
            start = max((c.tree_size for c in matching), default=0)
            problems = _check_entries(entries[start:], start)
            if not problems:
                return LogCheck(tree, tuple(_link(tree, matching)), tuple(matching))
    return _diagnose(tree, entries, ordered)


def _diagnose(
    tree: MerkleTree, entries: Sequence[StoredEntry], ordered: Sequence[Checkpoint]
) -> LogCheck:
    """The slow path: every entry parsed, every checkpoint classified."""
    problems = _check_entries(entries, 0)
    first_bad = min((p.index for p in problems if p.index is not None), default=None)
    size = tree.size
    if not problems:
        problems += [
            Problem("truncated_log", None, {"entries": size, "size": c.tree_size}, c)
            for c in ordered
            if c.tree_size > size
        ]
    usable = [
        c
        for c in ordered
        if c.tree_size <= size and (first_bad is None or c.tree_size <= first_bad)
    ]
    matching = [c for c in usable if tree.root(c.tree_size) == c.root_hash]
    problems += _link(tree, matching)
    problems += _classify_mismatches(usable, matching, problems)
    return LogCheck(tree=tree, problems=tuple(problems), checked=tuple(matching))


def _parse(leaf: bytes) -> dict[str, object] | None:
    try:
        body = json.loads(leaf)
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None


def _columns_differ(entry: StoredEntry, body: Mapping[str, object]) -> bool:
    if entry.event is not None and body.get("event") != entry.event:
        return True
    return (body.get("document_id"), body.get("project_id")) != (
        entry.document_id,
        entry.project_id,
    )


def _check_entries(entries: Sequence[StoredEntry], expected: int) -> list[Problem]:
    """Per-entry checks from index `expected` on: gaps, canonical form, own index, columns."""
    problems: list[Problem] = []
    misplaced: list[tuple[int, int]] = []  # (row index, index written in the leaf)
    for entry in entries:
        if entry.index > expected:
            problems.append(
                Problem("deleted_entry", expected, {"first": expected, "last": entry.index - 1})
            )
        expected = entry.index + 1
        body = _parse(entry.leaf)
        if body is None or canonical_json(body) != entry.leaf:
            problems.append(Problem("modified_entry", entry.index, {"reason": "not_canonical"}))
            continue
        own = body.get("index")
        if own != entry.index:
            misplaced.append((entry.index, own if isinstance(own, int) else -1))
        elif _columns_differ(entry, body):
            problems.append(Problem("modified_entry", entry.index, {"reason": "columns"}))
    return problems + _classify_misplaced(misplaced)


def _classify_misplaced(misplaced: list[tuple[int, int]]) -> list[Problem]:
    if not misplaced:
        return []
    rows = sorted(i for i, _ in misplaced)
    if rows == sorted(j for _, j in misplaced):
        shown = ", ".join(str(i) for i in rows[:10]) + (" …" if len(rows) > 10 else "")
        return [Problem("reordered_entries", rows[0], {"indexes": shown, "count": len(rows)})]
    first_row, first_own = misplaced[0]
    shift = first_own - first_row
    if shift > 0 and all(j - i == shift for i, j in misplaced):
        # later entries were renumbered to close the gap a deletion left
        return [Problem("deleted_entry", first_row, {"first": first_row, "last": first_own - 1})]
    return [Problem("modified_entry", i, {"reason": "index"}) for i, _ in misplaced]


def _link(tree: MerkleTree, matching: Sequence[Checkpoint]) -> list[Problem]:
    """Consistency proofs between each reproduced checkpoint and the next."""
    problems: list[Problem] = []
    for a, b in pairwise(matching):
        proof = tree.consistency_proof(a.tree_size, b.tree_size)
        if not verify_consistency(a.tree_size, b.tree_size, a.root_hash, b.root_hash, proof):
            problems.append(Problem("forked_history", None, {"size": a.tree_size}, a, b))
    return problems


def _classify_mismatches(
    usable: Sequence[Checkpoint], matching: Sequence[Checkpoint], found: Sequence[Problem]
) -> list[Problem]:
    """A checkpoint the log does not reproduce: a fork when a later one matches, else a change."""
    problems: list[Problem] = []
    reported_change = False
    exact = {p.index for p in found if p.kind == "modified_entry"}
    for c in usable:
        if c in matching:
            continue
        later = [m for m in matching if m.tree_size >= c.tree_size]
        if later:
            problems.append(Problem("forked_history", None, {"size": c.tree_size}, c, later[-1]))
            continue
        if reported_change:
            continue
        reported_change = True
        start = max((m.tree_size for m in matching if m.tree_size < c.tree_size), default=0)
        if not any(start <= i < c.tree_size for i in exact if i is not None):
            values = {"first": start, "last": c.tree_size - 1}
            problems.append(Problem("modified_range", start, values, c))
    return problems
