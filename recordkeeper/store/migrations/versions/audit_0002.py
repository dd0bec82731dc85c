"""audit: personal-data vault (per-person keys, encrypted items)

Revision ID: audit_0002
Revises: audit_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "audit_0002"
down_revision = "audit_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "vault_subjects",
        sa.Column("ref", sa.String(32), primary_key=True),
        sa.Column("lookup", sa.String(64), unique=True),
        sa.Column("wrapped_key", sa.LargeBinary()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("shredded_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "vault_items",
        sa.Column("ref", sa.String(32), primary_key=True),
        sa.Column(
            "subject_ref", sa.String(32), sa.ForeignKey("vault_subjects.ref"), nullable=False
        ),
        sa.Column("nonce", sa.LargeBinary()),
        sa.Column("ciphertext", sa.LargeBinary()),
    )
    op.create_index("ix_vault_items_subject_ref", "vault_items", ["subject_ref"])


def downgrade() -> None:
    op.drop_table("vault_items")
    op.drop_table("vault_subjects")
