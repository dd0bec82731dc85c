"""ingest: index documents (root, state), so a rescan counts a root's present documents by index

Revision ID: ingest_0004
Revises: ingest_0003
"""

from alembic import op

revision = "ingest_0004"
down_revision = "ingest_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_root_state", "documents", ["root", "state"])


def downgrade() -> None:
    op.drop_index("ix_documents_root_state", table_name="documents")
