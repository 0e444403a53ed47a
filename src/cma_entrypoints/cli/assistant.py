"""``cma assistant``: the embedded assistant's learned parts.

``train`` fits the document-type classifier (TF-IDF + logistic regression, scikit-learn)
on the generated corpus's *seen* layout families and reports its accuracy on the
*held-out* families, which it never trains on; and the bank-transaction categoriser on
generated statements (seen payees), reported on held-out payees and formats. The
artefacts are JSON, written to the data directory (used by this install from then on)
or beside ``--output``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from cma_entrypoints.cli.support import JsonOption, emit_json, guard, load_settings

assistant_app = typer.Typer(help="The embedded document assistant.", no_args_is_help=True)


@assistant_app.command("train")
def train(
    output: Path | None = typer.Option(None, help="Where to write the model (JSON)."),
    version: str = typer.Option("", help="Version recorded in the model (default: today)."),
    per_family: int = typer.Option(25, min=2, max=500, help="Training samples per family."),
    c: float | None = typer.Option(
        None, "--c", min=0.001, help="Regularisation (default: chosen by cross-validation)."
    ),
    statements: int = typer.Option(
        60, min=2, max=2000, help="Generated statements to train the transaction categoriser."
    ),
    as_json: bool = JsonOption,
) -> None:
    """Train the document classifier and report held-out accuracy per class."""
    settings = load_settings(as_json=as_json)
    # Imported here: the container loads every adapter, which `--help` must not wait for.
    from cma_entrypoints.container import classifier_path, train_document_classifier

    target = output or classifier_path(settings)
    report = guard(
        lambda: train_document_classifier(
            version=version or f"{dt.datetime.now(dt.UTC):%Y-%m-%d}",
            output=target,
            per_family=per_family,
            c=c,
            statements_count=statements,
        ),
        as_json=as_json,
    )
    report["output"] = str(target)
    if as_json:
        emit_json(report)
        return
    console = Console()
    console.print(
        f"Trained on {report['trained_on']} texts, {report['features']} features; "
        f"held-out accuracy {report['held_out_accuracy']:.1%} on {report['held_out']} "
        f"documents ({', '.join(f'{k} {v:.0%}' for k, v in report['held_out_by_family'].items())}"
        f" by family). Written to {target}."
    )
    table = Table("class", "held-out read as")
    for cls, row in sorted(report["confusion"].items()):
        table.add_row(cls, ", ".join(f"{k} {v}" for k, v in sorted(row.items())))
    console.print(table)
    cat = report["categoriser"]
    console.print(
        f"Transaction categoriser: held-out accuracy {cat['held_out_accuracy']:.1%} on "
        f"{cat['held_out']} transactions (held-out payees and formats). "
        f"Written to {cat['output']}."
    )
