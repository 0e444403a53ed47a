"""What the test session's garbage-collector settings (``tests/conftest.py``,
``pytest_collection_finish``) save on building the HTTP app, which every end-to-end test
does: ``create_app`` over a fresh container, with Python's default collector and with the
session's (long-lived objects frozen, first threshold 50,000), alternating in one process.

    python benchmarks/app_build.py [--builds 10] [--rounds 4]

The process first imports what a test worker holds (the app, the reader and its corpus
families, scikit-learn), so the collector has the heap it has in the suite. CPU seconds a
build (``time.process_time``); the ratio is the session's settings over the default's.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--builds", type=int, default=10, help="app builds a measurement")
    parser.add_argument("--rounds", type=int, default=4, help="default/session pairs")
    args = parser.parse_args()

    import sklearn.linear_model  # noqa: F401  (a test worker's heap)

    import cma_adapters.rules_assistant.assistant
    import cma_adapters.rules_assistant.read_families  # noqa: F401
    from cma_adapters.sqlalchemy.migrate import upgrade
    from cma_entrypoints.container import build_container
    from cma_entrypoints.http.app import create_app
    from cma_entrypoints.settings import Settings

    folder = tempfile.mkdtemp()
    url = f"sqlite:///{folder}/cma.db"
    upgrade(url)
    settings = Settings.from_env(
        {
            "CMA_DATA_DIR": folder,
            "CMA_DATABASE_URL": url,
            "CMA_SECRET_KEY": "benchmark-secret-key-that-is-long-enough-0123456789",
        }
    )
    create_app(build_container(settings))  # imports and first-time caches
    default = gc.get_threshold()

    def measure() -> float:
        started = time.process_time()
        for _ in range(args.builds):
            create_app(build_container(settings))
        return (time.process_time() - started) / args.builds

    results: dict[str, list[float]] = {"default": [], "session": []}
    for round_ in range(args.rounds):
        order = ("default", "session") if round_ % 2 == 0 else ("session", "default")
        for mode in order:
            gc.unfreeze()
            gc.set_threshold(*default)
            gc.collect()
            if mode == "session":
                gc.freeze()
                gc.set_threshold(50_000, 20, 20)
            results[mode].append(measure())
    for mode, values in results.items():
        each = " ".join(f"{v:.3f}" for v in values)
        print(f"{mode:8} {each}  median {statistics.median(values):.3f} s a build")
    ratio = statistics.median(results["session"]) / statistics.median(results["default"])
    print(f"session / default: {ratio:.2f}")


if __name__ == "__main__":
    main()
