"""Adapters: implementations of the ports in :mod:`cma_core.ports`, one subpackage each."""
