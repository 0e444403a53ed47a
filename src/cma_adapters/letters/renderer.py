"""Letters from Jinja2 templates (HTML) and PDFs of them (fpdf2: pure Python, no system
libraries).

Centre-edited templates run in Jinja2's sandbox with autoescaping and ``StrictUndefined``:
a template cannot reach Python internals, client text cannot inject markup, and a typo in
a variable name is an error when the template is saved, not a blank in a letter.
The first line of each shipped template, ``{# subject: ... #}``, is its subject.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

from fpdf import FPDF
from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from cma_core.advice.ports import LetterKind, LetterRenderer, RenderedLetter
from cma_core.shared.errors import ValidationError

_SUBJECT = re.compile(r"\A\{#\s*subject:\s*(.*?)\s*#\}\s*\n", re.DOTALL)

#: Characters the PDF core fonts (Latin-1) lack, and what to print instead.
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})

# A context good enough to check that a template renders when it is saved.
SAMPLE_CONTEXT: dict[str, Any] = {
    "today": "28 November 2026",
    "case": {"reference": "C-000001"},
    "client": {"name": "Ann Lee", "first_name": "Ann"},
    "debts": [],
    "statement": [],
    "debt": {
        "id": "",
        "type": "credit card",
        "creditor": "Example Bank",
        "creditor_address": "1 High Street",
        "account_reference": "1234",
        "balance": "£1,000.00",
        "arrears": "",
        "priority": False,
        "ccj": False,
        "offer": "£10.00",
    },
    "budget": None,
    "advice": {
        "recommended": "dmp",
        "reasons": "",
        "risks": "",
        "next_steps": "",
        "options": [],
    },
}


@functools.cache
def _env() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def _default(kind: LetterKind) -> tuple[str, str]:
    text = (
        resources.files("cma_adapters.letters")
        .joinpath("templates", f"{kind.value}.html.j2")
        .read_text("utf-8")
    )
    match = _SUBJECT.match(text)
    if match is None:  # pragma: no cover - the shipped templates all have one
        return kind.value.replace("_", " ").capitalize(), text
    return match.group(1), text[match.end() :]


class JinjaLetterRenderer(LetterRenderer):
    def default_template(self, kind: LetterKind) -> tuple[str, str]:
        return _default(kind)

    def check(self, subject: str, body: str) -> None:
        for name, source in (("subject", subject), ("body", body)):
            try:
                _env().from_string(source).render(SAMPLE_CONTEXT)
            except UndefinedError as exc:
                raise ValidationError(name, f"unknown name in template: {exc.message}") from None
            except TemplateError as exc:
                raise ValidationError(name, f"template error: {exc}") from None

    def render(self, subject: str, body: str, context: dict[str, Any]) -> RenderedLetter:
        try:
            title = _env().from_string(subject).render(context)
            html = _env().from_string(body).render(context)
        except UndefinedError as exc:
            raise ValidationError(
                "template", f"the template needs data this case lacks: {exc.message}"
            ) from None
        except TemplateError as exc:
            raise ValidationError("template", f"template error: {exc}") from None
        return RenderedLetter(subject=" ".join(title.split()), html=html)

    def to_pdf(self, letter: RenderedLetter) -> bytes:
        pdf = FPDF(format="A4")
        pdf.set_margins(20, 20, 20)
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        html = letter.html.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")
        pdf.write_html(html)
        return bytes(pdf.output())


def full_html(letter: RenderedLetter) -> str:
    """The letter as a standalone HTML page (for download)."""
    from html import escape

    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(letter.subject)}</title></head>\n<body>\n{letter.html}\n</body></html>\n"
    )
