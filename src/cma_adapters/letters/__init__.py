"""Letters: Jinja2 templates rendered to HTML, and PDFs of them with fpdf2."""

from cma_adapters.letters.renderer import JinjaLetterRenderer, full_html

__all__ = ["JinjaLetterRenderer", "full_html"]
