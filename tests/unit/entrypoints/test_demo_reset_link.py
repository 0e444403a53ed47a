"""``cma demo``'s reset emails link to the console it serves, unless the deployment says."""

from __future__ import annotations

from pathlib import Path

from cma_entrypoints.cli.main import _demo_reset_link
from cma_entrypoints.settings import Settings


def test_the_demo_links_reset_emails_to_its_own_console(tmp_path: Path) -> None:
    settings = Settings.from_env({"CMA_DATA_DIR": str(tmp_path)})
    assert settings.password_reset_link == ""

    assert (
        _demo_reset_link(settings, "0.0.0.0", 8010).password_reset_link  # noqa: S104
        == "http://localhost:8010/reset-password#token="
    )
    assert (
        _demo_reset_link(settings, "127.0.0.1", 8000).password_reset_link
        == "http://127.0.0.1:8000/reset-password#token="
    )


def test_a_link_the_deployment_set_is_kept(tmp_path: Path) -> None:
    env = {"CMA_DATA_DIR": str(tmp_path), "CMA_PASSWORD_RESET_LINK": "https://cma.example/r#t="}
    settings = Settings.from_env(env)
    assert _demo_reset_link(settings, "127.0.0.1", 8000) is settings
