"""``python -m cma_entrypoints.worker``: the worker without the CLI (e.g. in a container)."""

from __future__ import annotations

import logging
import sys

from cma_entrypoints.settings import Settings
from cma_entrypoints.worker.runner import main

if __name__ == "__main__":
    settings = Settings.from_env()
    logging.basicConfig(level=settings.log_level)
    sys.exit(main(settings=settings))
