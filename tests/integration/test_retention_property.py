"""Property: no sequence of operations removes a file without an approved decision."""

from __future__ import annotations

import hashlib
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from recordkeeper.config import load_settings
from recordkeeper.errors import RecordkeeperError
from recordkeeper.retention import RetentionFacts
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services import retention as svc
from recordkeeper.services.context import Context
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_retention import ApprovalRow, ProposalItemRow
from recordkeeper.store.unit import Store
from tests.conftest import RULES_DIR
from tests.fakes import FakeClock

OPS = st.lists(
    st.one_of(
        st.tuples(st.just("propose"), st.integers(0, 3)),
        st.tuples(st.just("decide"), st.sampled_from(["dpo", "registrar", "admin"]), st.booleans()),
        st.tuples(st.just("hold"), st.integers(0, 3)),
        st.tuples(st.just("lift"), st.integers(0, 3)),
        st.tuples(st.just("execute"), st.booleans()),
        st.tuples(st.just("advance"), st.integers(0, 60)),
        st.tuples(st.just("edit"), st.integers(0, 3)),
    ),
    max_size=14,
)


def _setup(tmp: Path, rules: LoadedRules) -> tuple[Context, list[Path]]:
    share = tmp / "share"
    settings_ = load_settings(
        None,
        {
            "database_url": f"sqlite:///{tmp / 'rk.db'}",
            "rules_dir": str(RULES_DIR),
            "roots": [{"path": str(share)}],
        },
    )
    store = Store(settings_.database_url)
    store.migrate()
    ctx = Context(
        settings=settings_,
        rules=rules,
        store=store,
        clock=FakeClock(datetime(2024, 3, 1, tzinfo=UTC)),
    )
    paths = []
    with store.transaction() as tx:
        for i in range(4):
            path = share / "P" / f"svar{i}.xlsx"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(f"svar {i}".encode())
            paths.append(path)
            tx.session.add(
                DocumentRow(
                    id=f"d{i}",
                    root=str(share),
                    path=f"P/svar{i}.xlsx",
                    project="P",
                    state="present",
                    first_seen_at=ctx.clock.now(),
                    last_seen_at=ctx.clock.now(),
                    current_sha256=hashlib.sha256(f"svar {i}".encode()).hexdigest(),
                )
            )
    svc.store_deadlines(
        ctx,
        [
            RetentionFacts(
                f"d{i}", "survey_response", True, "P", project_closed_on=date(2021, 1, 1)
            )
            for i in range(4)
        ],
    )
    return ctx, paths


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS)
def test_no_file_disappears_without_an_approved_decision(rules: LoadedRules, ops: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx, paths = _setup(Path(tmp), rules)
        holds: list[str] = []
        for op in ops:
            try:
                if op[0] == "propose":
                    svc.make_proposals(ctx, date(2024, 3, 1))
                elif op[0] == "decide":
                    for p in svc.open_proposals(ctx):
                        svc.decide(ctx, p.id, f"user-{op[1]}", op[1], approve=op[2])
                elif op[0] == "hold":
                    holds.append(svc.add_hold(ctx, document_id=f"d{op[1]}", reason="r", actor="a"))
                elif op[0] == "lift" and holds:
                    svc.lift_hold(ctx, holds.pop(op[1] % len(holds)), actor="a")
                elif op[0] == "execute":
                    svc.execute(ctx, dry_run=op[1])
                elif op[0] == "advance":
                    ctx.clock.advance(days=op[1])  # type: ignore[attr-defined]
                elif op[0] == "edit" and paths[op[1]].exists():
                    paths[op[1]].write_bytes(b"edited")
            except RecordkeeperError:
                pass  # refusals are allowed outcomes; the invariant must still hold
        with ctx.store.read() as session:
            approved_docs = set(
                session.execute(
                    select(ProposalItemRow.document_id)
                    .join(ApprovalRow, ApprovalRow.proposal_id == ProposalItemRow.proposal_id)
                    .where(ApprovalRow.approve.is_(True), ApprovalRow.role.in_(["dpo", "admin"]))
                ).scalars()
            )
        for i, path in enumerate(paths):
            if not path.exists():
                assert f"d{i}" in approved_docs
        ctx.store.close()
