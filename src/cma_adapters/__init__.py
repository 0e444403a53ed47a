"""Adapters: implementations of the ports in :mod:`cma_core`'s area ports, one subpackage per technology."""
