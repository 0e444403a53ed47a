"""Adapters: implementations of the core's area ports, one subpackage per technology, one
module per area inside."""
