"""ingest: document_links (copies sharing content)

Revision ID: ingest_0001
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "ingest_0001"
down_revision = "0001_core"
branch_labels = ("ingest",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_links",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column(
            "source_document_id", sa.String(32), sa.ForeignKey("documents.id"), nullable=False
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_document_links_document_id", "document_links", ["document_id"])
    op.create_index(
        "ix_document_links_source_document_id", "document_links", ["source_document_id"]
    )


def downgrade() -> None:
    op.drop_table("document_links")
