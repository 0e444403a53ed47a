"""Client.register: validation of every field, normalisation, the event it records."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.clients.model import Client, ClientRegistered
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CentreId, ClientId, UserId

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
CENTRE = CentreId(uuid.UUID(int=1))
BY = UserId(uuid.UUID(int=2))


def register(**overrides: object) -> Client:
    values: dict[str, object] = {
        "client_id": ClientId(uuid.UUID(int=3)),
        "centre_id": CENTRE,
        "first_name": "Jane",
        "last_name": "Doe",
        "date_of_birth": dt.date(1985, 6, 1),
        "email": "jane@example.org",
        "phone": "07700 900123",
        "now": NOW,
        "by": BY,
    }
    values.update(overrides)
    return Client.register(**values)  # type: ignore[arg-type]


def test_register_keeps_fields_and_records_the_event() -> None:
    client = register(first_name="  Jane ", email=" Jane.Doe@Example.ORG ", phone=" 0113 496 0000 ")
    assert client.first_name == "Jane"
    assert client.email == "jane.doe@example.org"
    assert client.phone == "0113 496 0000"
    assert client.display_name == "Jane Doe"
    assert (client.created_at, client.updated_at, client.version) == (NOW, NOW, 1)
    events = client.pull_events()
    assert events == [
        ClientRegistered(
            centre_id=CENTRE,
            occurred_at=NOW,
            client_id=client.id,
            registered_by=BY,
            event_id=events[0].event_id,
        )
    ]
    assert client.pull_events() == []


@pytest.mark.parametrize("field", ["first_name", "last_name"])
@pytest.mark.parametrize("value", ["", "   ", "x" * 201])
def test_names_must_be_present_and_bounded(field: str, value: str) -> None:
    with pytest.raises(ValidationError) as err:
        register(**{field: value})
    assert err.value.field == field


def test_a_name_of_exactly_200_characters_is_fine() -> None:
    assert register(last_name="x" * 200).last_name == "x" * 200


def test_date_of_birth_may_be_today_but_not_in_the_future() -> None:
    assert register(date_of_birth=NOW.date()).date_of_birth == NOW.date()
    with pytest.raises(ValidationError) as err:
        register(date_of_birth=NOW.date() + dt.timedelta(days=1))
    assert err.value.field == "date_of_birth"


def test_date_of_birth_before_1900_is_a_typo() -> None:
    assert register(date_of_birth=dt.date(1900, 1, 1)).date_of_birth == dt.date(1900, 1, 1)
    with pytest.raises(ValidationError) as err:
        register(date_of_birth=dt.date(1899, 12, 31))
    assert err.value.field == "date_of_birth"


@pytest.mark.parametrize("email", ["no-at-sign", "a@b", "two@@example.org", "sp ace@example.org"])
def test_bad_email_is_refused(email: str) -> None:
    with pytest.raises(ValidationError) as err:
        register(email=email)
    assert err.value.field == "email"


@pytest.mark.parametrize("phone", ["123456", "1" * 16, "phone me", "+44 (0) 12"])
def test_bad_phone_is_refused(phone: str) -> None:
    with pytest.raises(ValidationError) as err:
        register(phone=phone)
    assert err.value.field == "phone"


@pytest.mark.parametrize("phone", ["1234567", "+44 7700 900 123", "1" * 15])
def test_phone_with_7_to_15_digits_is_fine(phone: str) -> None:
    assert register(phone=phone).phone == phone


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_blank_contact_details_are_none(blank: str | None) -> None:
    client = register(email=blank, phone=blank)
    assert client.email is None
    assert client.phone is None
