"""``requirements/{server,dev}.lock`` (what ``./dev setup`` installs, hash-checked) stay in
step with ``pyproject.toml``: every requirement of an extra, followed through the extras
it names (``cma[server]``), is pinned in that extra's lock at a version its specifier
allows, and every pin carries a hash. ``./dev lock`` makes the files anew."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def _pins(text: str) -> dict[str, Version]:
    return {
        canonicalize_name(m.group(1)): Version(m.group(2))
        for line in text.splitlines()
        if (m := PIN.match(line))
    }


def _requirements(extra: str) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    found = [Requirement(r) for r in project["dependencies"]]
    for text in project["optional-dependencies"][extra]:
        requirement = Requirement(text)
        if canonicalize_name(requirement.name) == project["name"]:
            for named in sorted(requirement.extras):
                found += _requirements(named)
        else:
            found.append(requirement)
    return found


@pytest.mark.parametrize("extra", ["server", "dev"])
def test_every_requirement_is_pinned_within_its_specifier(extra: str) -> None:
    text = (ROOT / "requirements" / f"{extra}.lock").read_text()
    pins = _pins(text)
    for requirement in _requirements(extra):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is not in requirements/{extra}.lock: ./dev lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"requirements/{extra}.lock pins {name}=={pins[name]}, outside {requirement}: "
            "./dev lock"
        )


@pytest.mark.parametrize("extra", ["server", "dev"])
def test_every_pin_carries_a_hash(extra: str) -> None:
    blocks = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / "requirements" / f"{extra}.lock").read_text())
    pinned = [b for b in blocks if PIN.match(b)]
    assert pinned
    assert [b.split()[0] for b in pinned if "--hash=sha256:" not in b] == []


def test_the_dev_lock_holds_every_server_pin_at_the_same_version() -> None:
    server = _pins((ROOT / "requirements" / "server.lock").read_text())
    dev = _pins((ROOT / "requirements" / "dev.lock").read_text())
    assert {n: v for n, v in server.items() if dev.get(n) != v} == {}
