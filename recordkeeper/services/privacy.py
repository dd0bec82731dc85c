"""Use cases for data subjects (GDPR art. 15 and 17): index documents by keyed
hashes of the identifiers they mention, find a person's documents, answer.

The answer follows archive law: an official document is kept until its
weeding date under art. 17(3)(b)/(d), with the rule that decides it; a
non-official copy or draft is proposed for deletion (a person approves, as
for any destruction). The request is logged with a request id and counts
only; the subject's identifier is never stored or logged in clear.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import exists, insert, select

from recordkeeper.audit.log import new_id
from recordkeeper.errors import ConfigError
from recordkeeper.ingest.extract.codec import loads
from recordkeeper.model import AuditEvent, DocumentFacts
from recordkeeper.privacy import document_tokens, query_tokens
from recordkeeper.services.context import Context
from recordkeeper.services.retention_facts import collect_facts
from recordkeeper.store.tables import DocumentRow, ExtractionRow
from recordkeeper.store.tables_retention import (
    ProposalItemRow,
    ProposalRow,
    RetentionDeadlineRow,
    SubjectRequestRow,
    SubjectTokenRow,
)

if TYPE_CHECKING:
    from recordkeeper.services.pipeline import DocumentChange

_IN_BATCH = 500  # values per IN (...) list: well under every driver's parameter limit
ERASURE_RULE = "privacy.erasure_request"
ERASURE_BASIS = "GDPR art. 17.1; icke allmän handling (utkast, arbetsmaterial eller kopia)"


def subject_key(ctx: Context) -> bytes:
    """The HMAC key, created (0600) on first use; refused when others may read it."""
    path = Path(ctx.settings.retention.subject_key_file)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
    if path.stat().st_mode & 0o077:
        raise ConfigError(f"{path}: key file must be readable by the service only (chmod 600)")
    return path.read_bytes()


def index_contents(
    ctx: Context, shas: Sequence[str], given: Mapping[str, DocumentFacts] | None = None
) -> int:
    """Add the keyed hashes of every not-yet-indexed content; returns contents indexed.

    A pipeline chunk costs a constant number of statements: which contents are
    indexed and their extractions are read with one query each per 500, and
    the tokens go in with one multi-row insert. `given`: facts by sha256 that ingest
    extracted and stored as those contents' extractions (`DocumentChange.facts`), taken
    as they are instead of read back and decoded (`codec.loads` ≈ 11 us a file, issue #3).
    """
    given = given or {}
    key = subject_key(ctx)
    wanted = sorted(set(shas))
    done = 0
    with ctx.store.transaction() as tx:
        for start in range(0, len(wanted), _IN_BATCH):
            part = wanted[start : start + _IN_BATCH]
            indexed = set(
                tx.session.scalars(
                    select(SubjectTokenRow.sha256)
                    .where(SubjectTokenRow.sha256.in_(part))
                    .distinct()
                )
            )
            todo = [sha for sha in part if sha not in indexed]
            if not todo:
                continue
            unread = [sha for sha in todo if sha not in given]
            payloads: dict[str, bytes | None] = {}
            if unread:
                stmt = select(ExtractionRow.sha256, ExtractionRow.facts)
                found = tx.session.execute(stmt.where(ExtractionRow.sha256.in_(unread)))
                payloads = dict(found.all())
            rows: list[dict[str, str]] = []
            for sha in todo:
                facts = given.get(sha)
                if facts is None:
                    payload = payloads.get(sha)
                    stored = loads(payload) if payload else None
                    facts = stored if isinstance(stored, DocumentFacts) else None
                if facts is None:
                    continue
                addresses: tuple[str, ...] = ()
                if facts.email is not None:
                    addresses = tuple(
                        a
                        for a in (facts.email.sender, *facts.email.recipients, *facts.email.cc)
                        if a
                    )
                rows.extend(
                    {"sha256": sha, "token": token}
                    for token in sorted(document_tokens(facts.text, key, addresses))
                )
                done += 1
            if rows:
                tx.session.execute(insert(SubjectTokenRow), rows)
    return done


def index_present(ctx: Context) -> int:
    """Index every present document's content that has no token yet; returns contents indexed.

    The pipeline stage indexes new versions after ingest's commit; a daemon killed between
    the two, or a failed stage, would leave a content out of every later answer, and no
    rescan brings it back (the file is unchanged). So a request first indexes what is
    missing; contents without any token (no names or numbers in them) are read again,
    which a rare request can afford.
    """
    has_token = exists().where(SubjectTokenRow.sha256 == DocumentRow.current_sha256)
    with ctx.store.read() as session:
        shas = list(
            session.scalars(
                select(DocumentRow.current_sha256)
                .where(
                    DocumentRow.state == "present",
                    DocumentRow.current_sha256.is_not(None),
                    ~has_token,
                )
                .distinct()
            )
        )
    return index_contents(ctx, [sha for sha in shas if sha]) if shas else 0


def privacy_stage(ctx: Context, changes: Sequence[DocumentChange]) -> None:
    """Pipeline stage: index the content of new versions."""
    shas = [c.sha256 for c in changes if c.sha256 and c.change != "gone"]
    if shas:
        # the facts ingest extracted for these contents, in memory: not read back
        given = {
            c.sha256: c.facts for c in changes if c.facts is not None and c.facts.sha256 == c.sha256
        }
        index_contents(ctx, shas, given)


@dataclass(frozen=True, slots=True)
class SubjectMatch:
    document_id: str
    project: str | None
    doc_class: str | None
    official: bool
    outcome: str  # kept_until | kept_for_ever | proposed_for_deletion | pending
    rule_id: str | None
    due_on: str | None


@dataclass(frozen=True, slots=True)
class SubjectAnswer:
    request_id: str
    kind: str
    subject_kind: str
    matches: tuple[SubjectMatch, ...]
    proposal_id: str | None


def find_subject(ctx: Context, subject: str, *, request: str, actor: str) -> SubjectAnswer:
    """Find documents mentioning `subject`; for an erasure request, propose the copies.

    Args:
        subject: a personnummer, an e-mail address or a name, as the person gave it.
        request: "access" (art. 15) or "erasure" (art. 17).
        actor: the user handling the request.
    """
    subject_kind, tokens = query_tokens(subject, subject_key(ctx))
    index_present(ctx)
    now = ctx.clock.now()
    with ctx.store.read() as session:
        shas = (
            set(
                session.execute(
                    select(SubjectTokenRow.sha256).where(SubjectTokenRow.token.in_(tokens))
                ).scalars()
            )
            if tokens
            else set()
        )
        docs = (
            list(
                session.execute(
                    select(DocumentRow).where(
                        DocumentRow.current_sha256.in_(shas), DocumentRow.state == "present"
                    )
                ).scalars()
            )
            if shas
            else []
        )
        facts = {f.document_id: f for f in collect_facts(session, [d.id for d in docs])}
        deadlines = {
            r.document_id: r
            for r in session.execute(
                select(RetentionDeadlineRow).where(
                    RetentionDeadlineRow.document_id.in_([d.id for d in docs])
                )
            ).scalars()
        }
    matches = []
    for doc in sorted(docs, key=lambda d: d.id):
        fact = facts.get(doc.id)
        official = fact.is_official if fact else True  # unknown: treat as official, keep
        deadline = deadlines.get(doc.id)
        if not official and request == "erasure":
            outcome = "proposed_for_deletion"
        elif deadline is None or deadline.action == "keep":
            outcome = "kept_for_ever"
        else:
            outcome = "kept_until" if deadline.due_on else "pending"
        matches.append(
            SubjectMatch(
                doc.id,
                doc.project,
                fact.doc_class if fact else None,
                official,
                outcome,
                deadline.rule_id if deadline else None,
                deadline.due_on.isoformat() if deadline and deadline.due_on else None,
            )
        )
    request_id = new_id()
    proposal_id = None
    with ctx.store.transaction() as tx:
        to_delete = [m for m in matches if m.outcome == "proposed_for_deletion"]
        if to_delete:
            proposal_id = new_id()
            tx.session.add(
                ProposalRow(
                    id=proposal_id,
                    project=None,
                    rule_id=ERASURE_RULE,
                    action="weed",
                    basis=ERASURE_BASIS,
                    state="awaiting",
                    created_at=now,
                )
            )
            tx.session.flush()
            shas_by_doc = {d.id: d for d in docs}
            for m in to_delete:
                d = shas_by_doc[m.document_id]
                tx.session.add(
                    ProposalItemRow(
                        proposal_id=proposal_id,
                        document_id=m.document_id,
                        sha256=d.current_sha256 or "",
                        doc_class=m.doc_class,
                        state="proposed",
                        original_root=d.root,
                        original_path=d.path,
                    )
                )
        answer = SubjectAnswer(request_id, request, subject_kind, tuple(matches), proposal_id)
        tx.session.add(
            SubjectRequestRow(
                id=request_id,
                kind=request,
                subject_kind=subject_kind,
                actor=actor,
                created_at=now,
                answer=json.dumps([asdict(m) for m in matches]),
            )
        )
        tx.record(
            AuditEvent(
                "subject_request",
                now,
                actor=actor,
                rule_id=ERASURE_RULE if proposal_id else None,
                data={
                    "request": request_id,
                    "kind": request,
                    "subject_kind": subject_kind,
                    "documents": len(matches),
                    "proposal": proposal_id,
                },
            )
        )
    return answer
