"""Use cases of accounts and sign-in: users, passwords (argon2), sessions, rate limits.

Session tokens are random (secrets.token_urlsafe) and stored only as SHA-256
hashes; each session carries its own CSRF token. Every change is audited with
user ids only.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select

from recordkeeper.errors import NotFound, UsageError
from recordkeeper.i18n import register, t
from recordkeeper.model import AuditEvent
from recordkeeper.services.context import Context
from recordkeeper.store.tables_web import LoginAttemptRow, UserRow, WebSessionRow

register(
    {
        "users.unknown_role": {
            "sv": "okänd roll '{role}'; välj en av: {roles}",
            "en": "unknown role '{role}'; use one of: {roles}",
        },
        "users.password_short": {
            "sv": "lösenordet måste ha minst 12 tecken",
            "en": "the password must have at least 12 characters",
        },
        "users.no_user": {"sv": "användaren '{user}' finns inte", "en": "no user '{user}'"},
    }
)

ROLES = ("registrar", "project_lead", "dpo", "admin")


def _hasher(ctx: Context) -> PasswordHasher:
    web = ctx.settings.web
    return PasswordHasher(time_cost=web.password_time_cost, memory_cost=web.password_memory_kib)


@dataclass(frozen=True, slots=True)
class User:
    id: str
    role: str
    projects: tuple[str, ...] = ()
    lang: str = "sv"

    def may_see_project(self, project: str | None) -> bool:
        return self.role != "project_lead" or (project is not None and project in self.projects)


@dataclass(frozen=True, slots=True)
class SessionInfo:
    user: User
    csrf_token: str


def _user(row: UserRow) -> User:
    return User(row.id, row.role, tuple(json.loads(row.projects or "[]")), row.lang)


def add_user(
    ctx: Context,
    user_id: str,
    role: str,
    *,
    password: str | None,
    actor: str,
    projects: tuple[str, ...] = (),
    lang: str = "sv",
) -> User:
    """Create or update an account; a password of None means sign-in via the proxy only."""
    if role not in ROLES:
        raise UsageError(t("users.unknown_role", ctx.lang, role=role, roles=", ".join(ROLES)))
    if password is not None and len(password) < 12:
        raise UsageError(t("users.password_short", ctx.lang))
    now = ctx.clock.now()
    with ctx.store.transaction() as tx:
        row = tx.session.get(UserRow, user_id)
        created = row is None
        if row is None:
            row = UserRow(id=user_id, created_at=now, disabled=False)
            tx.session.add(row)
        row.role, row.projects, row.lang = role, json.dumps(list(projects)), lang
        row.password_hash = _hasher(ctx).hash(password) if password else row.password_hash
        tx.record(
            AuditEvent(
                "user_added" if created else "user_changed",
                now,
                actor=actor,
                data={"user": user_id, "role": role},
            )
        )
    return _user(row)


def get_user(ctx: Context, user_id: str) -> User | None:
    with ctx.store.read() as session:
        row = session.get(UserRow, user_id)
        return _user(row) if row is not None and not row.disabled else None


def list_users(ctx: Context) -> list[User]:
    with ctx.store.read() as session:
        return [_user(r) for r in session.execute(select(UserRow).order_by(UserRow.id)).scalars()]


def is_rate_limited(ctx: Context, keys: tuple[str, ...]) -> bool:
    web = ctx.settings.web
    since = ctx.clock.now() - timedelta(minutes=web.login_window_minutes)
    with ctx.store.read() as session:
        for key in keys:
            n = session.execute(
                select(func.count())
                .select_from(LoginAttemptRow)
                .where(LoginAttemptRow.key == key, LoginAttemptRow.at >= since)
            ).scalar_one()
            if n >= web.login_attempts_per_window:
                return True
    return False


def authenticate(ctx: Context, user_id: str, password: str, client: str) -> User | None:
    """The user if the password is right and no limit is hit; records failures."""
    keys = (f"user:{user_id}", f"addr:{client}")
    if is_rate_limited(ctx, keys):
        return None
    now = ctx.clock.now()
    with ctx.store.transaction() as tx:
        row = tx.session.get(UserRow, user_id)
        ok = False
        if row is not None and row.password_hash and not row.disabled:
            hasher = _hasher(ctx)
            try:
                ok = hasher.verify(row.password_hash, password)
            except (VerificationError, InvalidHashError):
                ok = False
            if ok and hasher.check_needs_rehash(row.password_hash):
                row.password_hash = hasher.hash(password)
        if not ok or row is None:
            for key in keys:
                tx.session.add(LoginAttemptRow(key=key, at=now))
            tx.record(AuditEvent("sign_in_failed", now, actor=user_id if row else "unknown"))
            return None
        tx.session.execute(delete(LoginAttemptRow).where(LoginAttemptRow.key == keys[0]))
        tx.record(AuditEvent("signed_in", now, actor=user_id))
        return _user(row)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(ctx: Context, user: User) -> str:
    """A new session for `user`; returns the token for the cookie (only its hash is kept)."""
    token = secrets.token_urlsafe(32)
    now = ctx.clock.now()
    with ctx.store.transaction() as tx:
        tx.session.add(
            WebSessionRow(
                token_sha256=_token_hash(token),
                user_id=user.id,
                csrf_token=secrets.token_urlsafe(32),
                created_at=now,
                expires_at=now + timedelta(hours=ctx.settings.web.session_hours),
            )
        )
    return token


def session_for(ctx: Context, token: str | None) -> SessionInfo | None:
    if not token:
        return None
    with ctx.store.read() as session:
        row = session.get(WebSessionRow, _token_hash(token))
        if row is None or row.expires_at <= ctx.clock.now():
            return None
        user = session.get(UserRow, row.user_id)
        if user is None or user.disabled:
            return None
        return SessionInfo(_user(user), row.csrf_token)


def end_session(ctx: Context, token: str | None) -> None:
    if not token:
        return
    with ctx.store.transaction() as tx:
        row = tx.session.get(WebSessionRow, _token_hash(token))
        if row is None:
            return
        tx.session.delete(row)
        tx.record(AuditEvent("signed_out", ctx.clock.now(), actor=row.user_id))


def require_user(ctx: Context, user_id: str) -> User:
    user = get_user(ctx, user_id)
    if user is None:
        raise NotFound(t("users.no_user", ctx.lang, user=user_id))
    return user
