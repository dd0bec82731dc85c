"""PURE: when a destruction proposal counts as approved, and whether it may run.

Approval needs `approvals_required` distinct people, each holding an allowed
role; the proposer's own approval counts only once like anyone else's.
Execution re-checks each file against the hash recorded at approval: a file
changed since then is not destroyed, and the proposal stops for a person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from recordkeeper.ruleset.retention import ApprovalPolicy


@dataclass(frozen=True, slots=True)
class Approval:
    user: str
    role: str
    approve: bool = True  # False: a rejection


class ApprovalStatus(StrEnum):
    AWAITING = "awaiting"
    APPROVED = "approved"
    REJECTED = "rejected"


def approval_status(approvals: Sequence[Approval], policy: ApprovalPolicy) -> ApprovalStatus:
    """Rejected by any authorised rejection; approved by enough distinct authorised people."""
    authorised = [a for a in approvals if a.role in policy.roles]
    if any(not a.approve for a in authorised):
        return ApprovalStatus.REJECTED
    people = {a.user for a in authorised if a.approve}
    if len(people) >= policy.approvals_required:
        return ApprovalStatus.APPROVED
    return ApprovalStatus.AWAITING


@dataclass(frozen=True, slots=True)
class ExecutionCheck:
    """Per document: may it be destroyed now, and if not, why."""

    runnable: tuple[str, ...]
    changed: tuple[str, ...]  # hash differs from the one approved
    missing: tuple[str, ...]  # file no longer where it was
    held: tuple[str, ...]


def check_before_execution(
    approved_hashes: Mapping[str, str],
    current_hashes: Mapping[str, str | None],
    held: frozenset[str] = frozenset(),
) -> ExecutionCheck:
    """Compare the approved content hashes with what is on disk now."""
    runnable: list[str] = []
    changed: list[str] = []
    missing: list[str] = []
    held_ids: list[str] = []
    for document_id, approved in sorted(approved_hashes.items()):
        current = current_hashes.get(document_id)
        if document_id in held:
            held_ids.append(document_id)
        elif current is None:
            missing.append(document_id)
        elif current != approved:
            changed.append(document_id)
        else:
            runnable.append(document_id)
    return ExecutionCheck(tuple(runnable), tuple(changed), tuple(missing), tuple(held_ids))
