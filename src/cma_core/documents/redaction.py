"""Masking personal identifiers before text leaves for a third-party assistant.

What an assistant needs from a letter is the creditor, references, amounts and dates; it
does not need to know who the client is. UK GDPR's data-minimisation principle (Art.
5(1)(c)) says not to send it. This is a best-effort filter for the identifiers that are
easy to recognise; it is not a guarantee of anonymity (names are not masked).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from attrs import frozen

NI_NUMBER = "[NI NUMBER]"
EMAIL = "[EMAIL]"
PHONE = "[PHONE]"
POSTCODE = "[POSTCODE]"
DATE_OF_BIRTH = "[DATE OF BIRTH]"

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_DATE = (
    r"(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4})"
)
_DOB = re.compile(
    r"(?P<label>\b(?:date\s+of\s+birth|d\.?\s?o\.?\s?b\.?|born(?:\s+on)?)\b\s*[:\-]?\s*)"
    + f"(?P<date>{_DATE})",
    re.IGNORECASE,
)
# Two letters, six digits, A-D. Looser than HMRC's allocation rules on purpose: OCR misreads
# letters, and masking a look-alike reference costs less than sending a real number.
_NI = re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.IGNORECASE)
_POSTCODE = re.compile(r"\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b")
_KEY = re.compile(r"\[NI NUMBER \d+\]", re.IGNORECASE)
_PHONE_CANDIDATE = re.compile(r"(?<![\w£.])(?:\+44\s?\(0\)\s?|\+44\s?|0)\d[\d\s-]{7,14}\d(?!\w)")


def _phone(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = re.sub(r"\D", "", text)
    national = digits[2:] if text.startswith("+44") else digits[1:]
    if national.startswith("0"):  # "+44 (0)20..." keeps a trunk zero
        national = national[1:]
    # UK numbers are 9 or 10 digits after the trunk 0; anything else is a reference.
    return PHONE if len(national) in (9, 10) else text


def mask_personal_identifiers(text: str) -> str:
    """``text`` with emails, dates of birth, NI numbers, postcodes and phone numbers
    replaced by placeholders such as ``[EMAIL]``. Other dates and amounts are kept."""
    return _mask(text, NI_NUMBER)


@frozen
class Masked:
    """Text masked for an assistant, with the key to the NI numbers in it, kept here.

    A DWP or HMRC letter may quote the client's NI number as its reference. The
    assistant sees each as a numbered placeholder (``[NI NUMBER 1]``), never the number,
    and a reference it answers with a placeholder is given its number back here
    (``restore``), so masking costs the adviser no reference."""

    text: str
    keys: Mapping[str, str]

    def restore(self, value: str | None) -> str | None:
        """``value`` with each placeholder of ``keys`` put back as the number it masked."""
        if value is None or not self.keys:
            return value
        return _KEY.sub(lambda m: self.keys.get(m.group(0).upper(), m.group(0)), value)


def mask_for_assistant(text: str) -> Masked:
    """``text`` masked as ``mask_personal_identifiers`` masks it, but each distinct NI
    number as its own numbered placeholder, with the key to put them back."""
    keys: dict[str, str] = {}
    numbers: dict[str, str] = {}

    def number(match: re.Match[str]) -> str:
        found = "".join(match.group(0).split()).upper()
        if found not in numbers:
            numbers[found] = f"[NI NUMBER {len(numbers) + 1}]"
            keys[numbers[found]] = found
        return numbers[found]

    return Masked(_mask(text, number), keys)


def _mask(text: str, ni_number: str | Callable[[re.Match[str]], str]) -> str:
    text = _EMAIL.sub(EMAIL, text)
    text = _DOB.sub(lambda m: m.group("label") + DATE_OF_BIRTH, text)
    text = _NI.sub(ni_number, text)
    text = _POSTCODE.sub(POSTCODE, text)
    return _PHONE_CANDIDATE.sub(_phone, text)
