"""Tables of the web interface: local accounts, server-side sessions, sign-in attempts.

Passwords are stored as argon2 hashes; session tokens only as SHA-256 hashes,
so a copy of the database does not let anyone sign in.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from recordkeeper.store.tables import Base
from recordkeeper.store.types import UTCDateTime


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)  # the user name
    password_hash: Mapped[str | None] = mapped_column(Text)  # None: sign-in via proxy only
    role: Mapped[str] = mapped_column(String(32))  # registrar | project_lead | dpo | admin
    projects: Mapped[str] = mapped_column(Text, default="[]")  # JSON list, for project leads
    lang: Mapped[str] = mapped_column(String(2), default="sv")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class WebSessionRow(Base):
    __tablename__ = "web_sessions"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(100), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LoginAttemptRow(Base):
    """Failed sign-ins per key (user name and client address), for rate limiting."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class StepConfirmationRow(Base):
    """A person's confirmation of a process step that has no document (e.g. `vips`)."""

    __tablename__ = "step_confirmations"

    project: Mapped[str] = mapped_column(String(400), primary_key=True)
    step_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    actor: Mapped[str] = mapped_column(String(100))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime())
