"""TOTP second factor (RFC 6238 with pyotp: 30-second steps, one step either side), with a
replay guard (the step the accepted code belongs to is remembered and no code of that step or
an earlier one is accepted again) and per-user attempt limits: 5 attempts a minute, and 10
failures in a row lock the user's codes out for 15 minutes. The limits live in Redis when one
is configured (PIPELINES_REDIS_URL: shared by every process), in memory otherwise. While
limited, a code is refused like a wrong one."""

from __future__ import annotations

import functools
import logging
import time

import pyotp
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger(__name__)

ISSUER = "Pipelit"
ATTEMPTS = parse("5/minute")
FAILURES = parse("10/15 minutes")  # in a row: a success clears them
REDIS_TIMEOUT_SECONDS = 1.0


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, username: str, issuer: str = ISSUER) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer)


def current_code(secret: str, at: float | None = None) -> str:
    return pyotp.TOTP(secret).at(at if at is not None else time.time())


class Guard:
    """The per-user attempt limits (see the module)."""

    def __init__(self, redis_url: str = ""):
        self.memory = MovingWindowRateLimiter(storage_from_string("memory://"))
        self.shared = None
        if redis_url:
            self.shared = MovingWindowRateLimiter(
                storage_from_string(
                    redis_url,
                    key_prefix="pipelines-mfa",
                    socket_timeout=REDIS_TIMEOUT_SECONDS,
                    socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
                )
            )

    def _call(self, method: str, *args):
        if self.shared is not None:
            try:
                return getattr(self.shared, method)(*args)
            except Exception as exc:  # noqa: BLE001 - Redis down: this process counts alone
                log.warning(
                    "MFA limits: Redis unavailable (%s); counting in memory", type(exc).__name__
                )
        return getattr(self.memory, method)(*args)

    def blocked(self, user_id: int) -> bool:
        who = str(user_id)
        return not self._call("test", FAILURES, "fail", who) or not self._call(
            "test", ATTEMPTS, "try", who
        )

    def record(self, user_id: int, success: bool) -> None:
        who = str(user_id)
        self._call("hit", ATTEMPTS, "try", who)
        if success:
            self._call("clear", FAILURES, "fail", who)
        else:
            self._call("hit", FAILURES, "fail", who)


@functools.cache
def guard(redis_url: str = "") -> Guard:
    return Guard(redis_url)


def verify(
    secret: str,
    code: str,
    user_id: int,
    last_step: int | None,
    limits: Guard,
    now: float | None = None,
) -> int | None:
    """The step `code` matched (one of now-1, now, now+1; store it as the user's
    `mfa_last_step`) when it is accepted, else None: a wrong code, a replayed one, or a user
    over the limits."""
    if limits.blocked(user_id):
        return None
    totp = pyotp.TOTP(secret)
    now = time.time() if now is None else now
    step = int(now // totp.interval)
    matched = next(
        (m for m in (step - 1, step, step + 1) if totp.verify(code, for_time=m * totp.interval)),
        None,
    )
    if matched is not None and last_step is not None and matched <= last_step:
        matched = None  # a code of a step already used (or older than one used)
    limits.record(user_id, matched is not None)
    return matched
