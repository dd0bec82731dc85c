"""audit: on SQLite the audit entries' index is the table's rowid (INTEGER PRIMARY KEY)

`idx` was `BIGINT PRIMARY KEY`, which SQLite does not take as the rowid: each entry went
into the table's b-tree (keyed by a rowid of its own) and into the primary key's index
(`sqlite_autoindex_audit_entries_1`), two entries a new document or version. As `INTEGER
PRIMARY KEY` the entry is one b-tree insert keyed by its index, and the log is read by
index (verification, proofs, export, listing) straight from the table. SQLite cannot
change a column's type in place, so the table is rebuilt (batch mode: a copy of every
entry, then the old table dropped); docs/install.md (Upgrading) says how long that takes
for a large log. PostgreSQL keeps its BIGINT key: its table is a heap beside the key's
index whatever the type. docs/benchmarks.md, session 18 (helper parentperf).

Revision ID: audit_0004
Revises: audit_0003
"""

import sqlalchemy as sa
from alembic import op

revision = "audit_0004"
down_revision = "audit_0003"
branch_labels = None
depends_on = None


def _idx_as(type_: sa.types.TypeEngine[int], existing: sa.types.TypeEngine[int]) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table("audit_entries", recreate="always") as batch:
        batch.alter_column(
            "idx", type_=type_, existing_type=existing, existing_nullable=False,
            autoincrement=False,
        )  # fmt: skip


def upgrade() -> None:
    _idx_as(sa.Integer(), sa.BigInteger())


def downgrade() -> None:
    _idx_as(sa.BigInteger(), sa.Integer())
