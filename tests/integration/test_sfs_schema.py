"""SFS-DDS v1.1 export and import against the published schemas.

Every export is validated here against the copies in ``../shared/domain/sfs-dds-v1.1/``
(the reference) and the copies shipped inside the package (what the app uses), which must
be byte-identical. Round trips lose nothing: statement -> document -> statement is the
identity, and document -> statement -> document reproduces the document.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cma_adapters.sfs import SfsDdsCodec, validate_json, validate_xml
from cma_core.budgets.catalogue import LINES, Category
from cma_core.budgets.frequency import Frequency
from cma_core.budgets.model import Budget, Household, Tenure
from cma_core.budgets.ports import SfsDebtLine, SfsFormat, SfsStatement, SfsStatementDetails
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money

SHARED = Path(__file__).resolve().parents[3] / "shared" / "domain" / "sfs-dds-v1.1"
PACKAGED = Path(str(resources.files("cma_adapters.sfs").joinpath("schemas")))
CODEC = SfsDdsCodec()

pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="shared SFS schemas not present")


def shared_json_validator() -> jsonschema.Draft4Validator:
    schema = json.loads((SHARED / "sfs-data-entry-schema.json").read_text(), parse_float=Decimal)
    return jsonschema.Draft4Validator(schema)


def shared_xsd() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SHARED / "sfs-data-entry-schema.xsd"))


def assert_valid_everywhere(data: bytes, fmt: SfsFormat) -> None:
    """Valid against the shared copy and the packaged copy."""
    if fmt is SfsFormat.JSON:
        validate_json(data, shared_json_validator())
        validate_json(data)
    else:
        validate_xml(data, shared_xsd())
        validate_xml(data)
        assert shared_xsd().is_valid(data.decode())


def statement() -> SfsStatement:
    b = Budget(
        household=Household(
            has_partner=True,
            dependent_children_under_16=2,
            dependent_children_16_18=1,
            non_dependants=1,
            vehicles=1,
            tenure=Tenure.OTHER,
        ),
        asset_use_considered=True,
    )
    b.set_line("client_salary", Money(41234), Frequency.WEEKLY, "payslips <attached> & checked")
    b.set_line("child_benefit", Money(10200), Frequency.FOUR_WEEKLY)
    b.set_line("state_pension", Money(99999), Frequency.QUARTERLY)
    b.set_line("rent", Money(65000))
    b.set_line("gas", Money(1), Frequency.YEARLY, "tiny")
    b.set_line("pension_payments", Money(2000))
    b.set_line("groceries", Money(50007), note="five people")
    b.add_other_essential("Bus pass: school", Money(2500), Frequency.FORTNIGHTLY, "two kids")
    b.add_other_essential("Bank charges", Money(500))
    b.set_category_note(Category.PERSONAL, "growing children")
    b.set_savings_contribution(Money(1500))
    return SfsStatement(
        budget=b,
        details=SfsStatementDetails(
            client_name="Ann Lee",
            is_joint_application=True,
            client_date_of_birth=dt.date(1984, 3, 2),
            client_address="1 High Street\nLeeds",
            partner_name="Sam Lee",
            partner_date_of_birth=dt.date(1980, 2, 29),
            housing_tenure_other="Shared ownership",
            client_employment_status=("Part-time", "Carer"),
            partner_employment_status=("Other",),
            partner_employment_status_other="Zero hours",
            additional_notes=("Client has a hearing impairment.",),
        ),
        debts=(
            SfsDebtLine(
                creditor="Leeds City Council",
                amount_owed=Money(84000),
                repayment_offer=Money(2500),
                priority=True,
                notes="liability order",
            ),
            SfsDebtLine(
                creditor="Example Bank",
                amount_owed=Money(250000),
                repayment_offer=Money(1234),
                priority=False,
                ccj=True,
            ),
        ),
        token_payments=None,
    )


def test_packaged_schemas_are_the_published_ones() -> None:
    for name in ("sfs-data-entry-schema.json", "sfs-data-entry-schema.xsd"):
        assert (PACKAGED / name).read_bytes() == (SHARED / name).read_bytes()


@pytest.mark.parametrize("fmt", list(SfsFormat))
def test_export_validates_and_round_trips(fmt: SfsFormat) -> None:
    original = statement()
    data = CODEC.export(original, fmt)
    assert_valid_everywhere(data, fmt)
    back = CODEC.parse(data, fmt)
    assert back == original
    assert CODEC.export(back, fmt) == data


def test_json_and_xml_say_the_same() -> None:
    st_ = statement()
    from_json = CODEC.parse(CODEC.export(st_, SfsFormat.JSON), SfsFormat.JSON)
    from_xml = CODEC.parse(CODEC.export(st_, SfsFormat.XML), SfsFormat.XML)
    assert from_json == from_xml == st_


def test_figures_follow_the_sfs_formulas() -> None:
    doc = json.loads(CODEC.export(statement(), SfsFormat.JSON), parse_float=Decimal)
    o = doc["overview"]
    # Weekly 412.34 -> 41234 * 52 / 12 = 178680.67p -> 1786.81 (half up); four-weekly
    # 102.00 -> 110.50; quarterly 999.99 -> 333.33.
    earnings = doc["monthly-income"]["earnings"]["client-salary-or-wages"]["monthly-amount"]
    assert earnings == Decimal("1786.81")
    assert o["total-monthly-income"] == Decimal("1786.81") + Decimal("110.50") + Decimal("333.33")
    assert o["income-minus-outgoings"] == o["total-monthly-income"] - o["total-monthly-outgoings"]
    assert o["total-available-for-priority-debts"] == (
        o["income-minus-outgoings"] - o["savings-contribution"] - o["debt-admin-fee"]
    )
    assert o["total-available-for-non-priority-debts"] == (
        o["total-available-for-priority-debts"] - doc["debts"]["total-priority-debt-offers"]
    )


@pytest.mark.parametrize("fmt", list(SfsFormat))
def test_a_deficit_is_shown_as_zero_with_a_note_and_still_validates(fmt: SfsFormat) -> None:
    b = Budget(household=Household(tenure=Tenure.TENANT_PRIVATE), asset_use_considered=False)
    b.set_line("rent", Money(70000))
    b.set_line("uc_tax_credits", Money(50000))
    b.set_savings_contribution(Money(0), considered=True)
    st_ = SfsStatement(
        budget=b,
        details=SfsStatementDetails(
            client_date_of_birth=dt.date(1990, 1, 1), client_employment_status=("Unemployed",)
        ),
    )
    data = CODEC.export(st_, fmt)
    assert_valid_everywhere(data, fmt)
    assert b"CMA deficit: income minus outgoings is -\xc2\xa3200.00" in data
    assert CODEC.parse(data, fmt) == st_


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda s: s.budget.__setattr__("household", None), "household"),
        (lambda s: s.budget.__setattr__("asset_use_considered", None), "asset_use_considered"),
        (
            lambda s: s.budget.__setattr__("savings_contribution_considered", None),
            "savings_contribution_considered",
        ),
    ],
)
def test_unknown_required_facts_are_never_guessed(change: object, field: str) -> None:
    st_ = statement()
    change(st_)  # type: ignore[operator]
    with pytest.raises(ValidationError) as err:
        CODEC.export(st_, SfsFormat.XML)
    assert err.value.field == field


def test_unknown_ccj_on_a_non_priority_debt_is_refused() -> None:
    base = statement()
    st_ = SfsStatement(
        budget=base.budget,
        details=base.details,
        debts=(
            SfsDebtLine(
                creditor="X", amount_owed=Money(1), repayment_offer=Money(0), priority=False
            ),
        ),
    )
    with pytest.raises(ValidationError) as err:
        CODEC.export(st_, SfsFormat.JSON)
    assert err.value.field == "debts[0].ccj"


def test_the_published_example_is_read() -> None:
    data = (SHARED / "sfs-data-entry-example-data.xml").read_bytes()
    validate_xml(data, shared_xsd())
    # The example's totals are placeholders (README): parse it without the totals check.
    parsed = CODEC.parse(data, SfsFormat.XML, check_totals=False)
    assert len(parsed.debts) == 4
    assert parsed.details.client_employment_status == ("Full-time",)
    with pytest.raises(ValidationError):
        CODEC.parse(data, SfsFormat.XML)
    for fmt in SfsFormat:
        out = CODEC.export(parsed, fmt)
        assert_valid_everywhere(out, fmt)
        assert CODEC.parse(out, fmt) == parsed


def test_bad_documents_name_the_element() -> None:
    doc = json.loads(CODEC.export(statement(), SfsFormat.JSON))
    doc["monthly-outgoings"]["fixed-costs"]["home-contents"]["rent"]["monthly-amount"] = -1
    with pytest.raises(ValidationError) as err:
        CODEC.parse(json.dumps(doc).encode(), SfsFormat.JSON)
    assert "home-contents/rent" in err.value.field
    doc["monthly-outgoings"]["fixed-costs"]["home-contents"]["rent"]["monthly-amount"] = 1.234
    with pytest.raises(ValidationError) as err:
        CODEC.parse(json.dumps(doc).encode(), SfsFormat.JSON)
    assert "rent" in err.value.field
    xml = CODEC.export(statement(), SfsFormat.XML).replace(
        b"<housing-tenure>other", b"<housing-tenure>Castle"
    )
    with pytest.raises(ValidationError) as err:
        CODEC.parse(xml, SfsFormat.XML)
    assert "housing-tenure" in err.value.field


_LINE_KEYS = [d.key for d in LINES]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.dictionaries(
        st.sampled_from(_LINE_KEYS),
        st.tuples(st.integers(0, 10_000_000), st.sampled_from(list(Frequency))),
        max_size=12,
    ),
    fmt=st.sampled_from(list(SfsFormat)),
)
def test_any_budget_round_trips(lines: dict[str, tuple[int, Frequency]], fmt: SfsFormat) -> None:
    b = Budget(household=Household(tenure=Tenure.OWNER), asset_use_considered=True)
    b.set_savings_contribution(Money(0))
    for key, (pence, freq) in lines.items():
        b.set_line(key, Money(pence), freq, note="n")
    st_ = SfsStatement(
        budget=b,
        details=SfsStatementDetails(
            client_date_of_birth=dt.date(1970, 1, 1), client_employment_status=("Retired",)
        ),
    )
    data = CODEC.export(st_, fmt)
    validate_json(data) if fmt is SfsFormat.JSON else validate_xml(data)
    back = CODEC.parse(data, fmt)
    assert back.budget.summary() == b.summary()
    assert CODEC.export(back, fmt) == data
