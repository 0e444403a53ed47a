"""Kinds of OCR damage mended in round 51 (issue 14), seen across several read families'
OCR scans: a creditor's name damaged where it is read (one word's letters confused or lost,
a legal form misread) while the letter states it whole elsewhere. Invented wording (a firm
and a town unlike every corpus family's), the damage applied by hand, no Tesseract."""

from __future__ import annotations

from cma_adapters.rules_assistant import classifier, ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_core.documents.model import Extraction


def read(text: str) -> Extraction:
    return extract(text, (), classifier.shipped(), fields_model=ranker.shipped())


def letter(head: str, name: str, footer: str = "") -> str:
    return "\n".join(
        [
            head,
            "Unit 4, Tolsey Yard, Wenlock Edge, Much Wenlock TF13 6QA",
            "",
            "Mrs Orla Fennimore",
            "12 Pikestaff Row",
            "Much Wenlock TF13 6BX",
            "",
            "3 March 2027",
            "",
            "Account number: QWF-448120",
            "",
            "Dear Mrs Fennimore",
            "",
            "Your account is in arrears",
            f"{name} wrote to you last month about your missed payments. The balance",
            "outstanding is £1,284.60 and must be paid by 31 March 2027, or you may",
            "call us to agree an affordable plan. Free debt advice is available.",
            "",
            f"{footer or name} is authorised and regulated by the Financial Conduct Authority.",
        ]
    )


def test_a_word_whose_letters_ocr_confused_is_read_as_the_text_writes_it_more_often() -> None:
    # (Tommpyfield/Tommyfield, AX; Whiston ental/Dental, BF: "Quarrendcn" for "Quarrendon")
    got = read(letter("Quarrendcn Home Finance Ltd", "Quarrendon Home Finance Ltd"))
    assert got.creditor_name == "Quarrendon Home Finance Ltd"


def test_a_word_that_lost_its_first_letter_is_read_as_the_text_writes_it_whole() -> None:
    got = read(letter("Bleasby ouse Furnishings Ltd", "Bleasby House Furnishings Ltd"))
    assert got.creditor_name == "Bleasby House Furnishings Ltd"


def test_a_legal_form_ocr_misread_is_read_as_the_text_writes_it_whole() -> None:
    # ("Saddlers Card Finance Lid", AZ: the name read without it, or with it misread)
    from cma_adapters.rules_assistant.names_whole import stated_whole

    text = letter("Ravensden Motor Credit Lid", "Ravensden Motor Credit Ltd")
    assert stated_whole("Ravensden Motor Credit", text) == "Ravensden Motor Credit Ltd"
    assert stated_whole("Ravensden Motor Credit Lid", text) == "Ravensden Motor Credit Ltd"
    # (a name the text never writes with a misread form keeps the form it is read with)
    text = letter("Ravensden Motor Credit", "Ravensden Motor Credit Ltd")
    assert stated_whole("Ravensden Motor Credit", text) == "Ravensden Motor Credit"


def test_a_name_read_whole_is_left_as_it_is() -> None:
    # (the body's shorter or other form never replaces a name read cleanly)
    text = letter("Ravensden Motor Credit", "Ravensden Motor Credit")
    assert read(text).creditor_name == "Ravensden Motor Credit"
    text = letter("Quarrendon Home Finance Ltd", "Quarrendon Home Finance Ltd")
    assert read(text).creditor_name == "Quarrendon Home Finance Ltd"
