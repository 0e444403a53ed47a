"""Read models (the Q of CQRS): projections of the write side kept by the worker."""
