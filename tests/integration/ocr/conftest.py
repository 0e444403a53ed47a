from __future__ import annotations

import os
import shutil

import pytest


@pytest.fixture(scope="session", autouse=True)
def _tesseract_available() -> None:
    # In CI a missing engine is a broken build, not a reason to skip.
    if shutil.which("tesseract") is None and not os.environ.get("CI"):
        pytest.skip("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)")
