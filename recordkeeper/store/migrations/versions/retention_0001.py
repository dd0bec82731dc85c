"""retention: deadlines, project events, proposals, approvals, holds, tombstones

Revision ID: retention_0001
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "retention_0001"
down_revision = "0001_core"
branch_labels = ("retention",)
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "retention_deadlines",
        sa.Column("document_id", sa.String(32), primary_key=True),
        sa.Column("project", sa.String(400)),
        sa.Column("rule_id", sa.String(100), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date()),
        sa.Column("personal_data", sa.Boolean(), nullable=False),
        sa.Column("doc_class", sa.String(64)),
        sa.Column("computed_at", TS, nullable=False),
    )
    op.create_index("ix_retention_deadlines_due", "retention_deadlines", ["due_on", "action"])
    op.create_table(
        "project_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("project", sa.String(400), nullable=False),
        sa.Column("event", sa.String(32), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("recorded_at", TS, nullable=False),
    )
    op.create_index("ix_project_events_project", "project_events", ["project"])
    op.create_table(
        "retention_proposals",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("project", sa.String(400)),
        sa.Column("rule_id", sa.String(100), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("decided_at", TS),
        sa.Column("quarantined_at", TS),
        sa.Column("purge_after", TS),
        sa.Column("finished_at", TS),
        sa.Column("stop_reason", sa.String(64)),
    )
    op.create_index("ix_retention_proposals_project", "retention_proposals", ["project"])
    op.create_index("ix_retention_proposals_state", "retention_proposals", ["state"])
    op.create_table(
        "retention_proposal_items",
        sa.Column(
            "proposal_id",
            sa.String(32),
            sa.ForeignKey("retention_proposals.id"),
            primary_key=True,
        ),
        sa.Column("document_id", sa.String(32), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("doc_class", sa.String(64)),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("quarantine_name", sa.String(200)),
        sa.Column("original_root", sa.String(200)),
        sa.Column("original_path", sa.Text()),
    )
    op.create_table(
        "retention_approvals",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "proposal_id", sa.String(32), sa.ForeignKey("retention_proposals.id"), nullable=False
        ),
        sa.Column("user", sa.String(100), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("approve", sa.Boolean(), nullable=False),
        sa.Column("at", TS, nullable=False),
    )
    op.create_index("ix_retention_approvals_proposal_id", "retention_approvals", ["proposal_id"])
    op.create_table(
        "legal_holds",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("document_id", sa.String(32)),
        sa.Column("project", sa.String(400)),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("lifted_by", sa.String(100)),
        sa.Column("lifted_at", TS),
    )
    op.create_index("ix_legal_holds_document_id", "legal_holds", ["document_id"])
    op.create_index("ix_legal_holds_project", "legal_holds", ["project"])
    op.create_table(
        "tombstones",
        sa.Column("document_id", sa.String(32), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("doc_class", sa.String(64)),
        sa.Column("project", sa.String(400)),
        sa.Column("rule_id", sa.String(100), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("proposal_id", sa.String(32), nullable=False),
        sa.Column("approvers", sa.Text(), nullable=False),
        sa.Column("approved_at", TS),
        sa.Column("quarantined_at", TS),
        sa.Column("deleted_at", TS, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "tombstones",
        "legal_holds",
        "retention_approvals",
        "retention_proposal_items",
        "retention_proposals",
        "project_events",
        "retention_deadlines",
    ):
        op.drop_table(table)
