"""Print the API's OpenAPI document as the app builds it (used by gen-api.mjs).

Run with the project's venv; a temporary SQLite database keeps it self-contained."""

import json
import os
import sys
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    os.environ["CMA_DATA_DIR"] = tmp
    os.environ["CMA_DATABASE_URL"] = f"sqlite:///{tmp}/schema.db"
    from cma_entrypoints.http.app import create_app

    schema = create_app().openapi_schema.to_schema()
    json.dump(schema, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
