"""Documents: uploaded files, their OCR text, and the suggestions an assistant draws from them.

Everything here is pure: bytes are inspected, never read from disk or network. Storage,
OCR and the assistant are ports (``cma_core.documents.ports``).
"""
