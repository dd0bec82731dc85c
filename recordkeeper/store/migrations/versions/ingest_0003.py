"""ingest: index versions.size (ingest looks up the known contents of a file's size)

Revision ID: ingest_0003
Revises: ingest_0002
"""

from alembic import op

revision = "ingest_0003"
down_revision = "ingest_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_versions_size", "versions", ["size"])


def downgrade() -> None:
    op.drop_index("ix_versions_size", table_name="versions")
