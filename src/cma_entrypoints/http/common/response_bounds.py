"""Response schemas carry the bounds their request side has (issue 13, ASVS V5/V13).

A resource is written as ``FooIn`` (or ``…Create``/``…Update``/``…Patch``/``…Edit``) and
read as ``FooOut``; what the server sends back under a field is what it accepted under the
same field, so the ``maxLength``, ``maximum`` and ``maxItems`` of the request side hold for
the response too. msgspec documents a response ``str`` as unbounded; this copies the
request side's bounds onto the same-named fields of the paired response schemas (the
non-null branch of an optional field; the items of a list), so a client generated from the
document gets the same limits both ways. Only bounds are copied, never patterns or
minimums, and never onto a field whose type differs.
"""

from __future__ import annotations

import re
from typing import Any

_WRITE = re.compile(r"(In|Create|Update|Patch|Edit)$")
_UPPER = ("maxLength", "maximum", "maxItems")


def _branches(prop: dict[str, Any]) -> list[dict[str, Any]]:
    """The typed schema(s) of a property: itself, or the non-null branches of anyOf."""
    if "anyOf" in prop:
        return [b for b in prop["anyOf"] if b.get("type") not in (None, "null")]
    return [prop] if "type" in prop else []


def _merge(target: dict[str, Any], source: dict[str, Any]) -> bool:
    """Copy ``source``'s upper bounds onto ``target`` (same type); whether any was added."""
    if target.get("type") != source.get("type"):
        return False
    added = False
    for key in _UPPER:
        if key in source and key not in target:
            target[key] = source[key]
            added = True
    if target.get("type") == "array":
        inner, outer = target.get("items"), source.get("items")
        if isinstance(inner, dict) and isinstance(outer, dict):
            for t in _branches(inner):
                for s in _branches(outer):
                    added |= _merge(t, s)
    return added


def _request_bounds(schemas: dict[str, Any]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Per resource stem, per field: the request side's typed schemas."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for name, schema in schemas.items():
        if not _WRITE.search(name):
            continue
        fields = out.setdefault(_WRITE.sub("", name), {})
        for field, prop in schema.get("properties", {}).items():
            fields.setdefault(field, []).extend(_branches(prop))
    return out


def mirror_request_bounds(document: dict[str, Any]) -> dict[str, Any]:
    """Add the request side's bounds to every paired ``…Out`` schema of ``document``."""
    schemas = document.get("components", {}).get("schemas", {})
    requests = _request_bounds(schemas)
    for name, schema in schemas.items():
        if not name.endswith("Out"):
            continue
        fields = requests.get(name[: -len("Out")])
        if not fields:
            continue
        for field, prop in schema.get("properties", {}).items():
            for target in _branches(prop):
                for source in fields.get(field, ()):
                    _merge(target, source)
    return document
