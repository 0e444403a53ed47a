"""OCR with Tesseract (via pytesseract); PDFs split into pages with pypdfium2."""

from cma_adapters.tesseract.extractor import TesseractTextExtractor

__all__ = ["TesseractTextExtractor"]
