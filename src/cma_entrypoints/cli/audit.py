"""``cma audit verify``: the audit trail's hash chain; ``cma audit seal``: link the view
entries written unsealed (``CMA_AUDIT_SEAL=later``) into their chains now.

``cma audit verify --centre ID`` is an interface other tools rely on: exit 0 when the
centre's chain is intact; exit 3 when it is not, naming the first bad entry (on stdout,
and in ``--json`` as ``first_bad``); exit 1/2 when it could not be checked at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from cma_core.audit.chain import ChainReport
from cma_core.identity.model import TenantContext
from cma_core.shared.errors import NotFound
from cma_core.shared.ids import CentreId, parse_uuid
from cma_entrypoints.cli.support import emit_json, guard, run_with_container

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

EXIT_CHAIN_BROKEN = 3

audit_app = typer.Typer(help="Audit trail: verify the hash chain.", no_args_is_help=True)


@audit_app.command("verify")
def audit_verify(
    centre: str = typer.Option(..., "--centre", help="Id of the centre whose chain to check."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Check the centre's audit hash chain: every entry, every link, and the head."""
    centre_id = guard(lambda: CentreId(parse_uuid(centre, field="centre")), as_json=as_json)

    async def work(c: Container) -> ChainReport:
        if await c.identity_store().get_centre(centre_id) is None:
            raise NotFound("centre", centre_id)
        return await c.audit().verify(TenantContext.system(centre_id))

    report = run_with_container(work, as_json=as_json)
    problem = report.problem
    if as_json:
        out: dict[str, Any] = {
            "centre_id": str(centre_id),
            "intact": report.intact,
            "checked": report.checked,
            "head_seq": report.head_seq,
            "unsealed": report.unsealed,
        }
        if problem is not None:
            out["first_bad"] = {
                "seq": problem.seq,
                "entry_id": problem.entry_id,
                "reason": problem.reason,
            }
        emit_json(out)
    elif problem is None:
        waiting = (
            f" ({report.unsealed} view entries waiting to be sealed)" if report.unsealed else ""
        )
        typer.echo(
            f"audit chain of centre {centre_id} is intact: {report.checked} entries{waiting}"
        )
    else:
        typer.echo(f"audit chain of centre {centre_id} is BROKEN at {problem.describe()}")
    if problem is not None:
        raise typer.Exit(EXIT_CHAIN_BROKEN)


@audit_app.command("seal")
def audit_seal(
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Seal every centre's unsealed view entries into its chain, in write order (what the
    worker does every CMA_AUDIT_SEAL_EVERY seconds)."""

    async def work(c: Container) -> int:
        return await c.audit_sealer().seal()

    sealed = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json({"sealed": sealed})
    else:
        typer.echo(f"sealed {sealed} audit entries")
