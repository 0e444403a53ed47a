"""Security adapters: argon2id password hashes (the OWASP-recommended algorithm), login
throttles and API rate limiters (memory, Redis) and TOTP one-time passwords (pyotp)."""

from cma_adapters.security.argon import Argon2PasswordHasher
from cma_adapters.security.ratelimit import InMemoryRateLimiter, RedisRateLimiter
from cma_adapters.security.sessions import InMemorySessionRevocations, RedisSessionRevocations
from cma_adapters.security.throttle import InMemoryLoginThrottle, RedisLoginThrottle
from cma_adapters.security.totp import PyOtpOneTimePasswords

__all__ = [
    "Argon2PasswordHasher",
    "InMemoryLoginThrottle",
    "InMemoryRateLimiter",
    "InMemorySessionRevocations",
    "PyOtpOneTimePasswords",
    "RedisLoginThrottle",
    "RedisRateLimiter",
    "RedisSessionRevocations",
]
