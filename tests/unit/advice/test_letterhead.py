"""Letters a centre would send: the centre's letterhead and jurisdiction, a signature,
labels instead of codes, masked account numbers, and a PDF that prints any name."""

from __future__ import annotations

import base64
import io

import pypdfium2
import pytest
from PIL import Image
from tests.unit.advice.test_advice_services import (
    TODAY,
    Advice,
    adviser_case,
    build_services,
    card,
)
from tests.unit.core.support import register_cmd
from tests.wiring import ports

from cma_adapters.letters.renderer import JinjaLetterRenderer, LetterFontMissing
from cma_core.advice.ports import LetterKind, RenderedLetter
from cma_core.advice.service import RecordAdvice
from cma_core.advice.wording import (
    DEBT_TYPE_LABELS,
    ELIGIBILITY_LABELS,
    JURISDICTION_LABELS,
    ROLE_LABELS,
    SOLUTION_LABELS,
    mask_account,
    option_line,
    reason_text,
)
from cma_core.cases.service import OpenCase
from cma_core.debts.model import DebtType
from cma_core.debts.service import FactsDetails
from cma_core.identity.permissions import Role
from cma_core.reference.centre import ProfileDetails, effective_jurisdiction
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.service import CentreProfileService
from cma_core.shared.errors import PermissionDenied, StaleVersion, ValidationError
from cma_core.solutions.model import Eligibility, Solution

NAME = "Zoë Łukasiewicz-Дмитриева Ωμέγα"


@pytest.fixture
def svc() -> Advice:
    return build_services()


def test_every_closed_set_has_a_label() -> None:
    assert set(SOLUTION_LABELS) == set(Solution)
    assert set(ELIGIBILITY_LABELS) == set(Eligibility)
    assert set(DEBT_TYPE_LABELS) == set(DebtType)
    assert set(ROLE_LABELS) == set(Role)
    assert set(JURISDICTION_LABELS) == set(Jurisdiction)
    for labels in (SOLUTION_LABELS, DEBT_TYPE_LABELS):
        assert all("_" not in label for label in labels.values())


@pytest.mark.parametrize(
    ("reference", "shown"),
    [
        ("4929 1234 5678 9012", "************9012"),
        ("AB-12-34567", "*****4567"),
        ("1234", "1234"),
        ("12", "12"),
        ("", ""),
        (None, ""),
    ],
)
def test_account_numbers_show_only_the_last_four(reference: str | None, shown: str) -> None:
    assert mask_account(reference) == shown


def test_an_option_line_reads_as_words_with_the_deciding_reasons() -> None:
    reasons = (
        "DRO-E2 [fail]: total debts £60,000.00 exceed the £50,000.00 limit (IA 1986 s251C)",
        "DRO-E5 [pass]: surplus income under £75.00",
    )
    line = option_line(Solution.DRO, Eligibility.NOT_ELIGIBLE, reasons)
    assert line.startswith("Debt Relief Order — not eligible: Total debts £60,000.00 exceed")
    assert "DRO-E" not in line
    assert "surplus" not in line
    assert "[fail]" not in line
    assert option_line(Solution.DMP, Eligibility.ELIGIBLE, ()) == (
        "Debt Management Plan — you qualify"
    )
    assert reason_text("plain words") == "Plain words"


def test_the_case_overrides_the_centre_which_overrides_the_default() -> None:
    assert effective_jurisdiction(None, None) is Jurisdiction.EW
    assert effective_jurisdiction(None, None, Jurisdiction.NI) is Jurisdiction.NI
    assert effective_jurisdiction(Jurisdiction.SCO, None, Jurisdiction.NI) is Jurisdiction.SCO


def profiles(svc: Advice) -> CentreProfileService:
    return CentreProfileService(
        svc.app.uow, svc.app.store, svc.app.clock, **ports(("centre_profiles",))
    )


def png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (60, 20), (10, 90, 160)).save(buf, "PNG")
    return buf.getvalue()


LETTERHEAD = ProfileDetails(
    name="Riverside Money Advice",
    address="2 Mill Lane\nGlasgow G1 1AA",
    phone="0141 496 0000",
    email="advice@riverside.example",
    charity_number="SC012345",
    fca_number="654321",
    jurisdiction=Jurisdiction.SCO,
)


async def test_only_a_centre_admin_edits_the_profile_and_edits_are_optimistic(
    svc: Advice,
) -> None:
    adviser, _ = await adviser_case(svc)
    centre = await svc.app.store.get_centre(adviser.centre_id)
    assert centre is not None
    admin = await svc.app.staff(centre, Role.CENTRE_ADMIN)
    service = profiles(svc)
    first = await service.profile(adviser)
    assert (first.name, first.version, first.jurisdiction) == ("Leeds", 0, Jurisdiction.EW)
    with pytest.raises(PermissionDenied):
        await service.update(adviser, LETTERHEAD, expected_version=0)
    with pytest.raises(StaleVersion):
        await service.update(admin, LETTERHEAD, expected_version=1)
    saved = await service.update(admin, LETTERHEAD, expected_version=0)
    assert saved.version == 1
    with pytest.raises(ValidationError) as err:
        await service.update(
            admin, ProfileDetails(name="x", fca_number="12-34"), expected_version=1
        )
    assert err.value.field == "fca_number"
    with pytest.raises(ValidationError) as err:
        await service.set_logo(admin, b"GIF89a", "image/gif", expected_version=1)
    assert err.value.field == "content_type"
    with pytest.raises(ValidationError) as err:
        await service.set_logo(admin, b"not a png", "image/png", expected_version=1)
    assert err.value.field == "logo"
    with_logo = await service.set_logo(admin, png(), "image/png", expected_version=1)
    assert with_logo.version == 2
    assert (await service.logo(adviser)) == (png(), "image/png")
    audit = await svc.app.audit(adviser.centre_id, entity_type="centre_profile")
    assert [a.action for a in audit] == ["centre_profile.updated", "centre_profile.logo_set"]


async def test_the_appraisal_defaults_to_the_centres_jurisdiction_and_the_case_overrides(
    svc: Advice,
) -> None:
    adviser, case_id = await adviser_case(svc)
    centre = await svc.app.store.get_centre(adviser.centre_id)
    assert centre is not None
    admin = await svc.app.staff(centre, Role.CENTRE_ADMIN)
    await profiles(svc).update(admin, LETTERHEAD, expected_version=0)
    svc.appraisals.centre_profiles = ports(("centre_profiles",))["centre_profiles"]
    scottish = await svc.appraisals.options(adviser, case_id)
    assert Solution.MAP in {o.solution for o in scottish.options}
    await svc.debts.put_facts(
        adviser, case_id, FactsDetails(jurisdiction=Jurisdiction.NI), expected_version=None
    )
    ni = await svc.appraisals.options(adviser, case_id)
    assert {o.jurisdiction for o in ni.options} == {Jurisdiction.NI}


async def test_a_letter_carries_the_letterhead_signature_labels_and_masked_numbers(
    svc: Advice,
) -> None:
    adviser, _ = await adviser_case(svc)
    centre = await svc.app.store.get_centre(adviser.centre_id)
    assert centre is not None
    admin = await svc.app.staff(centre, Role.CENTRE_ADMIN)
    service = profiles(svc)
    await service.update(admin, LETTERHEAD, expected_version=0)
    await service.set_logo(admin, png(), "image/png", expected_version=1)
    client = await svc.app.clients.register(
        adviser, register_cmd(first_name="Zoë", last_name="Łukasiewicz-Дмитриева Ωμέγα")
    )
    case = await svc.app.cases.open(adviser, OpenCase(client_id=client.id))
    debt = await svc.debts.add_debt(adviser, case.id, card(account_reference="4929 1234 5678 9012"))
    await svc.advice.record_advice(
        adviser,
        case.id,
        RecordAdvice(
            on_date=TODAY, recommended=Solution.DMP, reasons="It fits your budget.",
            jurisdiction=Jurisdiction.SCO,
        ),
    )  # fmt: skip
    summary = await svc.letters.generate(adviser, case.id, LetterKind.ADVICE_SUMMARY)
    offer = await svc.letters.generate(
        adviser, case.id, LetterKind.OFFER_OF_PAYMENT, debt_id=debt.entry.id
    )
    user = await svc.app.store.get_user(adviser.user_id)  # type: ignore[arg-type]
    assert user is not None
    for letter in (summary, offer):
        html = letter.html
        assert "Riverside Money Advice" in html
        assert "2 Mill Lane<br>Glasgow G1 1AA" in html
        assert "Registered charity number SC012345" in html
        assert "firm reference number 654321" in html
        assert 'src="data:image/png;base64,' + base64.b64encode(png()).decode() in html
        assert f"{user.full_name}<br>Debt adviser, Riverside Money Advice" in html
        for part in ("4929 1234", "1234 5678", "49291234"):  # only the last four show
            assert part not in html
        for code in ("credit_card", "not_eligible", "adviser_judgement", "dmp<"):
            assert code not in html
    assert "Debt Management Plan" in summary.html
    assert "Protected Trust Deed — " in summary.html  # Scotland's options, as words
    assert "Scotland" in summary.html
    assert "************9012" in offer.subject
    assert "Account reference: ************9012" in offer.html

    pdf = await svc.letters.pdf(adviser, case.id, summary.id)
    doc = pypdfium2.PdfDocument(pdf)
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    assert NAME in text
    assert "Debt Management Plan" in text
    assert "?" not in text
    images = [
        obj
        for obj in doc[0].get_objects()
        if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE  # type: ignore[attr-defined]
    ]
    assert images, "the centre's logo is printed"


def test_without_the_font_a_pdf_is_refused_not_printed_with_question_marks(
    tmp_path: object,
) -> None:
    renderer = JinjaLetterRenderer(font_dir=str(tmp_path))
    with pytest.raises(LetterFontMissing, match="fonts-dejavu-core"):
        renderer.to_pdf(RenderedLetter(subject="s", html=f"<p>{NAME}</p>"))
