"""Accounts of the web room: users with roles, sessions, API tokens, what each user last saw,
and an audit log of writes. Created by the "web accounts" migration (not in ``schema.V1_TABLES``).

Secrets never reach the database: sessions and tokens are stored as the sha256 of the value the
client holds, and passwords as the hash string ``sitroom.web.auth.hash_password`` makes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Index,
    Integer,
    String,
    Table,
    Text,
    delete,
    func,
    select,
    update,
)

from sitroom.errors import InputError, NotFound
from sitroom.model import _Plain
from sitroom.store.base import SqlBase
from sitroom.store.engine import insert_ignore
from sitroom.store.schema import UTCDateTime, metadata

ROLES = ("viewer", "analyst", "admin")  # each can do what the ones before it can

users = Table(
    "users", metadata,
    Column("name", String, primary_key=True),
    Column("role", String, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
)

sessions = Table(
    "sessions", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_name", String, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Index("ix_sessions_user", "user_name"),
)

api_tokens = Table(
    "api_tokens", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_name", String, nullable=False),
    Column("label", Text, nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_used", UTCDateTime),
    Index("ix_api_tokens_user", "user_name"),
)

user_looks = Table(
    "user_looks", metadata,
    Column("user_name", String, primary_key=True),
    Column("case_name", String, primary_key=True),
    Column("looked_at", UTCDateTime, nullable=False),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("user_name", String, nullable=False),
    Column("action", String, nullable=False),
    Column("target", Text, nullable=False, default=""),
    Column("detail", Text, nullable=False, default=""),
    Index("ix_audit_log_at", "at"),
)

ACCOUNT_TABLES = (users, sessions, api_tokens, user_looks, audit_log)


def create_account_tables(conn: Connection) -> None:
    """The "web accounts" migration; also indexes events by (date, id) and (type, date, id), the
    order in which the web's lists read them, newest first, a page at a time."""
    metadata.create_all(conn, tables=list(ACCOUNT_TABLES), checkfirst=True)
    for name, columns in (("ix_events_date_id", "event_date, id"),
                          ("ix_events_type_date_id", "event_type, event_date, id")):
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON events ({columns})")


def secret_hash(secret: str) -> str:
    """What is stored of a session or API token: its sha256 (the tokens are random, so no salt)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class User(_Plain):
    name: str
    role: str
    created_at: datetime | None = None
    disabled: bool = False

    def can(self, role: str) -> bool:
        """Whether this user holds ``role`` or a higher one."""
        return not self.disabled and ROLES.index(self.role) >= ROLES.index(role)


@dataclass(frozen=True)
class AuditEntry(_Plain):
    at: datetime
    user: str
    action: str
    target: str = ""
    detail: str = ""


def _user(r) -> User:
    return User(r["name"], r["role"], r["created_at"], bool(r["disabled"]))


class AccountStore(SqlBase):
    """Users, sessions, tokens, last looks and the audit log, through the one store."""

    def add_user(self, name: str, role: str, password_hash: str, at: datetime,
                 *, replace: bool = False) -> User:
        """Create a user (or, with ``replace``, reset an existing one's role and password)."""
        if role not in ROLES:
            raise InputError(f"role {role!r} is not one of {', '.join(ROLES)}")
        row = {"name": name, "role": role, "password_hash": password_hash, "created_at": at,
               "disabled": False}
        with self._write() as conn:
            exists = conn.execute(select(users.c.name).where(users.c.name == name)).first()
            if exists and not replace:
                raise InputError(f"user {name!r} exists already (use --replace to reset it)")
            if exists:
                conn.execute(update(users).where(users.c.name == name).values(
                    role=role, password_hash=password_hash, disabled=False))
                conn.execute(delete(sessions).where(sessions.c.user_name == name))
            else:
                conn.execute(users.insert(), row)
        return self.get_user(name)

    def get_user(self, name: str) -> User:
        with self._read() as conn:
            r = conn.execute(select(users).where(users.c.name == name)).mappings().first()
        if r is None:
            raise NotFound(f"no user {name!r}")
        return _user(r)

    def list_users(self) -> list[User]:
        with self._read() as conn:
            return [_user(r) for r in conn.execute(select(users).order_by(users.c.name))
                    .mappings()]

    def password_hash(self, name: str) -> str | None:
        """The stored hash of an enabled user's password (None for no such user)."""
        with self._read() as conn:
            return conn.execute(select(users.c.password_hash).where(
                users.c.name == name, users.c.disabled.is_(False))).scalar()

    def set_user_disabled(self, name: str, disabled: bool) -> None:
        with self._write() as conn:
            done = conn.execute(update(users).where(users.c.name == name)
                                .values(disabled=disabled)).rowcount
            if disabled:
                conn.execute(delete(sessions).where(sessions.c.user_name == name))
                conn.execute(delete(api_tokens).where(api_tokens.c.user_name == name))
        if not done:
            raise NotFound(f"no user {name!r}")

    # --- sessions and tokens -----------------------------------------------------------------

    def add_session(self, secret: str, user: str, at: datetime, expires: datetime) -> None:
        with self._write() as conn:
            conn.execute(sessions.insert(), {"token_hash": secret_hash(secret), "user_name": user,
                                             "created_at": at, "expires_at": expires})

    def session_user(self, secret: str, now: datetime) -> User | None:
        """The enabled user of a live session, or None."""
        stmt = (select(users).join(sessions, sessions.c.user_name == users.c.name)
                .where(sessions.c.token_hash == secret_hash(secret),
                       sessions.c.expires_at > now, users.c.disabled.is_(False)))
        with self._read() as conn:
            r = conn.execute(stmt).mappings().first()
        return _user(r) if r else None

    def end_session(self, secret: str, now: datetime | None = None) -> None:
        """Forget a session (and, given ``now``, every expired one)."""
        with self._write() as conn:
            conn.execute(delete(sessions).where(sessions.c.token_hash == secret_hash(secret)))
            if now is not None:
                conn.execute(delete(sessions).where(sessions.c.expires_at <= now))

    def add_api_token(self, secret: str, user: str, label: str, at: datetime) -> None:
        self.get_user(user)
        with self._write() as conn:
            conn.execute(api_tokens.insert(), {"token_hash": secret_hash(secret),
                                               "user_name": user, "label": label,
                                               "created_at": at})

    def token_user(self, secret: str, now: datetime) -> User | None:
        """The enabled user an API token belongs to, or None; notes when it was last used (to
        the nearest ten minutes)."""
        h = secret_hash(secret)
        stmt = (select(users).join(api_tokens, api_tokens.c.user_name == users.c.name)
                .where(api_tokens.c.token_hash == h, users.c.disabled.is_(False)))
        stmt = stmt.add_columns(api_tokens.c.last_used.label("token_last_used"))
        with self._read() as conn:
            r = conn.execute(stmt).mappings().first()
        if r is None:
            return None
        last = r["token_last_used"]
        if last is None or now - last > timedelta(minutes=10):  # not a write per request
            with self._write() as conn:
                conn.execute(update(api_tokens).where(api_tokens.c.token_hash == h)
                             .values(last_used=now))
        return _user(r)

    def revoke_api_tokens(self, user: str) -> int:
        with self._write() as conn:
            return conn.execute(delete(api_tokens).where(api_tokens.c.user_name == user)).rowcount

    # --- what each user last saw, and the audit log ------------------------------------------

    def last_looked(self, user: str, case: str) -> datetime | None:
        with self._read() as conn:
            return conn.execute(select(user_looks.c.looked_at).where(
                user_looks.c.user_name == user, user_looks.c.case_name == case)).scalar()

    def set_last_looked(self, user: str, case: str, at: datetime) -> None:
        with self._write() as conn:
            done = conn.execute(update(user_looks).where(
                user_looks.c.user_name == user, user_looks.c.case_name == case)
                .values(looked_at=at)).rowcount
            if not done:
                conn.execute(insert_ignore(self.dialect, user_looks),
                             {"user_name": user, "case_name": case, "looked_at": at})

    def audit(self, entry: AuditEntry) -> None:
        with self._write() as conn:
            conn.execute(audit_log.insert(), {"at": entry.at, "user_name": entry.user,
                                              "action": entry.action, "target": entry.target,
                                              "detail": entry.detail})

    def list_audit(self, limit: int = 100) -> list[AuditEntry]:
        """The latest ``limit`` entries, newest first."""
        stmt = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
        with self._read() as conn:
            return [AuditEntry(r["at"], r["user_name"], r["action"], r["target"], r["detail"])
                    for r in conn.execute(stmt).mappings()]

    def count_users(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(users)).scalar_one())
