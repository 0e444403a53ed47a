"""A creditor's reference format learned from the references of its recorded debts
(``debts.formats``): the shape most of them share, as a pattern the RE2 engine runs.
References here are made up."""

from __future__ import annotations

import pytest

from cma_adapters.re2 import Re2PatternEngine
from cma_core.debts.formats import learned_reference_format, reference_fits, reference_shape

RE2 = Re2PatternEngine()


@pytest.mark.parametrize(
    ("reference", "shape"),
    [
        ("12345678", "[0-9]{8}"),
        ("AB1234567C", "[A-Za-z]{2}[0-9]{7}[A-Za-z]{1}"),
        ("LO/123456", "[A-Za-z]{2}\\/[0-9]{6}"),
        ("4929 1234 5678 9012", "[0-9]{16}"),
        ("CT-2026.0041", "[A-Za-z]{2}\\-[0-9]{4}\\.[0-9]{4}"),
    ],
)
def test_a_reference_has_the_shape_of_its_runs(reference: str, shape: str) -> None:
    assert reference_shape(reference) == shape
    assert RE2.problem(shape) is None
    assert RE2.fullmatch(shape, "".join(reference.split()))


def test_a_reference_without_a_figure_has_no_shape() -> None:
    assert reference_shape("see letter") is None


def test_two_references_of_one_shape_teach_it_and_it_fits_others_of_that_shape() -> None:
    learned = learned_reference_format(["QB-104233", "qb-771020", None, ""])
    assert learned is not None
    assert learned.pattern == "[A-Za-z]{2}\\-[0-9]{6}"
    assert learned.seen == {learned.pattern}
    assert (learned.example, learned.references) == ("AA-999999", 2)
    assert learned.fits("XZ-000 001", RE2)
    assert not learned.fits("XZ-00001", RE2)
    assert RE2.fullmatch(learned.pattern, "XZ-000001")
    assert not RE2.fullmatch(learned.pattern, "QB-10423")
    assert not RE2.fullmatch(learned.pattern, "01632 960001")


@pytest.mark.parametrize(
    "references",
    [
        [],
        ["QB-104233"],  # one: it may be a typo
        ["QB-104233", "QB-104233", " QB-104 233 "],  # one reference, written three times
        ["QB-104233", "88123456"],  # two shapes, none most usual
        ["QB-104233", "QB-771020", "88123456", "77123456"],  # half and half
        ["none", "n/a"],  # no figure: no account number
    ],
)
def test_too_few_or_disagreeing_references_teach_nothing(references: list[str]) -> None:
    assert learned_reference_format(references) is None


def test_one_odd_reference_among_many_does_not_stop_the_format() -> None:
    references = ["QB-104233", "QB-771020", "QB-550001", "QB-55000"]  # one typed short
    learned = learned_reference_format(references)
    assert learned is not None
    assert learned.pattern == "[A-Za-z]{2}\\-[0-9]{6}"
    # ... and a read reference of the odd one's shape is like one the centre holds
    assert learned.seen == {learned.pattern, "[A-Za-z]{2}\\-[0-9]{5}"}


def test_only_ascii_figures_are_figures_other_scripts_are_written_as_printed() -> None:
    # RE2's [0-9] matches no other script's figures: a shape made of them would not fit
    # the very references it was learned from.
    assert reference_shape("١٢٣٤٥٦") is None
    shape = reference_shape("AB-١2")
    assert shape == "[A-Za-z]{2}\\-١[0-9]{1}"
    assert shape is not None
    assert RE2.fullmatch(shape, "AB-١2")
    assert learned_reference_format(["١٢٣٤٥٦", "٦٥٤٣٢١", "١١١١١١"]) is None
    learned = learned_reference_format(["QB-١04233", "QB-١71020"])
    assert learned is not None
    assert learned.fits("QB-١55009", RE2)
    assert learned.example == "AA-١99999"


def test_a_reference_fits_as_written_or_without_its_spaces() -> None:
    assert reference_fits([r"\d{16}"], " 4929 1234 5678 9012 ", RE2)
    assert reference_fits([r"\d{4} \d{4}"], "4929 1234", RE2)
    assert not reference_fits([r"\d{16}"], "4929 1234", RE2)
