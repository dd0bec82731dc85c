"""ingest: folder_digests (the last verified listing of each folder, for rescans)

Revision ID: ingest_0002
Revises: ingest_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "ingest_0002"
down_revision = "ingest_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "folder_digests",
        sa.Column("root", sa.String(200), primary_key=True),
        sa.Column("folder", sa.Text(), primary_key=True),
        sa.Column("digest", sa.String(32)),
        sa.Column("files", sa.Integer(), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("folder_digests")
