"""Identity over HTTP: sign-in, tokens, sessions, TOTP and permission grants."""
