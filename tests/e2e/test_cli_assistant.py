"""``cma assistant train``: trains on the seen families, reports held-out, writes JSON
that the embedded assistant then loads."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from typer.testing import CliRunner

from cma_adapters.rules_assistant import classifier, ranker, statements
from cma_entrypoints import container
from cma_entrypoints.cli.main import app
from cma_entrypoints.settings import SettingsError

SECRET = "test-secret-key-that-is-long-enough-0123456789"
TRAIN = container.train_document_classifier
FROM_CORPUS = classifier.train_from_corpus
CATEGORISER = statements.train_categoriser


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, Any]]:
    """One ``cma assistant train --json`` (tiny corpus) for the tests that read its report
    or reuse its fitting: its data folder, its output, and what the CLI's training
    returned (``report``) and fitted (``classifier``, ``categoriser``: the keyword
    arguments and the result of ``classifier.train_from_corpus`` and
    ``statements.train_categoriser``). Until the suite's third pass the report in words
    and ``--field-ranker`` ran the same tiny training again, about 40 CPU-seconds each."""
    data = tmp_path_factory.mktemp("trained")
    kept: dict[str, Any] = {}

    def recorded(name: str, real: Any) -> Any:
        def call(**kwargs: Any) -> Any:
            result = real(**kwargs)
            assert name not in kept, name  # one call each
            kept[name] = (kwargs, copy.deepcopy(result) if name == "report" else result)
            return result

        return call

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CMA_DATA_DIR", str(data))
        mp.setenv("CMA_SECRET_KEY", SECRET)
        mp.setattr(container, "train_document_classifier", recorded("report", TRAIN))
        mp.setattr(classifier, "train_from_corpus", recorded("classifier", FROM_CORPUS))
        mp.setattr(statements, "train_categoriser", recorded("categoriser", CATEGORISER))
        args = ["--per-family", "2", "--c", "2", "--statements", "4", "--version", "t1"]
        result = CliRunner().invoke(app, ["assistant", "train", *args, "--json"])
    assert result.exit_code == 0, result.output
    return data, result.output, kept


def _options(kwargs: dict[str, Any]) -> dict[str, Any]:
    """A training's options but its version and where it writes."""
    return {k: v for k, v in kwargs.items() if k not in ("version", "output")}


def test_train_writes_a_model_the_assistant_loads(
    trained: tuple[Path, str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp_path, output, _ = trained
    monkeypatch.setenv("CMA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CMA_SECRET_KEY", SECRET)
    report = json.loads(output)
    assert report["version"] == "t1"
    assert report["held_out"] == 152  # 4 of each held-out family (H, K), never trained on
    assert set(report["held_out_by_family"]) == {"H", "K"}
    # and the families whose misses were read (L-R), two documents a class each
    read = [*"LMNOPQRSTUVWXGZFE", "AA", "AC", "AE", "AB", "J", "AI", "AF", "AD", "AJ", "AK", "AG"]
    read = [*read, "AL", "AN", "AO", "AP", "AQ", "AR", "AS", "AT", "AU", "AV", "AW", "AX", "AY"]
    read = [*read, "AZ", "BA", "BB", "BC", "BD", "BG", "BF", "BE"]
    assert report["read_families"] == dict.fromkeys(read, 38)
    assert 0.0 <= report["held_out_accuracy"] <= 1.0
    assert sum(sum(row.values()) for row in report["confusion"].values()) == 152
    assert report["categoriser"]["held_out"] > 100  # held-out payees' transactions
    assert 0.0 <= report["categoriser"]["held_out_accuracy"] <= 1.0
    written = tmp_path / "document_classifier.json"
    assert Path(report["output"]) == written

    from cma_entrypoints.container import _assistant
    from cma_entrypoints.settings import Settings

    assistant = _assistant(Settings.from_env())
    assert assistant.model.version == "t1"  # this install's model, not the shipped one
    assert assistant.categoriser.version == "t1"
    # no field ranker trained unless asked for (--field-ranker): the install reads with
    # the shipped one, or with the rules alone when CMA_FIELD_RANKER=off
    assert "field_ranker" not in report
    assert not (tmp_path / "field_ranker.json").exists()
    shipped = ranker.shipped()
    assert shipped is not None
    assert assistant.field_ranker is shipped
    monkeypatch.setenv("CMA_FIELD_RANKER", "off")
    assert _assistant(Settings.from_env()).field_ranker is None
    monkeypatch.setenv("CMA_FIELD_RANKER", "sometimes")
    with pytest.raises(SettingsError, match="CMA_FIELD_RANKER must be on or off"):
        Settings.from_env()


def test_train_reports_in_words(
    trained: tuple[Path, str, dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without ``--json``, the report is a sentence and the confusion table (the model's
    own count of advisers' examples, 0 here, is not taken for the examples' summary).
    The words are those of the report the same training returned to the CLI above (the
    ``trained`` fixture), not of a second training."""
    _, _, kept = trained
    asked_for, report = kept["report"]
    asked: list[dict[str, Any]] = []

    def same_training(**kwargs: Any) -> dict[str, Any]:
        asked.append(kwargs)
        return copy.deepcopy(report)

    monkeypatch.setenv("CMA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CMA_SECRET_KEY", SECRET)
    monkeypatch.setattr(container, "train_document_classifier", same_training)
    args = ["assistant", "train", "--per-family", "2", "--c", "2", "--statements", "4"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    (kwargs,) = asked
    assert _options(kwargs) == _options(asked_for)  # the same training
    assert "held-out accuracy" in result.output
    assert "Advisers' examples" not in result.output


def test_train_refuses_a_bad_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMA_DATA_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["assistant", "train", "--per-family", "0"])
    assert result.exit_code == 2
    assert not (tmp_path / "document_classifier.json").exists()


def test_train_with_the_field_ranker_writes_one_the_assistant_loads(
    trained: tuple[Path, str, dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--field-ranker``: the learned field ranker is trained too and written beside the
    classifier; the assistant then uses it. Without the flag none is written (test above).
    ``--ranker-c`` fixes its regularisation (here, to keep the test short): each seen
    family is still left out in turn and reported, once rather than for every value of
    the grid. The classifier and categoriser are the first test's (``trained``: the same
    options, so the same fitting), handed back rather than fitted again; the field ranker
    is fitted here."""
    _, _, kept = trained

    def again(name: str) -> Any:
        def call(**kwargs: Any) -> Any:
            asked_for, result = kept[name]
            assert _options(kwargs) == _options(asked_for), name  # the same fitting
            return attrs.evolve(result, model=attrs.evolve(result.model, version="t2"))

        return call

    monkeypatch.setattr(classifier, "train_from_corpus", again("classifier"))
    monkeypatch.setattr(statements, "train_categoriser", again("categoriser"))
    monkeypatch.setenv("CMA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CMA_SECRET_KEY", SECRET)
    args = ["assistant", "train", "--per-family", "2", "--c", "2", "--statements", "4"]
    result = CliRunner().invoke(
        app, [*args, "--version", "t2", "--field-ranker", "alone", "--ranker-c", "1", "--json"]
    )
    assert result.exit_code == 0, result.output
    fitted = json.loads(result.output)["field_ranker"]
    assert fitted["uses_rules"] is False
    assert fitted["c"] == 1.0
    assert list(fitted["cv_mean_by_c"]) == ["1.0"]
    seen = [*"ABCDEFGHJKLMNOPQRSTUVWXZ", "AA", "AC", "AE", "AB", "AI", "AF", "AD", "AJ", "AK", "AG"]
    more = ["AL", "AN", "AO", "AP", "AQ", "AR", "AS", "AT", "AU", "AV", "AW", "AX", "AY", "AZ"]
    more = [*more, "BA", "BB", "BC", "BD", "BF", "BG", "BE"]
    families = sorted([*seen, *more])
    assert fitted["families"] == families
    assert set(fitted["left_out"]["balance_pence"]["by_family"]) == set(families)
    assert Path(fitted["output"]) == tmp_path / "field_ranker.json"

    from cma_entrypoints.container import _assistant
    from cma_entrypoints.settings import Settings

    reader = _assistant(Settings.from_env())
    assert reader.field_ranker is not None
    assert reader.field_ranker.version == "t2"
    bad = CliRunner().invoke(app, [*args, "--field-ranker", "sometimes"])
    assert bad.exit_code != 0
    alone = CliRunner().invoke(app, [*args, "--ranker-c", "1"])
    assert alone.exit_code == 2
    assert "only with --field-ranker" in alone.output
