"""process: latest step statuses per project, warnings for project leads

Revision ID: process_0001
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "process_0001"
down_revision = "0001_core"
branch_labels = ("process",)
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "process_status",
        sa.Column("project", sa.String(400), primary_key=True),
        sa.Column("rules_id", sa.String(100), nullable=False),
        sa.Column("variant", sa.String(32)),
        sa.Column("current_step", sa.String(64)),
        sa.Column("steps", sa.Text(), nullable=False),
        sa.Column("evaluated_at", TS, nullable=False),
    )
    op.create_table(
        "process_warnings",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("project", sa.String(400), nullable=False),
        sa.Column("step_id", sa.String(64)),
        sa.Column("rule_id", sa.String(200), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("first_seen_at", TS, nullable=False),
        sa.Column("last_seen_at", TS, nullable=False),
        sa.Column("resolved_at", TS),
    )
    op.create_index(
        "ix_process_warnings_project_state", "process_warnings", ["project", "state"]
    )


def downgrade() -> None:
    op.drop_index("ix_process_warnings_project_state", table_name="process_warnings")
    op.drop_table("process_warnings")
    op.drop_table("process_status")
