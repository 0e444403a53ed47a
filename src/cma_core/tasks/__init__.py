"""Tasks: work items for advisers (initial contact now; deadlines later)."""
