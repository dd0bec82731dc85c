"""Tables of the personal-data vault: one data key per person, encrypted items.

Nothing here is readable without the master key: `wrapped_key` is the
person's AES-256 key encrypted under a key derived from the master key, and
`lookup` is a keyed hash (HMAC) of the caller's subject key, never the key
itself. Shredding a person clears their wrapped key, lookup and ciphertexts.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from recordkeeper.store.tables import Base
from recordkeeper.store.types import UTCDateTime


class VaultSubjectRow(Base):
    """One person whose data the service keeps. `ref` is random and carries no meaning."""

    __tablename__ = "vault_subjects"

    ref: Mapped[str] = mapped_column(String(32), primary_key=True)
    lookup: Mapped[str | None] = mapped_column(String(64), unique=True)
    wrapped_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    shredded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class VaultItemRow(Base):
    """One encrypted value (AES-GCM under the person's key); NULL once shredded."""

    __tablename__ = "vault_items"

    ref: Mapped[str] = mapped_column(String(32), primary_key=True)
    subject_ref: Mapped[str] = mapped_column(ForeignKey("vault_subjects.ref"), index=True)
    nonce: Mapped[bytes | None] = mapped_column(LargeBinary)
    ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
