"""``cma assistant train``: trains on the seen families, reports held-out, writes JSON
that the embedded assistant then loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cma_entrypoints.cli.main import app


def test_train_writes_a_model_the_assistant_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CMA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CMA_SECRET_KEY", "test-secret-key-that-is-long-enough-0123456789")
    result = CliRunner().invoke(
        app,
        [
            "assistant",
            "train",
            "--per-family",
            "2",
            "--c",
            "2",
            "--statements",
            "4",
            "--version",
            "t1",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["version"] == "t1"
    assert report["held_out"] == 152  # 4 of each held-out family (H, K), never trained on
    assert set(report["held_out_by_family"]) == {"H", "K"}
    # and the families whose misses were read (L, M, N, O), two documents a class each
    assert report["read_families"] == {"L": 38, "M": 38, "N": 38, "O": 38}
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


def test_train_reports_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ``--json``, the report is a sentence and the confusion table (the model's
    own count of advisers' examples, 0 here, is not taken for the examples' summary)."""
    monkeypatch.setenv("CMA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CMA_SECRET_KEY", "test-secret-key-that-is-long-enough-0123456789")
    args = ["assistant", "train", "--per-family", "2", "--c", "2", "--statements", "4"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "held-out accuracy" in result.output
    assert "Advisers' examples" not in result.output


def test_train_refuses_a_bad_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMA_DATA_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["assistant", "train", "--per-family", "0"])
    assert result.exit_code == 2
    assert not (tmp_path / "document_classifier.json").exists()
