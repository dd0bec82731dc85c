"""notify: e-mail outbox

Revision ID: notify_0001
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "notify_0001"
down_revision = "0001_core"
branch_labels = ("notify",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notify_outbox",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(300), nullable=False, unique=True),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("recipient", sa.String(320), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(64)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True)),
        sa.Column("sent_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_notify_outbox_state_next", "notify_outbox", ["state", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_notify_outbox_state_next", "notify_outbox")
    op.drop_table("notify_outbox")
