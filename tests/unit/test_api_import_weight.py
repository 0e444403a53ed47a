"""The HTTP app on the embedded default imports no heavy optional library at start.

Each of these costs megabytes of resident memory in every API process (issue 15: the API
worker <= 150 MB at idle; benchmarks/api_memory.py); the adapters that need them import
them when first used. Checked in a fresh interpreter, as ``cma serve`` starts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# Heavy or optional: PDF rendering (fpdf2 -> numpy, Pillow, fontTools), OCR (pytesseract,
# pypdfium2), the SFS schemas (xmlschema), Redis and Dramatiq's broker, object storage,
# search servers, the assistant, the classifier stack, zxcvbn's password lists. Sorted.
HEAVY = (
    "boto3",
    "botocore",
    "elasticsearch",
    "fontTools",
    "fpdf",
    "holidays",
    "jinja2",
    "numpy",
    "openai",
    "PIL",
    "pypdfium2",
    "pytesseract",
    "redis",
    "scipy",
    "sklearn",
    "xmlschema",
    "zxcvbn",
)

PROBE = """
import json, sys
from cma_entrypoints.container import build_container
from cma_entrypoints.http.app import create_app
from cma_entrypoints.settings import Settings

settings = Settings.from_env({"CMA_DATA_DIR": sys.argv[1], "CMA_SECRET_KEY": "s" * 40})
assert settings.embedded and not settings.redis_url
container = build_container(settings)
create_app(container)
# What a sign-in builds (the breached-password list is read only when a password is set).
container.identity()
container.sessions()
print(json.dumps(sorted(m for m in sys.modules if "." not in m)))
"""


def test_building_the_http_app_on_the_embedded_default_imports_nothing_heavy(
    tmp_path: Path,
) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=300,
    )
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert "litestar" in loaded  # the probe did build the app
    assert sorted(loaded.intersection(HEAVY)) == []


WORKER_PROBE = """
import json, sys
from cma_entrypoints.container import build_container
from cma_entrypoints.settings import Settings
from cma_entrypoints.worker.app import setup_broker

settings = Settings.from_env({
    "CMA_DATA_DIR": sys.argv[1], "CMA_SECRET_KEY": "s" * 40,
    "CMA_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none",
    "CMA_REDIS_URL": "redis://127.0.0.1:1/0",
})
container = build_container(settings)
setup_broker(container, relay_every=None, sweep_every=None)  # builds every event handler
print(json.dumps(sorted(m for m in sys.modules if "." not in m)))
"""

#: What only reading a document needs (OCR): the worker loads it for the first document.
OCR = ("numpy", "PIL", "pypdfium2", "pytesseract")


def test_the_worker_loads_no_ocr_library_before_a_document_arrives(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", WORKER_PROBE, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=300,
    )
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert "dramatiq" in loaded  # the probe did build the worker's broker
    assert sorted(loaded.intersection(OCR)) == []
