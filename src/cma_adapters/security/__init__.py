"""Password hashing with argon2 (argon2-cffi: the reference implementation, maintained by
the PHC winner's bindings author; the OWASP-recommended algorithm)."""

from cma_adapters.security.argon import Argon2PasswordHasher

__all__ = ["Argon2PasswordHasher"]
