"""Privacy: field encryption keys, subject access export, erasure."""
