"""``cma demo``'s reset emails link to the console it serves, unless the deployment says.

Set in the environment, which uvicorn's app (and so its settings) is built from: a
``Settings`` changed in the CLI's process would not reach it (the first version did that,
and the demo's email carried the bare code)."""

from __future__ import annotations

from pathlib import Path

from cma_entrypoints.cli.main import _demo_reset_link
from cma_entrypoints.settings import Settings


def test_the_demo_links_reset_emails_to_its_own_console(tmp_path: Path) -> None:
    env = {"CMA_DATA_DIR": str(tmp_path)}
    _demo_reset_link(env, "0.0.0.0", 8010)  # noqa: S104
    assert env["CMA_PASSWORD_RESET_LINK"] == "http://localhost:8010/reset-password#token="
    assert Settings.from_env(env).password_reset_link == env["CMA_PASSWORD_RESET_LINK"]

    local = {"CMA_DATA_DIR": str(tmp_path), "CMA_PASSWORD_RESET_LINK": ""}
    _demo_reset_link(local, "127.0.0.1", 8000)
    assert local["CMA_PASSWORD_RESET_LINK"] == "http://127.0.0.1:8000/reset-password#token="


def test_a_link_the_deployment_set_is_kept(tmp_path: Path) -> None:
    env = {"CMA_DATA_DIR": str(tmp_path), "CMA_PASSWORD_RESET_LINK": "https://cma.example/r#t="}
    _demo_reset_link(env, "127.0.0.1", 8000)
    assert env["CMA_PASSWORD_RESET_LINK"] == "https://cma.example/r#t="
