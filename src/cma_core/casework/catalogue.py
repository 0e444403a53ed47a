"""The versioned data behind the first-contact checklist and the vulnerability screening.

Both ship as JSON next to this module (``first_contact_checklist.json``,
``screening_prompts.json``), each with a ``version``: a record keeps the version it was
made against, so a later edition of the list never rewrites what was asked then.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from attrs import frozen


@frozen(kw_only=True)
class ChecklistItem:
    id: str
    label: str
    rule: str
    source: str
    required: bool
    choices: tuple[str, ...] = ()
    needs_value: bool = False


@frozen(kw_only=True)
class Checklist:
    version: str
    title: str
    source: str
    items: tuple[ChecklistItem, ...]

    def item(self, item_id: str) -> ChecklistItem | None:
        return next((i for i in self.items if i.id == item_id), None)


@frozen(kw_only=True)
class Driver:
    id: str
    label: str
    special_category: bool = False


@frozen(kw_only=True)
class Prompt:
    id: str
    set: str
    label: str


@frozen(kw_only=True)
class ScreeningGuide:
    version: str
    source: str
    drivers: tuple[Driver, ...]
    prompts: tuple[Prompt, ...]

    @property
    def driver_ids(self) -> frozenset[str]:
        return frozenset(d.id for d in self.drivers)

    @property
    def prompt_ids(self) -> frozenset[str]:
        return frozenset(p.id for p in self.prompts)


def _load(name: str) -> dict[str, Any]:
    text = resources.files("cma_core.casework").joinpath(name).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@functools.cache
def first_contact_checklist() -> Checklist:
    data = _load("first_contact_checklist.json")
    items = tuple(
        ChecklistItem(
            id=i["id"],
            label=i["label"],
            rule=i["rule"],
            source=i["source"],
            required=bool(i["required"]),
            choices=tuple(i.get("choices", ())),
            needs_value=bool(i.get("needs_value", bool(i.get("choices")))),
        )
        for i in data["items"]
    )
    return Checklist(
        version=data["version"], title=data["title"], source=data["source"], items=items
    )


@functools.cache
def screening_guide() -> ScreeningGuide:
    data = _load("screening_prompts.json")
    return ScreeningGuide(
        version=data["version"],
        source=data["source"],
        drivers=tuple(
            Driver(id=d["id"], label=d["label"], special_category=bool(d.get("special_category")))
            for d in data["drivers"]
        ),
        prompts=tuple(Prompt(id=p["id"], set=p["set"], label=p["label"]) for p in data["prompts"]),
    )
