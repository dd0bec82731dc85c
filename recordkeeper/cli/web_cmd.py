"""`recordkeeper user ...` and `recordkeeper web`: accounts and the web interface."""

from __future__ import annotations

import sys

import typer

from recordkeeper import logs
from recordkeeper.cli.common import current_actor, open_context, print_json
from recordkeeper.errors import UsageError
from recordkeeper.services.users import ROLES, add_user, list_users

user_app = typer.Typer(help="Användare / user accounts.", no_args_is_help=True)


@user_app.command("add")
def user_add(
    ctx: typer.Context,
    username: str = typer.Argument(..., help="User name (also the id in the audit log)."),
    role: str = typer.Option(..., "--role", help=f"One of: {', '.join(ROLES)}."),
    project: list[str] = typer.Option([], "--project", help="A project a project lead owns."),
    lang: str = typer.Option("sv", "--user-lang", help="The user's language: sv or en."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
    no_password: bool = typer.Option(
        False, "--no-password", help="Sign-in only through the trusted single-sign-on proxy."
    ),
    as_user: str | None = typer.Option(None, "--as", help="Act as this user."),
) -> None:
    """Create or update a local account (argon2 password hash)."""
    if no_password:
        password = None
    elif password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Lösenord / password", hide_input=True, confirmation_prompt=True)
    if lang not in ("sv", "en"):
        raise UsageError("--user-lang must be sv or en")
    user = add_user(
        open_context(ctx),
        username,
        role,
        password=password,
        actor=current_actor(as_user),
        projects=tuple(project),
        lang=lang,
    )
    typer.echo(f"{user.id}: {user.role}")


@user_app.command("list")
def user_list(ctx: typer.Context, as_json: bool = typer.Option(False, "--json")) -> None:
    """Accounts and their roles."""
    users = list_users(open_context(ctx))
    if as_json:
        print_json([{"id": u.id, "role": u.role, "projects": list(u.projects)} for u in users])
        return
    for u in users:
        typer.echo(f"{u.id}\t{u.role}\t{', '.join(u.projects)}")


def web(
    ctx: typer.Context,
    host: str | None = typer.Option(None, help="Address to listen on (default from config)."),
    port: int | None = typer.Option(None, help="Port (default from config)."),
) -> None:
    """Serve the web interface (registrar inbox, project board, DPO dashboard)."""
    import uvicorn

    from recordkeeper.web.app import create_app

    context = open_context(ctx)
    logs.configure(context.settings.log_level)
    settings = context.settings.web
    uvicorn.run(
        create_app(context),
        host=host or settings.host,
        port=port or settings.port,
        log_level="warning",
        proxy_headers=False,
    )
