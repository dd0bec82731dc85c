"""classify: drop the classifications indexes no query uses (class, rules hash, content hash)

Every insert of a classification row (one per new document or version) maintained them,
and no statement reads classifications by these columns: they are read by document id
(the primary key), or joined from documents by it. docs/benchmarks.md, session 16
(helper parentperf), lists the statements and their plans.

Revision ID: classify_0002
Revises: classify_0001
"""

from alembic import op

revision = "classify_0002"
down_revision = "classify_0001"
branch_labels = None
depends_on = None

_DROPPED = (
    ("ix_classifications_class", "doc_class"),
    ("ix_classifications_rules_hash", "rules_hash"),
    ("ix_classifications_sha256", "sha256"),
)


def upgrade() -> None:
    for name, _ in _DROPPED:
        op.drop_index(name, table_name="classifications")


def downgrade() -> None:
    for name, column in _DROPPED:
        op.create_index(name, "classifications", [column])
