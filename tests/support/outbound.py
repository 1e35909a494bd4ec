"""The outbound address policy for tests that call the executors in-process.

The local webhook and LLM servers listen on 127.0.0.1, which the default policy refuses (as
the test servers' PIPELINES_OUTBOUND_ALLOW opens it for them, tests/server.py). Import the
fixture into a test module to open 127.0.0.1 for every test in it:

    from tests.support.outbound import allow_loopback_fixture  # noqa: F401
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pipelines_server.isolation import outbound

LOCAL_TEST_ALLOW = "127.0.0.1"


@pytest.fixture(name="allow_loopback", autouse=True)
def allow_loopback_fixture() -> Iterator[outbound.Policy]:
    policy = outbound.configure(LOCAL_TEST_ALLOW)
    yield policy
    outbound.reset()


__all__ = ["LOCAL_TEST_ALLOW", "allow_loopback_fixture"]
