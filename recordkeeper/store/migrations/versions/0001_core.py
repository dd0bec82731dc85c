"""core: documents, versions, extractions, audit entries, service state

Revision ID: 0001_core
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("root", sa.String(200), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("project", sa.String(400)),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gone_at", sa.DateTime(timezone=True)),
        sa.Column("current_sha256", sa.String(64)),
        sa.Column("size", sa.BigInteger()),
        sa.Column("mtime_ns", sa.BigInteger()),
        sa.Column("inode", sa.BigInteger()),
        sa.Column("error_reason", sa.String(32)),
        sa.Column("error_detail", sa.Text()),
    )
    op.create_index("ix_documents_root_path", "documents", ["root", "path"])
    op.create_index("ix_documents_sha256", "documents", ["current_sha256"])
    op.create_index("ix_documents_project", "documents", ["project"])
    op.create_index("ix_documents_state", "documents", ["state"])
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("mtime_ns", sa.BigInteger()),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_versions_document_id", "versions", ["document_id"])
    op.create_index("ix_versions_sha256", "versions", ["sha256"])
    op.create_table(
        "extractions",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16)),
        sa.Column("facts", sa.LargeBinary()),
        sa.Column("error_reason", sa.String(32)),
        sa.Column("error_detail", sa.Text()),
        sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extractor_version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "audit_entries",
        sa.Column("idx", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("leaf", sa.LargeBinary(), nullable=False),
        sa.Column("event", sa.String(64), nullable=False),
        sa.Column("document_id", sa.String(32)),
        sa.Column("project_id", sa.String(400)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_audit_entries_event", "audit_entries", ["event"])
    op.create_index("ix_audit_entries_document_id", "audit_entries", ["document_id"])
    op.create_index("ix_audit_entries_project_id", "audit_entries", ["project_id"])
    op.create_table(
        "service_state",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for table in ("service_state", "audit_entries", "extractions", "versions", "documents"):
        op.drop_table(table)
