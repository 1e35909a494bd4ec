"""domain/mfa and domain/passwords: TOTP window, replay guard, attempt limits, argon2."""

from __future__ import annotations

import pyotp
import pytest

from pipelines_server.domain import mfa, passwords

SECRET = pyotp.random_base32()
NOW = 1_800_000_000.0  # a fixed instant: step 60_000_000


def code(at: float) -> str:
    return mfa.current_code(SECRET, at)


def test_window_of_one_step_either_side():
    guard = mfa.Guard()
    for offset, ok in ((-30, True), (0, True), (30, True), (-60, False), (60, False)):
        step = mfa.verify(SECRET, code(NOW + offset), 1, None, guard, now=NOW)
        assert (step is not None) is ok, offset
        guard = mfa.Guard()


def test_replay_guard_one_success_per_step():
    guard = mfa.Guard()
    step = mfa.verify(SECRET, code(NOW), 7, None, guard, now=NOW)
    assert step == int(NOW // 30)  # the step the code matched
    assert mfa.verify(SECRET, code(NOW), 7, step, guard, now=NOW) is None
    assert mfa.verify(SECRET, code(NOW + 5), 7, step, guard, now=NOW + 5) is None  # same step
    assert mfa.verify(SECRET, code(NOW + 30), 7, step, guard, now=NOW + 30) == step + 1


def test_replay_guard_the_same_code_one_step_later():
    """The code accepted at NOW is still inside the window at NOW+30 (one step back): it is
    refused there, since its step is the one remembered."""
    guard = mfa.Guard()
    used = code(NOW)
    step = mfa.verify(SECRET, used, 8, None, guard, now=NOW)
    assert step == int(NOW // 30)
    assert mfa.verify(SECRET, used, 8, step, guard, now=NOW + 30) is None


def test_replay_guard_a_future_code_blocks_its_own_step():
    guard = mfa.Guard()
    step = mfa.verify(SECRET, code(NOW + 30), 11, None, guard, now=NOW)
    assert step == int(NOW // 30) + 1
    assert mfa.verify(SECRET, code(NOW + 30), 11, step, guard, now=NOW + 30) is None


def test_five_attempts_a_minute():
    guard = mfa.Guard()
    for _ in range(5):
        assert (
            mfa.verify(
                SECRET, "000000" if code(NOW) != "000000" else "111111", 9, None, guard, now=NOW
            )
            is None
        )
    assert mfa.verify(SECRET, code(NOW), 9, None, guard, now=NOW) is None
    assert mfa.verify(SECRET, code(NOW), 10, None, guard, now=NOW) is not None  # per user


def test_a_success_clears_the_failures():
    guard = mfa.Guard()
    guard.record(3, False)
    guard.record(3, True)
    assert guard.blocked(3) is False


def test_provisioning_uri():
    uri = mfa.provisioning_uri(SECRET, "alice")
    assert uri.startswith("otpauth://totp/Pipelit:alice?secret=")
    assert "issuer=Pipelit" in uri


def test_passwords_argon2():
    stored = passwords.hash_password("correct horse")
    assert stored.startswith("$argon2id$")
    assert passwords.verify_password(stored, "correct horse")
    assert not passwords.verify_password(stored, "wrong")
    assert not passwords.verify_password(None, "anything")
    assert not passwords.verify_password("not-a-hash", "anything")


def test_redis_unreachable_counts_in_memory():
    guard = mfa.Guard("redis://127.0.0.1:1/0")
    assert guard.blocked(5) is False
    for _ in range(5):
        guard.record(5, False)
    assert guard.blocked(5) is True


@pytest.mark.redis
def test_redis_is_shared_between_guards():
    import os
    import uuid

    import pytest

    url = os.environ.get("PIPELINES_TEST_REDIS_URL")
    if not url:
        pytest.skip("PIPELINES_TEST_REDIS_URL is not set (make test-redis sets it)")
    user = int(uuid.uuid4().int % 1_000_000_000)
    one, two = mfa.Guard(url), mfa.Guard(url)
    for _ in range(5):
        one.record(user, False)
    assert two.blocked(user) is True
