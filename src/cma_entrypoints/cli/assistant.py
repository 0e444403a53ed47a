"""``cma assistant``: the embedded assistant's learned parts.

``train`` fits the document-type classifier (TF-IDF + logistic regression, scikit-learn)
on the generated corpus's *seen* layout families and reports its accuracy on the
*held-out* families, which it never trains on; and the bank-transaction categoriser on
generated statements (seen payees), reported on held-out payees and formats. The
artefacts are JSON, written to the data directory (used by this install from then on)
or beside ``--output``.

``--centre ID`` adds that centre's labelled examples (advisers' accepts, rejections and
corrections, ``cma_core.documents.learning``) and writes the centre's own artefacts,
which the assistant then uses for that centre's documents; ``--with-examples`` (no
centre) pools every centre's examples into the install's artefacts. Either way the
artefacts' features are the corpus's only: an example moves weights, it adds no word.
A centre's own training also writes the label words its corrections teach the reader
(``field_labels.json``; only words of the corpus's or the reader's label vocabulary).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.table import Table

from cma_entrypoints.cli.support import (
    JsonOption,
    emit_json,
    guard,
    load_settings,
    run_with_container,
    working,
)

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

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
    centre: str | None = typer.Option(
        None, "--centre", help="Train this centre's own artefacts, with its examples."
    ),
    with_examples: bool = typer.Option(
        False, "--with-examples", help="Without --centre: pool every centre's examples."
    ),
    field_ranker: str | None = typer.Option(
        None,
        "--field-ranker",
        help="Also train the learned field ranker ('alone', 'blended' with the rules' "
        "scores, or 'randomised': blended, with randomised pages too) and write it beside "
        "the classifier, where the assistant uses it.",
    ),
    ranker_c: float | None = typer.Option(
        None,
        "--ranker-c",
        min=0.001,
        help="The field ranker's regularisation (default: chosen by leaving each family "
        "out in turn, three times as long). Only with --field-ranker.",
    ),
    as_json: bool = JsonOption,
) -> None:
    """Train the document classifier and report held-out accuracy per class."""
    if field_ranker not in (None, "alone", "blended", "randomised"):
        raise typer.BadParameter("'alone', 'blended' or 'randomised'", param_hint="--field-ranker")
    if ranker_c is not None and field_ranker is None:
        raise typer.BadParameter("only with --field-ranker", param_hint="--ranker-c")
    settings = load_settings(as_json=as_json)
    # Imported here: the container loads every adapter, which `--help` must not wait for.
    from cma_core.shared.ids import CentreId, parse_uuid
    from cma_entrypoints.container import (
        centre_models_path,
        classifier_path,
        train_document_classifier,
        training_examples,
    )

    only = (
        CentreId(guard(lambda: parse_uuid(centre, field="centre"), as_json=as_json))
        if centre
        else None
    )
    examples: Any = None
    if only is not None or with_examples:

        async def gather(container: Container) -> Any:
            ids = (
                [only] if only else [x.id for x in await container.identity_store().list_centres()]
            )
            return await training_examples(container, ids)

        examples = run_with_container(gather, as_json=as_json, settings=settings)
    today = f"{dt.datetime.now(dt.UTC):%Y-%m-%d}"
    if only is not None:
        target = output or centre_models_path(settings) / str(only) / "document_classifier.json"
        stamp = version or f"{today}.centre-{str(only)[:8]}.{examples.examples}"
    else:
        target = output or classifier_path(settings)
        stamp = version or today
    with working("Training (a minute or two)"):
        report = guard(
            lambda: train_document_classifier(
                version=stamp, output=target, per_family=per_family, c=c,
                statements_count=statements, examples=examples,
                learn_labels=only is not None, field_ranker=field_ranker,
                ranker_c=ranker_c,
            ),
            as_json=as_json,
        )  # fmt: skip
    report["output"] = str(target)
    report["centre_id"] = str(only) if only else None
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
    if isinstance(report.get("examples"), dict):  # (the model's own report counts them)
        ex = report["examples"]
        console.print(
            f"Advisers' examples: {ex['recorded']} recorded, {ex['documents']} documents and "
            f"{ex['payees']} payees used ({ex['documents_gone']} documents gone); their "
            f"documents read right before {_pct(ex['accuracy_before'])}, after "
            f"{_pct(ex['accuracy_after'])} (trained on them)."
        )
    if "labels" in report:
        lab = report["labels"]
        learned = ", ".join(f"{k} {v}" for k, v in lab["learned"].items()) or "none"
        console.print(
            f"Label words from {lab['values']} corrected values: {learned}. "
            f"Written to {lab['output']}."
        )
    if "field_ranker" in report:
        fr = report["field_ranker"]
        means = ", ".join(
            f"{k} {v['mean_model']:.0%} (rules {v['mean_rules']:.0%})"
            for k, v in fr["left_out"].items()
        )
        console.print(
            f"Field ranker (C={fr['c']}, rules' scores as features: {fr['uses_rules']}), "
            f"left-out family mean per field: {means}. Written to {fr['output']}."
        )
    cat = report["categoriser"]
    console.print(
        f"Transaction categoriser: held-out accuracy {cat['held_out_accuracy']:.1%} on "
        f"{cat['held_out']} transactions (held-out payees and formats). "
        f"Written to {cat['output']}."
    )


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"
