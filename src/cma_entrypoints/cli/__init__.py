"""The ``cma`` command line: serve, worker, migrate, relay, centre and user admin, demo."""
