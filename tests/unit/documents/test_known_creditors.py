"""A letter's creditor recognised from the centre's creditor directory
(``documents.known_creditors``): the directory's spelling for a creditor the letter names
another way or with an OCR slip, a creditor's letter read with none given the known one it
prints, and the known creditors a letter prints offered beside an unknown one. Names here
are made up; no corpus family uses them."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from attrs import evolve
from tests.unit.documents.test_documents_service import make_world, open_case, png
from tests.unit.documents.test_locate import box_of, line, page
from tests.wiring import DEBTS, ports

from cma_adapters.memory_documents import ScriptedAssistant
from cma_adapters.re2 import Re2PatternEngine
from cma_core.debts.formats import LearnedFormat, learned_reference_format
from cma_core.debts.model import Creditor, CreditorId
from cma_core.documents.known_creditors import (
    ROLE_FORMAT,
    ROLE_KNOWN,
    ROLE_LEARNED,
    ROLE_READ,
    name_key,
    recognise,
    recognise_creditor,
)
from cma_core.documents.model import DocumentClass, Extraction, FieldEvidence
from cma_core.shared.ids import CentreId

CENTRE = CentreId(uuid.UUID(int=7))


def directory(*names: str) -> list[Creditor]:
    return [
        Creditor(id=CreditorId(uuid.UUID(int=i + 1)), centre_id=CENTRE, name=n)
        for i, n in enumerate(names)
    ]


def read(cls: DocumentClass = DocumentClass.CREDITOR_LETTER, **values: object) -> Extraction:
    return Extraction(document_class=cls, confidence=0.9, source="test", **values)  # type: ignore[arg-type]


KNOWN = directory(
    "Brackenfield Lending Limited",
    "Saltmarsh & Daughters plc",
    "Quillon Bank",
    "Quillon Bank Card Services",
    "Ferrovale Borough Council",
    "Thornbury Water Services",
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Brackenfield Lending Limited", "BRACKENFIELD LENDING LTD."),
        ("Saltmarsh & Daughters plc", "Saltmarsh and Daughters PLC"),
        ("The Orrin Finance Company", "Orrin Finance Co."),
    ],
)
def test_one_creditor_spelt_two_ways_has_one_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_other_firms_keep_their_own_keys() -> None:
    assert name_key("Quillon Bank") != name_key("Quillon Bank Card Services")
    assert name_key("North Ferrovale Council") != name_key("Ferrovale Council")


def test_a_read_creditor_spelt_another_way_takes_the_directorys_spelling() -> None:
    head = line(100, "BRACKENFIELD", "LENDING", "LTD")
    chosen = FieldEvidence(
        field="creditor_name",
        value="BRACKENFIELD LENDING LTD",
        page=1,
        box=box_of(*head),
        role="letterhead",
        chosen=True,
    )
    got = recognise_creditor(
        read(creditor_name="BRACKENFIELD LENDING LTD", evidence=(chosen,)), [page(1, head)], KNOWN
    )
    assert got.creditor_name == "Brackenfield Lending Limited"
    [now, before] = [e for e in got.evidence if e.field == "creditor_name"]
    assert (now.value, now.box, now.role, now.chosen) == (
        "Brackenfield Lending Limited",
        box_of(*head),
        ROLE_KNOWN,
        True,
    )
    assert (before.value, before.role, before.chosen) == (
        "BRACKENFIELD LENDING LTD",
        ROLE_READ,
        False,
    )


@pytest.mark.parametrize(
    ("slip", "known"),
    [
        ("Brackenfie1d Lending Ltd", "Brackenfield Lending Limited"),  # a figure for a letter
        ("Brackenfield Lendng Ltd", "Brackenfield Lending Limited"),  # a letter lost
        ("Ferrovale Borrough Council", "Ferrovale Borough Council"),  # one too many
        ("Thombury Water Services", "Thornbury Water Services"),  # "rn" read as "m"
        ("Thornbuiy Water Services", "Thornbury Water Services"),  # and a letter wrong
        ("Brackenfie1d Lendinq Ltd", None),  # two words misread: another firm, maybe
    ],
)
def test_a_name_read_with_one_ocr_slip_is_the_known_creditor(slip: str, known: str | None) -> None:
    assert recognise_creditor(read(creditor_name=slip), [], KNOWN).creditor_name == (known or slip)


@pytest.mark.parametrize(
    "other",
    [
        "Brackenford Lending Ltd",  # two letters: another firm
        "Quillon Bonk Card",  # a word missing as well
        "Quillon Bonk",  # a word under five letters is matched exactly only
    ],
)
def test_another_firms_name_is_not_taken_for_a_known_one(other: str) -> None:
    assert recognise_creditor(read(creditor_name=other), [], KNOWN).creditor_name == other


def test_a_slip_that_could_be_either_of_two_known_creditors_is_left_as_read() -> None:
    twins = directory("Penrose Lettings", "Penrise Lettings")
    got = recognise_creditor(read(creditor_name="Penrse Lettings"), [], twins)
    assert got.creditor_name == "Penrse Lettings"


def test_a_creditors_letter_read_with_no_creditor_takes_the_known_one_it_prints() -> None:
    first = line(100, "Dear", "Ms", "Okafor")
    body = line(200, "We", "act", "for", "Quillon", "Bank", "Card", "Services", "in", "this")
    footer = line(900, "Brackenfield", "Lending", "Limited,", "registered", "office")
    got = recognise_creditor(
        read(original_creditor="Quillon Bank Card Services"),
        [page(1, first, body, footer)],
        KNOWN,
    )
    # The original creditor is another role; the footer's registered name is the sender.
    assert got.creditor_name == "Brackenfield Lending Limited"
    [chosen] = [e for e in got.evidence if e.field == "creditor_name"]
    assert (chosen.box, chosen.role, chosen.chosen) == (box_of(*footer[:3]), ROLE_KNOWN, True)


def test_the_longest_known_name_printed_is_the_one_found() -> None:
    head = line(100, "Quillon", "Bank", "Card", "Services")
    got = recognise_creditor(read(), [page(1, head)], KNOWN)
    assert got.creditor_name == "Quillon Bank Card Services"


def test_a_name_wrapped_to_the_next_line_is_found_across_the_break() -> None:
    one = line(100, "payments", "to", "Saltmarsh", "&", number=1)
    two = line(140, "Daughters", "plc", "by", "the", "date", number=2)
    got = recognise_creditor(read(), [page(1, one, two)], KNOWN)
    assert got.creditor_name == "Saltmarsh & Daughters plc"
    [chosen] = [e for e in got.evidence if e.field == "creditor_name"]
    assert chosen.box == box_of(*one[2:], *two[:2])


def test_a_page_read_as_text_only_is_searched_without_a_box() -> None:
    from cma_core.documents.model import PageText

    text = PageText(number=2, text="Ferrovale Borough Council\nCouncil tax", confidence=0.8)
    got = recognise_creditor(read(DocumentClass.COUNCIL_TAX), [text], KNOWN)
    assert got.creditor_name == "Ferrovale Borough Council"
    [chosen] = [e for e in got.evidence if e.field == "creditor_name"]
    assert (chosen.page, chosen.box) == (2, None)


@pytest.mark.parametrize(
    "cls", [DocumentClass.PAYSLIP, DocumentClass.BANK_STATEMENT, DocumentClass.BENEFIT_AWARD]
)
def test_a_paper_with_no_creditor_is_given_none(cls: DocumentClass) -> None:
    head = line(100, "Quillon", "Bank")
    assert recognise_creditor(read(cls), [page(1, head)], KNOWN).creditor_name is None


def test_an_unknown_creditor_read_is_kept_and_the_known_ones_printed_are_offered() -> None:
    head = line(100, "Harrowgate", "Debt", "Recovery", "Ltd")
    pay = line(800, "Pay", "at", "any", "Quillon", "Bank", "branch")
    got = recognise_creditor(
        read(creditor_name="Harrowgate Debt Recovery Ltd"), [page(1, head, pay)], KNOWN
    )
    assert got.creditor_name == "Harrowgate Debt Recovery Ltd"
    [offered] = [e for e in got.evidence if e.field == "creditor_name"]
    assert (offered.value, offered.role, offered.chosen) == ("Quillon Bank", ROLE_KNOWN, False)
    assert offered.box == box_of(*pay[3:5])


def test_no_directory_or_no_known_name_changes_nothing() -> None:
    extraction = read(creditor_name="Harrowgate Debt Recovery Ltd")
    head = line(100, "Harrowgate", "Debt", "Recovery", "Ltd")
    assert recognise_creditor(extraction, [page(1, head)], []) is extraction
    assert recognise_creditor(extraction, [page(1, head)], KNOWN) == extraction


FORMATTED = [
    Creditor(
        id=CreditorId(uuid.UUID(int=99)),
        centre_id=CENTRE,
        name="Brackenfield Lending Limited",
        reference_pattern=r"BL\d{8}",
    ),
    Creditor(
        id=CreditorId(uuid.UUID(int=98)),
        centre_id=CENTRE,
        name="Quillon Bank Card Services",
        reference_pattern=r"\d{16}",
    ),
]
RE2 = Re2PatternEngine()


def test_a_reference_that_does_not_fit_the_creditors_format_gives_way_to_the_one_that_does() -> (
    None
):
    head = line(100, "Brackenfield", "Lending", "Ltd")
    pay = line(200, "Pay", "into", "account", "40-11-62", "81234567")
    ours = line(300, "Our", "reference:", "(BL00417733)")
    got = recognise_creditor(
        read(creditor_name="Brackenfield Lending Ltd", account_reference="81234567"),
        [page(1, head, pay, ours)],
        FORMATTED,
        RE2,
    )
    assert got.account_reference == "BL00417733"
    [chosen] = [e for e in got.evidence if e.field == "account_reference" and e.chosen]
    assert (chosen.box, chosen.role) == (box_of(ours[2]), ROLE_FORMAT)


def test_a_reference_printed_in_groups_is_read_whole_and_a_missing_one_is_found() -> None:
    head = line(100, "Quillon", "Bank", "Card", "Services")
    card = line(200, "Card", "ending", "4929", "1234", "5678", "9012.")
    got = recognise_creditor(read(), [page(1, head, card)], FORMATTED, RE2)
    assert (got.creditor_name, got.account_reference) == (
        "Quillon Bank Card Services",
        "4929123456789012",
    )


@pytest.mark.parametrize(
    ("reference", "printed"),
    [
        ("BL00417733", ["BL00998877"]),  # the read one fits: it stays
        ("81234567", ["BL00417733", "BL00998877"]),  # two fit: the adviser chooses
        ("81234567", ["BL0041773"]),  # none fits: nothing to choose
    ],
)
def test_the_format_changes_a_reference_only_for_the_one_value_that_fits(
    reference: str, printed: list[str]
) -> None:
    lines = [line(100 * (i + 2), "Reference", text) for i, text in enumerate(printed)]
    got = recognise_creditor(
        read(creditor_name="Brackenfield Lending Ltd", account_reference=reference),
        [page(1, line(100, "Brackenfield", "Lending"), *lines)],
        FORMATTED,
        RE2,
    )
    assert got.account_reference == reference


def test_no_format_held_or_no_engine_leaves_the_reference() -> None:
    body = [page(1, line(100, "Ref", "BL00417733"))]
    wanted = read(creditor_name="Brackenfield Lending Ltd", account_reference="81234567")
    assert recognise_creditor(wanted, body, KNOWN, RE2).account_reference == "81234567"
    assert recognise_creditor(wanted, body, FORMATTED).account_reference == "81234567"


async def _suggested(world: Any, ctx: Any, case_id: Any, text: str, read_as: Extraction) -> Any:
    """The one suggestion made from a letter printing ``text`` that the assistant reads as
    ``read_as``."""
    world.extractor.register(png(5), text)
    world.assistant = ScriptedAssistant([read_as])
    world.jobs.assistant = world.documents.assistant = world.assistant
    await world.documents.upload(ctx, case_id, filename="letter.png", data=png(5))
    await world.run_jobs()
    [suggestion] = (await world.documents.list_suggestions(ctx, case_id)).items
    return suggestion


def _with_directory(world: Any) -> Any:
    """``world``'s documents wired to a debts service, the directory, the debts and RE2."""
    from cma_core.debts.service import DebtService

    debts = DebtService(world.app.uow, world.app.clock, patterns=RE2, **ports(DEBTS))
    world.documents.debts = debts
    world.jobs.creditors = ports(DEBTS)["creditors"]
    world.jobs.debts = ports(DEBTS)["debts"]
    world.jobs.patterns = RE2
    return debts


async def test_the_suggestion_names_the_directorys_creditor_and_its_reference_by_format() -> None:
    from cma_core.debts.service import CreditorDetails

    world = make_world()
    debts = _with_directory(world)
    ctx, case_id = await open_case(world)
    await debts.add_creditor(
        ctx, CreditorDetails(name="Brackenfield Lending Limited", reference_pattern=r"BL\d{8}")
    )
    letter = read(
        creditor_name="BRACKENFIELD LENDING LTD", account_reference="81234567", balance_pence=98_765
    )
    text = "BRACKENFIELD LENDING LTD\nPay into 81234567\nRef BL00417733"
    suggestion = await _suggested(world, ctx, case_id, text, letter)
    assert (suggestion.creditor_name, suggestion.account_reference) == (
        "Brackenfield Lending Limited",
        "BL00417733",
    )

    decision = await world.documents.accept_suggestion(ctx, suggestion.id, expected_version=1)
    assert decision.debt_id is not None
    assert (await debts.list_creditors(ctx)).total == 1


# ---- formats learned from the centre's debts (``debts.formats``)


def learned(*references: str) -> LearnedFormat:
    found = learned_reference_format(references)
    assert found is not None
    return found


LEARNED = {KNOWN[0].id: learned("BL00112233", "BL00445566")}


def test_a_format_learned_from_the_centres_debts_serves_a_creditor_with_none_set() -> None:
    head = line(100, "Brackenfield", "Lending", "Ltd")
    pay = line(200, "Pay", "into", "account", "40-11-62", "81234567")
    ours = line(300, "Our", "reference:", "BL00417733")
    letter = read(creditor_name="Brackenfield Lending Ltd", account_reference="81234567")
    pages = [page(1, head, pay, ours)]
    assert recognise(letter, pages, KNOWN).creditor == KNOWN[0]
    got = recognise_creditor(letter, pages, KNOWN, RE2, learned_formats=LEARNED)
    assert got.account_reference == "BL00417733"
    [chosen] = [e for e in got.evidence if e.field == "account_reference" and e.chosen]
    assert (chosen.box, chosen.role) == (box_of(ours[2]), ROLE_LEARNED)
    # Another creditor's learned format is not this letter's.
    other = {KNOWN[2].id: LEARNED[KNOWN[0].id]}
    unchanged = recognise_creditor(letter, pages, KNOWN, RE2, learned_formats=other)
    assert unchanged.account_reference == "81234567"


def test_the_directorys_own_format_wins_over_a_learned_one() -> None:
    ours = line(300, "Reference", "BL00417733", "or", "BL-0041-7733")
    letter = read(creditor_name="Brackenfield Lending Ltd", account_reference="81234567")
    pages = [page(1, line(100, "Brackenfield", "Lending"), ours)]
    shape = r"[A-Za-z]{2}\-[0-9]{4}\-[0-9]{4}"
    other_shape = {FORMATTED[0].id: learned("BL-0011-2233", "BL-0044-5566")}
    assert other_shape[FORMATTED[0].id].pattern == shape
    got = recognise_creditor(letter, pages, FORMATTED, RE2, learned_formats=other_shape)
    assert got.account_reference == "BL00417733"


def test_a_reference_read_with_spaces_that_fits_without_them_is_left_as_read() -> None:
    card = line(200, "Card", "4929", "1234", "5678", "9012")
    letter = read(
        creditor_name="Quillon Bank Card Services", account_reference="4929 1234 5678 9012"
    )
    got = recognise_creditor(letter, [page(1, card)], FORMATTED, RE2)
    assert got == letter


@pytest.mark.parametrize(
    ("recorded", "expected"),
    [
        (["QF-104233", "QF-771020"], "QF-550091"),  # two debts teach the creditor's format
        (["QF-104233"], "81234567"),  # one teaches nothing: the read reference stays
    ],
)
async def test_the_references_of_the_centres_debts_teach_the_creditors_format(
    recorded: list[str], expected: str
) -> None:
    from cma_core.debts.model import DebtType
    from cma_core.debts.service import CreditorDetails, DebtDetails
    from cma_core.shared.money import Money

    world = make_world()
    debts = _with_directory(world)
    ctx, case_id = await open_case(world)
    from tests.unit.documents.test_documents_service import register_cmd

    from cma_core.cases.service import OpenCase

    another = await world.app.clients.register(ctx, register_cmd())
    other_case = (await world.app.cases.open(ctx, OpenCase(client_id=another.id))).id
    creditor = await debts.add_creditor(ctx, CreditorDetails(name="Quarryford Finance"))
    for reference in recorded:  # debts on another client's case, owed to the same creditor
        await debts.add_debt(
            ctx,
            other_case,
            DebtDetails(
                debt_type=DebtType.PERSONAL_LOAN,
                balance=Money(10_000),
                creditor_id=creditor.id,
                account_reference=reference,
            ),
        )
    letter = read(
        creditor_name="Quarryford Finance", account_reference="81234567", balance_pence=98_765
    )
    text = "Quarryford Finance\nPay into 81234567\nRef QF-550091"
    suggestion = await _suggested(world, ctx, case_id, text, letter)
    assert (suggestion.creditor_name, suggestion.account_reference) == (
        "Quarryford Finance",
        expected,
    )


def test_a_read_reference_shaped_like_one_the_centre_holds_stays() -> None:
    # Most of the creditor's references are "BL" and eight figures; one it holds is
    # eight figures (a debt bought in keeps the seller's number): a read one like it stays.
    held = {KNOWN[0].id: learned("BL00112233", "BL00445566", "BL00778899", "70012345")}
    assert held[KNOWN[0].id].seen == {r"[A-Za-z]{2}[0-9]{8}", r"[0-9]{8}"}
    letter = read(creditor_name="Brackenfield Lending Ltd", account_reference="81234567")
    pages = [page(1, line(100, "Brackenfield"), line(200, "Ref", "BL00417733"))]
    got = recognise_creditor(letter, pages, KNOWN, RE2, learned_formats=held)
    assert got.account_reference == "81234567"


@pytest.mark.parametrize(
    "two_parties",
    [
        {"cls": DocumentClass.NOTICE_OF_ASSIGNMENT},
        {"cls": DocumentClass.ENFORCEMENT_AGENT_NOTICE},
        {"original_creditor": "Quillon Bank"},
    ],
)
def test_on_a_letter_about_two_parties_a_learned_format_only_offers_its_value(
    two_parties: dict[str, object],
) -> None:
    # A debt bought in, or enforced by an agent, carries two parties' numbers: the centre's
    # debts may hold either for this creditor, so the read one stays chosen.
    letter = read(
        creditor_name="Brackenfield Lending Ltd", account_reference="81234567", **two_parties
    )
    ours = line(200, "Our", "reference", "BL00417733")
    pages = [page(1, line(100, "Brackenfield", "Lending"), ours)]
    got = recognise_creditor(letter, pages, KNOWN, RE2, learned_formats=LEARNED)
    assert got.account_reference == "81234567"
    [offered] = [e for e in got.evidence if e.field == "account_reference"]
    assert (offered.value, offered.chosen, offered.role) == ("BL00417733", False, ROLE_LEARNED)
    # ... and where none was read, the one that fits is taken.
    missing = evolve(letter, account_reference=None)
    got = recognise_creditor(missing, pages, KNOWN, RE2, learned_formats=LEARNED)
    assert got.account_reference == "BL00417733"


@pytest.mark.parametrize(
    "cls", [DocumentClass.BANK_STATEMENT, DocumentClass.PAYSLIP, DocumentClass.BENEFIT_AWARD]
)
def test_the_clients_own_money_is_not_from_a_directory_creditor(cls: DocumentClass) -> None:
    """A statement's payee, or a lender among a payslip's deductions, is not the document's
    creditor: not named, and not offered as one on every line the document suggests."""
    payee = line(300, "DD", "THORNBURY", "WATER", "SERVICES", "32.40")
    got = recognise_creditor(read(cls), [page(1, payee)], KNOWN)
    assert got.creditor_name is None
    assert [e for e in got.evidence if e.field == "creditor_name"] == []
    # The same words on a letter the directory reads: offered (or named, from a creditor).
    letter = recognise_creditor(read(DocumentClass.OTHER), [page(1, payee)], KNOWN)
    assert [e.value for e in letter.evidence if e.field == "creditor_name"] == [
        "Thornbury Water Services"
    ]
