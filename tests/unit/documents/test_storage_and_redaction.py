from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.documents.redaction import mask_for_assistant, mask_personal_identifiers
from cma_core.documents.storage import (
    folder_prefix,
    object_key,
    sign_link,
    validate_link_expiry,
    verify_link,
)
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CentreId

CENTRE = CentreId(uuid.UUID("11111111-1111-1111-1111-111111111111"))


def test_object_keys_live_under_the_centre() -> None:
    assert object_key(CENTRE, "documents/a/original") == (
        "centres/11111111-1111-1111-1111-111111111111/documents/a/original"
    )
    assert folder_prefix(CENTRE, "") == "centres/11111111-1111-1111-1111-111111111111/"
    assert folder_prefix(CENTRE, "documents/ab/").endswith("/documents/ab/")


@pytest.mark.parametrize(
    "key",
    ["", "../other/x", "a/../../b", "/abs", "a//b", "a\\b", "a/./b", ".hidden", "a b", "é", "x/"],
)
def test_unsafe_keys_are_refused(key: str) -> None:
    with pytest.raises(ValidationError) as err:
        object_key(CENTRE, key)
    assert err.value.field == "key"


def test_link_expiry_bounds() -> None:
    assert validate_link_expiry(dt.timedelta(minutes=5))
    for bad in (dt.timedelta(0), dt.timedelta(hours=1), dt.timedelta(seconds=-5)):
        with pytest.raises(ValidationError) as err:
            validate_link_expiry(bad)
        assert err.value.field == "expires_in"


def test_signed_links() -> None:
    sig = sign_link("centres/x/k", 1000, b"secret")
    assert verify_link("centres/x/k", 1000, sig, b"secret", now=999)
    assert not verify_link("centres/x/k", 1000, sig, b"secret", now=1000)
    assert not verify_link("centres/y/k", 1000, sig, b"secret", now=1)
    assert not verify_link("centres/x/k", 2000, sig, b"secret", now=1)
    assert not verify_link("centres/x/k", 1000, sig, b"other", now=1)


def test_masks_identifiers_but_keeps_what_extraction_needs() -> None:
    text = (
        "Dear Ms Example, NI number QQ 12 34 56 C / AB123456D.\n"
        "Call 0161 496 0000 or +44 (0)20 7946 0018 or 07700 900123.\n"
        "Email jo.bloggs+debt@example.co.uk. Address: 1 High St, Leeds LS1 4AB. SW1A 1AA\n"
        "Date of birth: 04/07/1980. DOB 4th July 1980. Born on 4 July 1980.\n"
        "Account number 12345678901234, claim K1QZ4821, balance £1,234.56,\n"
        "dated 12 March 2025, pay by 26/03/2025. Sort 12-34-56."
    )
    out = mask_personal_identifiers(text)
    for secret in [
        "QQ 12 34 56 C",
        "AB123456D",
        "0161 496 0000",
        "7946 0018",
        "07700 900123",
        "jo.bloggs",
        "LS1 4AB",
        "SW1A 1AA",
        "1980",
    ]:
        assert secret not in out, secret
    for kept in ["12345678901234", "K1QZ4821", "£1,234.56", "12 March 2025", "26/03/2025"]:
        assert kept in out, kept
    assert out.count("[PHONE]") == 3
    assert out.count("[DATE OF BIRTH]") == 3
    assert "[EMAIL]" in out
    assert out.count("[POSTCODE]") == 2
    assert out.count("[NI NUMBER]") == 2


def test_an_ni_number_masked_for_an_assistant_is_keyed_and_given_back_only_here() -> None:
    """A DWP letter quoting the NI number as its reference: the assistant sees numbered
    placeholders (the same number twice is one placeholder), and a reference answered with
    one is given its number back; anything else is left as answered."""
    masked = mask_for_assistant(
        "Our ref: QQ 12 34 56 C. Your partner's NI number AB123456D.\n"
        "Please quote qq123456c. Call 0161 496 0000 about LS1 4AB."
    )
    for secret in ("QQ 12 34 56 C", "qq123456c", "AB123456D", "0161 496 0000", "LS1 4AB"):
        assert secret not in masked.text, secret
    assert masked.text.count("[NI NUMBER 1]") == 2
    assert masked.text.count("[NI NUMBER 2]") == 1
    assert "[PHONE]" in masked.text
    assert "[POSTCODE]" in masked.text
    assert masked.restore("[NI NUMBER 1]") == "QQ123456C"
    assert masked.restore("Ref [ni number 2]") == "Ref AB123456D"
    assert masked.restore("[NI NUMBER 3]") == "[NI NUMBER 3]"  # no such number: as answered
    assert masked.restore("DWP-7781") == "DWP-7781"
    assert masked.restore(None) is None
    # the summary's masking is unchanged: one placeholder for every number, no key
    assert mask_personal_identifiers("NI QQ123456C") == "NI [NI NUMBER]"
