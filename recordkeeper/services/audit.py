"""Use cases of the verifiable audit log: sign heads, verify, show, prove, export.

The signing key is a port (`Signer`) found in `ctx.extras[SIGNER]`, built by
the shell from `settings.audit.key_file`. Heads are made from a read snapshot
(appends are never blocked while the tree is hashed) and only after checking
that the log still reproduces the previous head: the service never signs a
history that contradicts one it signed before.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import structlog
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from recordkeeper import i18n
from recordkeeper.audit import messages
from recordkeeper.audit.check import Checkpoint, LogCheck, Problem, StoredEntry, check_log
from recordkeeper.audit.log import (
    HEAD_FORMAT,
    CompactRange,
    MerkleTree,
    head_message,
    leaf_hash,
    verify_inclusion,
)
from recordkeeper.errors import AuditIntegrityError, ConfigError, NotFound
from recordkeeper.services.context import Context
from recordkeeper.store.tables import AuditEntryRow
from recordkeeper.store.tables_audit import TreeHeadRow

log = structlog.get_logger(__name__)

SIGNER = "audit_signer"
_BATCH = 5000


class Signer(Protocol):
    """Signs tree heads. `fingerprint` names the key; `verify` MUST NOT raise."""

    @property
    def fingerprint(self) -> str: ...

    def sign(self, message: bytes) -> bytes: ...

    def verify(self, message: bytes, signature: bytes) -> bool: ...

    def public_pem(self) -> str: ...


def signer_of(ctx: Context) -> Signer:
    signer = ctx.extras.get(SIGNER)
    if signer is None:
        raise ConfigError("the audit signing key is not loaded (settings.audit.key_file)")
    return signer  # type: ignore[no-any-return]


def format_timestamp(at: datetime) -> str:
    """UTC, microseconds, `Z`: the exact timestamp string a head signs."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True, slots=True)
class TreeHead:
    """A signed tree head, as stored and as written to an anchor file."""

    tree_size: int
    root_hash: bytes
    timestamp: str
    signature: bytes
    key_fingerprint: str
    id: int | None = None

    def message(self) -> bytes:
        return head_message(self.tree_size, self.root_hash, self.timestamp)

    def anchor(self) -> dict[str, Any]:
        """The JSON object to keep outside the system (`audit head`)."""
        return {
            "format": HEAD_FORMAT,
            "tree_size": self.tree_size,
            "root_hash": self.root_hash.hex(),
            "timestamp": self.timestamp,
            "signature": base64.b64encode(self.signature).decode("ascii"),
            "key_fingerprint": self.key_fingerprint,
        }

    def checkpoint(self, source: str = "head", ref: str | None = None) -> Checkpoint:
        name = ref if ref is not None else str(self.id)
        return Checkpoint(self.tree_size, self.root_hash, self.timestamp, source, name)


def _head(row: TreeHeadRow) -> TreeHead:
    return TreeHead(
        tree_size=row.tree_size,
        root_hash=bytes.fromhex(row.root_hash),
        timestamp=row.timestamp,
        signature=bytes(row.signature),
        key_fingerprint=row.key_fingerprint,
        id=row.id,
    )


def _heads(session: Session) -> list[TreeHead]:
    rows = session.scalars(select(TreeHeadRow).order_by(TreeHeadRow.id))
    return [_head(row) for row in rows]


def _latest_head(session: Session) -> TreeHead | None:
    row = session.scalars(select(TreeHeadRow).order_by(TreeHeadRow.id.desc()).limit(1)).first()
    return None if row is None else _head(row)


def _rows(session: Session, limit: int | None = None) -> Iterator[tuple[int, bytes]]:
    """(index, leaf) in index order, fetched in batches."""
    query = select(AuditEntryRow.idx, AuditEntryRow.leaf).order_by(AuditEntryRow.idx)
    if limit is not None:
        query = query.where(AuditEntryRow.idx < limit)
    for partition in session.execute(query.execution_options(yield_per=_BATCH)).partitions():
        yield from partition


def _leaves(session: Session, limit: int | None = None) -> Iterator[bytes]:
    for _index, leaf in _rows(session, limit):
        yield leaf


def latest_head(ctx: Context) -> TreeHead | None:
    with ctx.store.read() as session:
        return _latest_head(session)


def make_tree_head(ctx: Context, at: datetime | None = None) -> TreeHead | None:
    """Sign the log's current head; returns the latest head unchanged when nothing was added.

    Returns None only when the log is empty.

    Raises:
        AuditIntegrityError: the log no longer reproduces the previous head; nothing is signed.
    """
    signer = signer_of(ctx)
    with ctx.store.read() as session:
        previous = _latest_head(session)
        compact = CompactRange()
        previous_root = None
        for leaf in _leaves(session):
            compact.append(leaf_hash(leaf))
            if previous is not None and compact.size == previous.tree_size:
                previous_root = compact.root()
    if compact.size == 0:
        return None
    if previous is not None:
        if previous_root != previous.root_hash:
            log.error("audit_head_refused", previous_head=previous.id, entries=compact.size)
            raise AuditIntegrityError(
                f"refusing to sign: the log of {compact.size} entries does not reproduce "
                f"signed tree head #{previous.id} ({previous.tree_size} entries); "
                "run `recordkeeper audit verify`"
            )
        if previous.tree_size == compact.size:
            return previous
    stamp = format_timestamp(at or ctx.clock.now())
    root = compact.root()
    signature = signer.sign(head_message(compact.size, root, stamp))
    with ctx.store.transaction() as tx:
        row = TreeHeadRow(
            tree_size=compact.size,
            root_hash=root.hex(),
            timestamp=stamp,
            signature=signature,
            key_fingerprint=signer.fingerprint,
        )
        tx.session.add(row)
        tx.session.flush()
        head = _head(row)
    log.info("audit_head_signed", head=head.id, tree_size=head.tree_size, root=root.hex())
    return head


# --- verification --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchor:
    """An anchor file's content, parsed; `ref` names it in messages (the file name)."""

    ref: str
    head: TreeHead


def parse_anchor(text: str, ref: str) -> Anchor:
    """An anchor from the JSON `audit head` printed.

    Raises:
        ValueError: with a plain reason, when the text is not an anchor.
    """
    try:
        data = json.loads(text)
        if data.get("format") != HEAD_FORMAT:
            raise ValueError(f"not a {HEAD_FORMAT} anchor")
        head = TreeHead(
            tree_size=int(data["tree_size"]),
            root_hash=bytes.fromhex(data["root_hash"]),
            timestamp=str(data["timestamp"]),
            signature=base64.b64decode(data["signature"], validate=True),
            key_fingerprint=str(data["key_fingerprint"]),
        )
    except (KeyError, TypeError, AttributeError, binascii.Error) as exc:
        raise ValueError(f"missing or malformed field ({type(exc).__name__})") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON (line {exc.lineno})") from exc
    return Anchor(ref=ref, head=head)


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """What `audit verify` found."""

    entries: int
    heads: int
    anchors: int
    root: bytes
    problems: tuple[Problem, ...]
    uncovered: int  # entries after the latest valid head
    latest: TreeHead | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self, lang: str) -> list[str]:
        return [messages.describe(p, lang) for p in self.problems]


def _signed(
    heads: Sequence[tuple[TreeHead, Checkpoint]], signer: Signer
) -> tuple[list[Checkpoint], list[Problem]]:
    """Checkpoints whose signature holds, and a problem for each that does not."""
    good: list[Checkpoint] = []
    problems: list[Problem] = []
    for head, point in heads:
        if head.key_fingerprint != signer.fingerprint:
            values = {"fingerprint": head.key_fingerprint}
            problems.append(Problem("unknown_key", None, values, point))
        elif not signer.verify(head.message(), head.signature):
            problems.append(Problem("bad_signature", None, {}, point))
        else:
            good.append(point)
    return good, problems


def _entries(session: Session) -> list[StoredEntry]:
    # plain driver rows: this is the hot loop of `audit verify` (100k+ entries/s)
    result = session.connection().exec_driver_sql(
        "SELECT idx, leaf, event, document_id, project_id FROM audit_entries ORDER BY idx"
    )
    out: list[StoredEntry] = []
    while rows := result.fetchmany(_BATCH):
        out.extend(StoredEntry(i, bytes(leaf), e, d, p) for i, leaf, e, d, p in rows)
    return out


def verify_audit(ctx: Context, anchors: Sequence[Anchor] = ()) -> VerifyReport:
    """Recompute the tree, check every head's signature, their consistency and the anchors."""
    signer = signer_of(ctx)
    with ctx.store.read() as session:
        entries = _entries(session)
        heads = _heads(session)
    pairs = [(h, h.checkpoint()) for h in heads]
    pairs += [(a.head, a.head.checkpoint("anchor", a.ref)) for a in anchors]
    good, problems = _signed(pairs, signer)
    result: LogCheck = check_log(entries, good)
    covered = max((c.tree_size for c in good if c.source == "head"), default=0)
    report = VerifyReport(
        entries=len(entries),
        heads=len(heads),
        anchors=len(anchors),
        root=result.tree.root(),
        problems=tuple(problems) + result.problems,
        uncovered=max(0, len(entries) - covered),
        latest=heads[-1] if heads else None,
    )
    log.info(
        "audit_verified",
        entries=report.entries,
        heads=report.heads,
        anchors=report.anchors,
        problems=[p.kind for p in report.problems],
    )
    return report


# --- reading ------------------------------------------------------------------------


def entry_body(leaf: bytes) -> dict[str, Any]:
    """The decoded JSON of an entry (for display only; the bytes are what count)."""
    body = json.loads(leaf)
    return body if isinstance(body, dict) else {"leaf": body}


def show_entries(
    ctx: Context, document_id: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Entries in index order (a document's history when `document_id` is given)."""
    query = select(AuditEntryRow.leaf).order_by(AuditEntryRow.idx.desc())
    if document_id is not None:
        query = query.where(AuditEntryRow.document_id == document_id)
    if limit is not None:
        query = query.limit(limit)
    with ctx.store.read() as session:
        leaves = list(session.scalars(query))
    return [entry_body(leaf) for leaf in reversed(leaves)]


@dataclass(frozen=True, slots=True)
class InclusionProof:
    """An entry, its audit path and the signed head it leads to."""

    index: int
    leaf: bytes
    proof: tuple[bytes, ...]
    head: TreeHead
    verified: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "leaf": base64.b64encode(self.leaf).decode("ascii"),
            "leaf_hash": leaf_hash(self.leaf).hex(),
            "tree_size": self.head.tree_size,
            "proof": [p.hex() for p in self.proof],
            "head": self.head.anchor(),
            "verified": self.verified,
        }


def prove_entry(ctx: Context, index: int) -> InclusionProof:
    """The inclusion proof of entry `index` against the latest signed head.

    Raises:
        NotFound: no such entry, or no head covers it yet.
    """
    with ctx.store.read() as session:
        head = _latest_head(session)
        leaf = session.scalar(select(AuditEntryRow.leaf).where(AuditEntryRow.idx == index))
        if leaf is None:
            raise NotFound(i18n.t("audit.prove.no_entry", ctx.lang, index=index))
        if head is None or index >= head.tree_size:
            size = 0 if head is None else head.tree_size
            raise NotFound(i18n.t("audit.prove.not_covered", ctx.lang, index=index, size=size))
        tree = MerkleTree([leaf_hash(x) for x in _leaves(session, head.tree_size)])
    proof = tuple(tree.inclusion_proof(index, head.tree_size))
    verified = verify_inclusion(index, head.tree_size, leaf_hash(leaf), proof, head.root_hash)
    return InclusionProof(index, bytes(leaf), proof, head, verified)


def export_log(ctx: Context) -> Iterator[dict[str, Any]]:
    """JSON-lines objects: one per entry `{index, leaf}`, then one per signed head."""
    with ctx.store.read() as session:
        for index, leaf in _rows(session):
            yield {"index": index, "leaf": base64.b64encode(leaf).decode("ascii")}
        heads = _heads(session)
    for head in heads:
        yield {
            "tree_size": head.tree_size,
            "root_hash": head.root_hash.hex(),
            "timestamp": head.timestamp,
            "signature": base64.b64encode(head.signature).decode("ascii"),
            "key_fingerprint": head.key_fingerprint,
        }


def entry_count(ctx: Context) -> int:
    with ctx.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntryRow)) or 0)
