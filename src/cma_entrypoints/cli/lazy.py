"""Command groups imported only when used, so ``cma --help`` and ``cma X --help`` start fast.

Each area's commands import that area's core (attrs classes) and often the container (every
adapter); importing all of them took seconds before any command ran. ``LazyGroup`` lists a
lazy command with the help text written here, and imports its module only when the command
is resolved (run, or asked for its own ``--help``). A test checks that the help written here
is the command's own, so they cannot drift apart.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
import typer.main
from attrs import frozen
from typer import _click
from typer.core import TyperGroup
from typer.exceptions import Abort


@frozen
class Lazy:
    """Command ``attr`` of ``module``: a Typer app (a group) or a function (one command)."""

    module: str
    attr: str
    help: str


#: Mounted on ``cma`` in this order, after the commands defined in ``cli/main.py``.
LAZY_COMMANDS: dict[str, Lazy] = {
    "search": Lazy(
        "cma_entrypoints.cli.search",
        "search",
        "Search a centre's cases, clients, notes, documents and letters.",
    ),
    "centre": Lazy("cma_entrypoints.cli.identity", "centre_app", "Manage centres (tenants)."),
    "user": Lazy("cma_entrypoints.cli.identity", "user_app", "Manage users."),
    "documents": Lazy("cma_entrypoints.cli.documents", "documents_app", "Documents on cases."),
    "assistant": Lazy(
        "cma_entrypoints.cli.assistant", "assistant_app", "The embedded document assistant."
    ),
    "clients": Lazy(
        "cma_entrypoints.cli.privacy",
        "clients_app",
        "Clients: subject access export, erasure, look-up indexes.",
    ),
    "audit": Lazy("cma_entrypoints.cli.audit", "audit_app", "Audit trail: verify the hash chain."),
    "keys": Lazy(
        "cma_entrypoints.cli.identity",
        "keys_app",
        "Data keys: rotate a centre's key, or the keys sealing users' secrets.",
    ),
    "notify": Lazy("cma_entrypoints.cli.notify", "notify_app", "The outbox folder's messages."),
    "compliance": Lazy(
        "cma_entrypoints.cli.compliance",
        "compliance_app",
        "Compliance findings: batch checks and reports.",
    ),
    "scheduler": Lazy(
        "cma_entrypoints.cli.scheduling",
        "scheduler_app",
        "Sweep deadlines and reminders (idempotent).",
    ),
    "sfs": Lazy(
        "cma_entrypoints.cli.budgets",
        "sfs_app",
        "Standard Financial Statement import and export (SFS-DDS v1.1 JSON or XML).",
    ),
    "reference": Lazy(
        "cma_entrypoints.cli.reference",
        "reference_app",
        "A centre's reference data: spending guidelines and thresholds.",
    ),
    "projections": Lazy(
        "cma_entrypoints.cli.search",
        "projections_app",
        "Read models fed by events (the search index, the case list).",
    ),
    "import": Lazy(
        "cma_entrypoints.cli.bulk",
        "import_app",
        "Bulk import from another system's export (CSV).",
    ),
    "retention": Lazy(
        "cma_entrypoints.cli.retention",
        "retention_app",
        "Retention: delete closed files past their period.",
    ),
}


def load(name: str, lazy: Lazy) -> Any:
    """The click command of ``lazy``, named ``name`` (imports its module)."""
    target = getattr(importlib.import_module(lazy.module), lazy.attr)
    if isinstance(target, typer.Typer):
        if target.info.help is None:
            target.info.help = lazy.help
        target.rich_markup_mode = None  # plain help, as on `cma` itself (main.py)
        # A group even with one command (``cma audit verify``), as ``add_typer`` mounts it.
        command: Any = typer.main.get_group(target)
    else:
        single = typer.Typer(add_completion=False, rich_markup_mode=None)
        single.command(name, help=lazy.help if not target.__doc__ else None)(target)
        command = typer.main.get_command(single)
    command.name = name
    return command


class LazyGroup(TyperGroup):
    """A Typer group that also offers ``LAZY_COMMANDS``, importing each on first use."""

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        return names + [n for n in LAZY_COMMANDS if n not in self.commands]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = super().get_command(ctx, cmd_name)
        if found is not None or cmd_name not in LAZY_COMMANDS:
            return found
        # Listed in a help page only: a stand-in with the help text, nothing imported.
        lazy = LAZY_COMMANDS[cmd_name]
        return typer.core.TyperCommand(name=cmd_name, help=lazy.help, callback=None)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] in LAZY_COMMANDS and args[0] not in self.commands:
            self.load_command(args[0])
        return super().resolve_command(ctx, args)

    def load_command(self, name: str) -> Any:
        """Import command ``name`` now and keep it (benchmarks and tests walk every one)."""
        if name not in self.commands:
            self.commands[name] = load(name, LAZY_COMMANDS[name])
        return self.commands[name]

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """As Typer's, except that with ``--json`` a usage error (a missing argument, a
        value out of range) is a JSON error on stdout too, like every other failure."""
        argv = list(sys.argv[1:] if args is None else args)
        if not standalone_mode or "--json" not in argv:
            return super().main(
                argv, prog_name, complete_var, standalone_mode, windows_expand_args, **extra
            )
        try:
            rv = super().main(argv, prog_name, complete_var, False, windows_expand_args, **extra)
        except _click.exceptions.ClickException as exc:
            _usage_error_as_json(exc)
        except Abort:
            sys.exit(1)
        # Non-standalone, an ``Exit(code)`` comes back as its code; a command returns None.
        sys.exit(rv if isinstance(rv, int) else 0)


def _usage_error_as_json(exc: Any) -> NoReturn:
    param = getattr(exc, "param", None)
    field = getattr(param, "name", None) if param is not None else None
    error = {"code": "usage-error", "message": exc.format_message(), "field": field}
    print(json.dumps({"error": error}), flush=True)
    sys.exit(exc.exit_code)
