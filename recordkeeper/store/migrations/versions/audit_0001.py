"""audit: signed tree heads

Revision ID: audit_0001
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "audit_0001"
down_revision = "0001_core"
branch_labels = ("audit",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tree_heads",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("tree_size", sa.BigInteger(), nullable=False),
        sa.Column("root_hash", sa.String(64), nullable=False),
        sa.Column("timestamp", sa.String(32), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.Column("key_fingerprint", sa.String(80), nullable=False),
        sqlite_autoincrement=True,  # a head's number is never reused
    )
    op.create_index("ix_tree_heads_tree_size", "tree_heads", ["tree_size"])


def downgrade() -> None:
    op.drop_table("tree_heads")
