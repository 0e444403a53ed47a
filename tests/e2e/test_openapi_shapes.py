"""The API documents what it sends: every 2xx JSON response under /api/v1 has a typed
schema (properties or a $ref) and an example that validates against that schema, and the
debt-advice responses really have those shapes.

The advice responses are ``to_data`` output described by Structs derived from the same
attrs records (``cma_entrypoints.http.common.data_shapes``); decoding real responses and the
documented examples with unknown fields forbidden catches any drift between the two.
"""

from __future__ import annotations

import copy
from typing import Any

import httpx
import jsonschema
import msgspec
import pytest
from tests.e2e.conftest import Api
from tests.e2e.test_advice_api import BUDGET, V0, put, setup_case

from cma_entrypoints.http.common import data_shapes as shapes

pytestmark = pytest.mark.slow

#: Untyped on purpose: none. The test fails when a new untyped response appears.
KNOWN_UNTYPED: set[tuple[str, str, str]] = set()

_METHODS = {"get", "post", "put", "patch", "delete"}


def _untyped(schema: dict[str, Any]) -> bool:
    """An object schema that states no field: no properties, no $ref, no typed values."""
    if "$ref" in schema:
        return False
    for key in ("oneOf", "anyOf", "allOf"):
        if key in schema:
            return any(_untyped(s) for s in schema[key] if s.get("type") != "null")
    if schema.get("type") == "array":
        return _untyped(schema.get("items", {}))
    if schema.get("type") not in ("object", None) or "enum" in schema:
        return False
    values = schema.get("additionalProperties")
    typed_values = isinstance(values, dict) and bool(values) and not _untyped(values)
    return not schema.get("properties") and not typed_values


def _json_responses(spec: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any]]]:
    out = []
    for path, item in spec["paths"].items():
        if not path.startswith("/api/v1"):
            continue
        for method, op in item.items():
            if method not in _METHODS:
                continue
            for code, response in op.get("responses", {}).items():
                media = response.get("content", {}).get("application/json")
                # A file sent as an attachment (the SFS export) is bytes, not a JSON answer.
                binary = media is not None and media.get("schema", {}).get("format") == "binary"
                if code.startswith("2") and media is not None and not binary:
                    out.append((method, path, code, media))
    return out


async def test_every_json_success_response_is_typed(http: httpx.AsyncClient) -> None:
    spec = (await http.get("/schema/openapi.json")).json()
    responses = _json_responses(spec)
    untyped = {(m, p, c) for m, p, c, media in responses if _untyped(media.get("schema", {}))}
    assert untyped - KNOWN_UNTYPED == set(), "untyped responses: give them a Struct"
    assert KNOWN_UNTYPED - untyped == set(), "now typed: remove from KNOWN_UNTYPED"


async def test_advice_responses_have_examples(http: httpx.AsyncClient) -> None:
    spec = (await http.get("/schema/openapi.json")).json()
    missing = [
        (m, p, c)
        for m, p, c, media in _json_responses(spec)
        if "/cases/{case_id}/" in p
        and any(
            k in p
            for k in ("financial-facts", "budget", "options", "appraisals", "offers", "advice")
        )
        and not media.get("examples")
    ]
    assert missing == []


def _closed(components: dict[str, Any]) -> dict[str, Any]:
    """The components with every object that lists its properties closed to others, so
    an example with a field the response does not have fails."""
    out = copy.deepcopy(components)

    def close(node: Any) -> None:
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for v in node.values():
                close(v)
        elif isinstance(node, list):
            for v in node:
                close(v)

    close(out)
    return out


async def test_every_json_success_response_has_a_valid_example(http: httpx.AsyncClient) -> None:
    spec = (await http.get("/schema/openapi.json")).json()
    components = _closed(spec.get("components", {}))
    responses = _json_responses(spec)
    missing = [(m, p, c) for m, p, c, media in responses if not media.get("examples")]
    assert missing == [], "give these responses an example (example_schemas.with_example)"
    invalid = []
    for m, p, c, media in responses:
        schema = {"allOf": [media["schema"]], "components": components}
        validator = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        for name, example in media["examples"].items():
            for error in validator.iter_errors(example["value"]):
                path = "/".join(str(x) for x in error.absolute_path)
                invalid.append(f"{m} {p} {c} {name} at {path or '.'}: {error.message[:200]}")
    assert invalid == []


async def test_binary_downloads_are_documented_as_what_they_send(
    http: httpx.AsyncClient,
) -> None:
    paths = (await http.get("/schema/openapi.json")).json()["paths"]

    def media(path: str) -> set[str]:
        return set(paths[path]["get"]["responses"]["200"]["content"])

    assert media("/api/v1/documents/{document_id}/content") == {
        "application/pdf",
        "image/png",
        "image/jpeg",
        "image/tiff",
        "image/heic",
        "text/csv",  # bank statement exports
        "application/x-ofx",
    }
    assert media("/api/v1/cases/{case_id}/letters/{letter_id}") == {
        "text/html",
        "application/pdf",
    }
    assert media("/api/v1/cases/{case_id}/sfs") == {"application/json", "application/xml"}


@pytest.mark.parametrize(
    ("key", "shape"),
    [
        ("facts", shapes.FactsOut),
        ("budget", shapes.BudgetOut),
        ("appraisal", shapes.AppraisalOut),
        ("saved_appraisal", shapes.AppraisalRecordOut),
        ("appraisals", shapes.AppraisalPage),
        ("plan", shapes.OfferPlanOut),
        ("plans", shapes.OfferPlanPage),
        ("advice", shapes.AdviceOut),
        ("advice_page", shapes.AdvicePage),
    ],
)
def test_each_example_has_its_documented_shape(key: str, shape: type[Any]) -> None:
    msgspec.json.decode(msgspec.json.encode(shapes.EXAMPLES[key]), type=shape)


def _has(r: httpx.Response, shape: type[Any]) -> None:
    assert r.is_success, r.text
    msgspec.json.decode(r.content, type=shape)  # unknown or missing field: an error


async def test_real_advice_responses_have_their_documented_shapes(
    two_centres: tuple[Api, Api],
) -> None:
    api, _ = two_centres
    _case_id, base, _card, council = await setup_case(api)
    _has(await api.get(f"{base}/financial-facts"), shapes.FactsOut)
    _has(await put(api, f"{base}/financial-facts", {"jurisdiction": "EW"}, V0), shapes.FactsOut)
    _has(await api.get(f"{base}/budget"), shapes.BudgetOut)
    _has(await put(api, f"{base}/budget", BUDGET, V0), shapes.BudgetOut)
    on = {"date": "2026-11-28", "jurisdiction": "EW"}
    _has(await api.get(f"{base}/options", params=on), shapes.AppraisalOut)
    _has(await api.post(f"{base}/options", params=on), shapes.AppraisalRecordOut)
    _has(await api.get(f"{base}/appraisals"), shapes.AppraisalPage)
    offers = {"priority_offers": [{"debt_id": council, "amount_pence": 500}]}
    _has(await api.post(f"{base}/offers", offers), shapes.OfferPlanOut)
    _has(await api.get(f"{base}/offers"), shapes.OfferPlanPage)
    advice = {"on_date": "2026-11-28", "recommended": "dro", "reasons": "Low surplus."}
    r = await api.post(f"{base}/advice", advice)
    _has(r, shapes.AdviceOut)
    headers = {**api.headers, "If-Match": r.headers["etag"]}
    r = await api.client.patch(
        f"{base}/advice/{r.json()['id']}", json={"client_decision": "accepted"}, headers=headers
    )
    _has(r, shapes.AdviceOut)
    _has(await api.get(f"{base}/advice"), shapes.AdvicePage)


def _typed(prop: dict[str, Any]) -> list[dict[str, Any]]:
    if "anyOf" in prop:
        return [b for b in prop["anyOf"] if b.get("type") not in (None, "null")]
    return [prop] if "type" in prop else []


async def test_response_schemas_carry_the_bounds_of_their_request_side(
    http: httpx.AsyncClient,
) -> None:
    """Every field a ``FooIn``/``FooCreate``/``FooUpdate``/``FooPatch``/``FooEdit`` bounds
    (``maxLength``, ``maximum``, ``maxItems``, and those of list items) is bounded the same
    in ``FooOut`` when it has that field with that type: a client generator gets the same
    limits on what it reads as on what it writes."""
    import re

    schemas = (await http.get("/schema/openapi.json")).json()["components"]["schemas"]
    write = re.compile(r"(In|Create|Update|Patch|Edit)$")
    unbounded: list[str] = []
    pairs = 0
    for name, schema in sorted(schemas.items()):
        if not write.search(name) or f"{write.sub('', name)}Out" not in schemas:
            continue
        out = schemas[f"{write.sub('', name)}Out"]
        pairs += 1
        for field, prop in schema.get("properties", {}).items():
            if field not in out.get("properties", {}):
                continue
            for source in _typed(prop):
                for target in _typed(out["properties"][field]):
                    if target.get("type") != source.get("type"):
                        continue
                    checks = [(source, target, "")]
                    if source.get("type") == "array":
                        checks += [
                            (s, t, "[]")
                            for s in _typed(source.get("items", {}))
                            for t in _typed(target.get("items", {}))
                            if s.get("type") == t.get("type")
                        ]
                    for s, t, where in checks:
                        for key in ("maxLength", "maximum", "maxItems"):
                            if key in s and t.get(key, float("inf")) > s[key]:
                                unbounded.append(f"{name}.{field}{where} {key}")
    assert pairs > 20  # the pairing found the API's resources
    assert unbounded == []


async def test_no_field_is_documented_as_an_iso_duration(http: httpx.AsyncClient) -> None:
    """CMA has no duration fields; Litestar documents ``dt.time`` as ``format: duration``
    ("PT9H"), which a client would send and CMA refuse. Found by the fuzz gate once it
    checked response schemas (working hours answered "09:00:00")."""
    text = (await http.get("/schema/openapi.json")).text
    assert '"format":"duration"' not in text.replace(" ", "")
