"""registry: prompts, alerts, project diarienummer, drafts sent by e-mail

Revision ID: registry_0001
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "registry_0001"
down_revision = "0001_core"
branch_labels = ("registry",)
depends_on = None


def upgrade() -> None:
    tz = sa.DateTime(timezone=True)
    op.create_table(
        "registry_prompts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(32), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content_key", sa.String(64), unique=True),
        sa.Column("linked_to", sa.Integer(), sa.ForeignKey("registry_prompts.id")),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("previous_prompt_id", sa.Integer()),
        sa.Column("project", sa.String(400)),
        sa.Column("doc_class", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("arrived_on", sa.Date(), nullable=False),
        sa.Column("date_source", sa.String(32), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("direction", sa.String(16), nullable=False),
        sa.Column("counterpart_ref", sa.Text()),
        sa.Column("counterpart_source", sa.String(32)),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("proposed_dnr", sa.String(64)),
        sa.Column("secrecy", sa.Boolean(), nullable=False),
        sa.Column("secrecy_cues", sa.Text(), nullable=False),
        sa.Column("secrecy_provisions", sa.Text(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("created_at", tz, nullable=False),
        sa.Column("updated_at", tz, nullable=False),
        sa.Column("answered_at", tz),
        sa.Column("answered_by", sa.String(100)),
        sa.Column("dnr", sa.String(64)),
        sa.Column("dismiss_code", sa.String(32)),
        sa.Column("dismiss_text", sa.Text()),
        sa.UniqueConstraint("document_id", "sha256", name="uq_registry_prompts_doc_sha"),
    )
    op.create_index("ix_registry_prompts_status_due", "registry_prompts", ["status", "due_on"])
    op.create_index("ix_registry_prompts_document", "registry_prompts", ["document_id"])
    op.create_index("ix_registry_prompts_sha256", "registry_prompts", ["sha256"])
    op.create_table(
        "registry_alerts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(32), nullable=False),
        sa.Column("prompt_id", sa.Integer(), sa.ForeignKey("registry_prompts.id")),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("previous_sha256", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", tz, nullable=False),
        sa.Column("acknowledged_at", tz),
        sa.Column("acknowledged_by", sa.String(100)),
        sa.UniqueConstraint("document_id", "kind", "sha256", name="uq_registry_alerts_once"),
    )
    op.create_index("ix_registry_alerts_status", "registry_alerts", ["status"])
    op.create_table(
        "registry_dnrs",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("project", sa.String(400), nullable=False),
        sa.Column("dnr", sa.String(64), nullable=False),
        sa.Column("document_id", sa.String(32), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("seen_at", tz, nullable=False),
        sa.UniqueConstraint("project", "dnr", "document_id", "source", name="uq_registry_dnrs"),
    )
    op.create_table(
        "registry_sent",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("email_document_id", sa.String(32), nullable=False),
        sa.Column("email_sha256", sa.String(64), nullable=False),
        sa.Column("project", sa.String(400)),
        sa.Column("attachment_key", sa.Text(), nullable=False),
        sa.Column("sent_at", tz, nullable=False),
        sa.Column("recipients_ref", sa.Text()),
        sa.UniqueConstraint("email_sha256", "attachment_key", name="uq_registry_sent"),
    )
    op.create_index("ix_registry_sent_key", "registry_sent", ["attachment_key"])


def downgrade() -> None:
    for table in ("registry_sent", "registry_dnrs", "registry_alerts", "registry_prompts"):
        op.drop_table(table)
