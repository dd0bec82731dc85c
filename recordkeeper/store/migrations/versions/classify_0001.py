"""classify: current classification per document, registrar corrections

Revision ID: classify_0001
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "classify_0001"
down_revision = "0001_core"
branch_labels = ("classify",)
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "classifications",
        sa.Column(
            "document_id", sa.String(32), sa.ForeignKey("documents.id"), primary_key=True
        ),
        sa.Column("sha256", sa.String(64)),
        sa.Column("doc_class", sa.String(64), nullable=False),
        sa.Column("is_draft", sa.Boolean(), nullable=False),
        sa.Column("must_register", sa.Boolean(), nullable=False),
        sa.Column("personal_data", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("corrected", sa.Boolean(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("personal_data_kinds", sa.Text(), nullable=False),
        sa.Column("error_reason", sa.String(32)),
        sa.Column("rules_hash", sa.String(64), nullable=False),
        sa.Column("classified_at", TS, nullable=False),
    )
    op.create_index("ix_classifications_class", "classifications", ["doc_class"])
    op.create_index("ix_classifications_rules_hash", "classifications", ["rules_hash"])
    op.create_index("ix_classifications_sha256", "classifications", ["sha256"])
    op.create_table(
        "classification_corrections",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("doc_class", sa.String(64)),
        sa.Column("is_draft", sa.Boolean()),
        sa.Column("not_official", sa.Boolean()),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index(
        "ix_classification_corrections_document_id", "classification_corrections", ["document_id"]
    )
    op.create_index(
        "ix_classification_corrections_sha256", "classification_corrections", ["sha256"]
    )


def downgrade() -> None:
    op.drop_table("classification_corrections")
    op.drop_table("classifications")
