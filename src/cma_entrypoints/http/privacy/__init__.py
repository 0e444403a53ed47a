"""Data protection over HTTP: erasure receipts and the subject access export."""
