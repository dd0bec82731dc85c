"""Tables of the verifiable audit log beyond the entries themselves: signed tree heads.

The entries live in `audit_entries` (core tables). A head states "the first
`tree_size` entries have Merkle root `root_hash`", signed with the audit key
identified by `key_fingerprint`; docs/audit.md says exactly which bytes.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from recordkeeper.store.tables import Base


class TreeHeadRow(Base):
    """One signed tree head (STH). `timestamp` is the exact string that was signed."""

    __tablename__ = "tree_heads"
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012 - ids are never reused

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tree_size: Mapped[int] = mapped_column(BigInteger, index=True)
    root_hash: Mapped[str] = mapped_column(String(64))  # hex
    timestamp: Mapped[str] = mapped_column(String(32))
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    key_fingerprint: Mapped[str] = mapped_column(String(80))
