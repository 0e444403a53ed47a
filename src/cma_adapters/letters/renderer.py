"""Letters from Jinja2 templates (HTML) and PDFs of them (fpdf2: pure Python, no system
libraries).

Every letter is framed by the centre's letterhead (``_letterhead.html.j2``: logo, name,
address, phone, email) and footer (``_footer.html.j2``: charity and FCA numbers) when the
context names a ``centre``, so a centre's own template cannot leave them out.

PDFs embed DejaVu Sans (Debian's ``fonts-dejavu-core``, which ``./dev services`` installs),
a Unicode TrueType font covering Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and
Arabic letters, so a client's name prints as written, never as "?". The font directory is
a constructor argument (``CMA_LETTER_FONT_DIR``); without the font a PDF is refused with a
clear error rather than printed with missing letters.

Centre-edited templates run in Jinja2's sandbox with autoescaping and ``StrictUndefined``:
a template cannot reach Python internals, client text cannot inject markup, and a typo in
a variable name is an error when the template is saved, not a blank in a letter.
The first line of each shipped template, ``{# subject: ... #}``, is its subject.
"""

from __future__ import annotations

import copy
import functools
import re
from importlib import resources
from pathlib import Path
from typing import Any

from fpdf import FPDF
from jinja2 import StrictUndefined, Template, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from cma_core.advice.ports import LetterKind, LetterRenderer, RenderedLetter
from cma_core.shared.errors import ValidationError

_SUBJECT = re.compile(r"\A\{#\s*subject:\s*(.*?)\s*#\}\s*\n", re.DOTALL)

#: Where Debian's fonts-dejavu-core puts the fonts.
DEFAULT_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FAMILY = "DejaVuSans"
#: fpdf2 style -> the DejaVu Sans file of that style.
FONT_FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}

# A context good enough to check that a template renders when it is saved.
SAMPLE_CONTEXT: dict[str, Any] = {
    "today": "28 November 2026",
    "centre": {
        "name": "Riverside Money Advice",
        "address_lines": ["2 Mill Lane", "Leeds LS1 4AB"],
        "phone": "0113 496 0000",
        "email": "advice@riverside.example",
        "charity_number": "1123456",
        "fca_number": "654321",
        "logo": "",
    },
    "adviser": {"name": "Sam Patel", "role": "Debt adviser"},
    "jurisdiction": "England and Wales",
    "case": {"reference": "C-000001"},
    "client": {"name": "Ann Lee", "first_name": "Ann"},
    "debts": [],
    "statement": [],
    "debt": {
        "id": "",
        "type": "Credit card",
        "creditor": "Example Bank",
        "creditor_address": "1 High Street",
        "account_reference": "************1234",
        "balance": "£1,000.00",
        "arrears": "",
        "priority": False,
        "ccj": False,
        "offer": "£10.00",
    },
    "budget": None,
    "advice": {
        "recommended": "Debt Management Plan",
        "reasons": "",
        "risks": "",
        "next_steps": "",
        "options": [],
    },
}


@functools.cache
def _env() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def _shipped(name: str) -> str:
    return resources.files("cma_adapters.letters").joinpath("templates", name).read_text("utf-8")


def _default(kind: LetterKind) -> tuple[str, str]:
    text = _shipped(f"{kind.value}.html.j2")
    match = _SUBJECT.match(text)
    if match is None:  # pragma: no cover - the shipped templates all have one
        return kind.value.replace("_", " ").capitalize(), text
    return match.group(1), text[match.end() :]


@functools.cache
def _frame() -> tuple[Template, Template]:
    return (
        _env().from_string(_shipped("_letterhead.html.j2")),
        _env().from_string(_shipped("_footer.html.j2")),
    )


def _unknown_name(message: str | None) -> str:
    """Jinja's "'dict object' has no attribute 'nickname'" in words a template's author
    reads: the name it does not know, and where the names it knows are listed."""
    m = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", message or "")
    if m is None:
        return f"unknown name in template: {message}"
    return (
        f"unknown name in template: “{m.group(1) or m.group(2)}” is not among the data a "
        "letter has (client, case, debt, debts, budget, advice, adviser, centre, today, …)"
    )


class JinjaLetterRenderer(LetterRenderer):
    def __init__(self, font_dir: Path | str | None = None) -> None:
        self.font_dir = Path(font_dir) if font_dir else DEFAULT_FONT_DIR

    def default_template(self, kind: LetterKind) -> tuple[str, str]:
        return _default(kind)

    def sample(self) -> dict[str, Any]:
        return copy.deepcopy(SAMPLE_CONTEXT)

    def check(self, subject: str, body: str) -> None:
        for name, source in (("subject", subject), ("body", body)):
            try:
                _env().from_string(source).render(SAMPLE_CONTEXT)
            except UndefinedError as exc:
                raise ValidationError(name, _unknown_name(exc.message)) from None
            except TemplateError as exc:
                raise ValidationError(name, f"template error: {exc}") from None

    def render(self, subject: str, body: str, context: dict[str, Any]) -> RenderedLetter:
        try:
            title = _env().from_string(subject).render(context)
            html = _env().from_string(body).render(context)
            if context.get("centre", {}).get("name"):
                head, foot = _frame()
                html = f"{head.render(context)}{html}\n{foot.render(context)}"
        except UndefinedError as exc:
            raise ValidationError(
                "template", f"the template needs data this case lacks: {exc.message}"
            ) from None
        except TemplateError as exc:
            raise ValidationError("template", f"template error: {exc}") from None
        return RenderedLetter(subject=" ".join(title.split()), html=html)

    def _fonts(self, pdf: FPDF) -> None:
        missing = [f for f in FONT_FILES.values() if not (self.font_dir / f).is_file()]
        if missing:
            raise LetterFontMissing(
                f"letters need the DejaVu fonts ({', '.join(missing)}) in {self.font_dir}: "
                "install Debian's fonts-dejavu-core or set CMA_LETTER_FONT_DIR"
            )
        for style, name in FONT_FILES.items():
            pdf.add_font(FONT_FAMILY, style, str(self.font_dir / name))

    def to_pdf(self, letter: RenderedLetter) -> bytes:
        pdf = FPDF(format="A4")
        pdf.set_title(letter.subject)
        pdf.set_margins(20, 20, 20)
        self._fonts(pdf)
        pdf.add_page()
        pdf.set_font(FONT_FAMILY, size=11)
        pdf.write_html(letter.html, font_family=FONT_FAMILY)
        return bytes(pdf.output())


class LetterFontMissing(RuntimeError):
    """The Unicode font letters are printed in is not installed (a deployment fault)."""


def full_html(letter: RenderedLetter) -> str:
    """The letter as a standalone HTML page (for download)."""
    from html import escape

    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(letter.subject)}</title></head>\n<body>\n{letter.html}\n</body></html>\n"
    )
