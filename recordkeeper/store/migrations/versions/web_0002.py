"""web: step confirmations made by people in the web interface

Revision ID: web_0002
Revises: web_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "web_0002"
down_revision = "web_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "step_confirmations",
        sa.Column("project", sa.String(400), primary_key=True),
        sa.Column("step_id", sa.String(64), primary_key=True),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("step_confirmations")
