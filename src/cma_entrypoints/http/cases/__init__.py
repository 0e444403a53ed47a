"""Cases over HTTP: open, list, edit, close, reopen, delete; case notes."""
