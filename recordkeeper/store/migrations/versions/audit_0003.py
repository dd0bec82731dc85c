"""audit: drop the audit entries' event and project indexes, which no query uses

Every audit entry (two per new document or version) maintained them, and the log is
read by index (`idx`: verification, proofs, export, listing) or by document id (a
document's history): the event and project columns stay, as `audit verify` compares
them with each entry's bytes. docs/benchmarks.md, session 16 (helper parentperf).

Revision ID: audit_0003
Revises: audit_0002
"""

from alembic import op

revision = "audit_0003"
down_revision = "audit_0002"
branch_labels = None
depends_on = None

_DROPPED = (
    ("ix_audit_entries_event", "event"),
    ("ix_audit_entries_project_id", "project_id"),
)


def upgrade() -> None:
    for name, _ in _DROPPED:
        op.drop_index(name, table_name="audit_entries")


def downgrade() -> None:
    for name, column in _DROPPED:
        op.create_index(name, "audit_entries", [column])
