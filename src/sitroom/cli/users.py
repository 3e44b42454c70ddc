"""`sitroom users add|list|disable|enable|token|revoke|audit`: local accounts of the web room."""

from __future__ import annotations

import getpass
import os
import sys
from datetime import UTC, datetime

from sitroom.errors import InputError


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
    group = subparsers.add_parser("users", help="web room accounts, roles and API tokens")
    sub = group.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="create an account (or reset one with --replace)")
    add.add_argument("name")
    add.add_argument("--role", choices=("viewer", "analyst", "admin"), default="viewer")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from stdin (else SITROOM_PASSWORD, else a prompt)")
    add.add_argument("--replace", action="store_true", help="reset an existing account")
    add.set_defaults(handler=cmd_add)
    sub.add_parser("list", help="list accounts").set_defaults(handler=cmd_list)
    for name, flag in (("disable", True), ("enable", False)):
        p = sub.add_parser(name, help=f"{name} an account (disabling ends its sessions and "
                                      "tokens)")
        p.add_argument("name")
        p.set_defaults(handler=cmd_disable, disabled=flag)
    tok = sub.add_parser("token", help="make an API token for scripts (printed once)")
    tok.add_argument("name")
    tok.add_argument("--label", default="", help="what the token is for")
    tok.set_defaults(handler=cmd_token)
    rev = sub.add_parser("revoke", help="revoke every API token of an account")
    rev.add_argument("name")
    rev.set_defaults(handler=cmd_revoke)
    aud = sub.add_parser("audit", help="the latest writes and logins")
    aud.add_argument("--limit", type=int, default=50)
    aud.set_defaults(handler=cmd_audit)


def _password(args) -> str:
    if args.password_stdin:
        value = sys.stdin.readline().rstrip("\r\n")
    elif os.environ.get("SITROOM_PASSWORD"):
        value = os.environ["SITROOM_PASSWORD"]
    else:
        value = getpass.getpass(f"password for {args.name}: ")
        if getpass.getpass("again: ") != value:
            raise InputError("the two passwords differ")
    return value


def _valid_name(name: str) -> str:
    if not (1 <= len(name) <= 64) or not all(ch.isalnum() or ch in "._-@" for ch in name):
        raise InputError("a user name has 1-64 letters, digits or . _ - @")
    return name


def cmd_add(args, ctx) -> int:
    """Create (or reset) an account with a role and a scrypt-hashed password."""
    from sitroom.web.auth import hash_password

    name = _valid_name(args.name)
    try:
        hashed = hash_password(_password(args))
    except ValueError as exc:
        raise InputError(str(exc)) from None
    with ctx.open_store() as store:
        user = store.add_user(name, args.role, hashed, datetime.now(UTC), replace=args.replace)
    print(f"user {user.name} ({user.role}) {'reset' if args.replace else 'added'}", file=ctx.out)
    return 0


def cmd_list(args, ctx) -> int:
    with ctx.open_store() as store:
        for u in store.list_users():
            state = " disabled" if u.disabled else ""
            print(f"{u.name:<24} {u.role:<8} {u.created_at:%Y-%m-%d}{state}", file=ctx.out)
    return 0


def cmd_disable(args, ctx) -> int:
    with ctx.open_store() as store:
        store.set_user_disabled(args.name, args.disabled)
    print(f"user {args.name} {'disabled' if args.disabled else 'enabled'}", file=ctx.out)
    return 0


def cmd_token(args, ctx) -> int:
    """Print a new API token; only its hash is kept, so it cannot be shown again."""
    from sitroom.web.auth import new_secret

    secret = new_secret()
    with ctx.open_store() as store:
        store.add_api_token(secret, args.name, args.label, datetime.now(UTC))
    print(secret, file=ctx.out)
    return 0


def cmd_revoke(args, ctx) -> int:
    with ctx.open_store() as store:
        n = store.revoke_api_tokens(args.name)
    print(f"{n} token(s) of {args.name} revoked", file=ctx.out)
    return 0


def cmd_audit(args, ctx) -> int:
    with ctx.open_store() as store:
        for e in store.list_audit(max(1, args.limit)):
            print(f"{e.at:%Y-%m-%d %H:%M:%S}  {e.user:<16} {e.action:<16} {e.target}  {e.detail}",
                  file=ctx.out)
    return 0
