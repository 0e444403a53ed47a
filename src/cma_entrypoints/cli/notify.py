"""``cma notify read``: the messages in the outbox folder, opened.

The embedded default writes each email or SMS to ``CMA_DATA_DIR/outbox`` sealed with a
key derived from ``CMA_SECRET_KEY`` (issue 13): a person or a relay reads them here.
"""

from __future__ import annotations

import typer

from cma_entrypoints.cli.support import emit_json, fail, load_settings

notify_app = typer.Typer(help="The outbox folder's messages.", no_args_is_help=True)


@notify_app.command("read")
def notify_read(
    names: list[str] = typer.Argument(
        None, help="File names in the outbox folder (default: every message, oldest first)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Print outbox messages, opened with the deployment's outbox key (plain files written
    before sealing are printed as they are)."""
    from cma_entrypoints.container import outbox_messages

    settings = load_settings(as_json=as_json)
    try:
        messages = outbox_messages(settings, names or ())
    except ValueError as exc:
        fail(exc, as_json=as_json)
    if as_json:
        emit_json(
            [{"file": name, "message": data.decode("utf-8", "replace")} for name, data in messages]
        )
        return
    for name, data in messages:
        typer.echo(f"== {name}")
        typer.echo(data.decode("utf-8", "replace"))
