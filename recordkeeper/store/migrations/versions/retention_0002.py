"""retention: subject index (keyed hashes) and data-subject requests

Revision ID: retention_0002
Revises: retention_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "retention_0002"
down_revision = "retention_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "subject_tokens",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("token", sa.String(64), primary_key=True),
    )
    op.create_index("ix_subject_tokens_token", "subject_tokens", ["token"])
    op.create_table(
        "subject_requests",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject_kind", sa.String(16), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("subject_requests")
    op.drop_table("subject_tokens")
