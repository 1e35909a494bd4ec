"""The gateway-token check of POST /inbound (domain, not the handler)."""

from __future__ import annotations

from pipelines_server.domain.pipelit.inbound import gateway_refusal

NOT_CONFIGURED = ({"detail": "Gateway token not configured"}, 500)
INVALID = ({"detail": "Invalid gateway token"}, 401)


def test_no_configured_token_refuses_everything_with_the_upstream_500():
    assert gateway_refusal("", "Bearer anything") == NOT_CONFIGURED
    assert gateway_refusal("", "") == NOT_CONFIGURED


def test_only_bearer_and_the_exact_token_pass():
    assert gateway_refusal("s3cret", "Bearer s3cret") is None
    assert gateway_refusal("s3cret", "bearer  s3cret ") is None
    for header in ("", "Bearer", "Bearer wrong", "Basic s3cret", "s3cret", "Bearer s3cre"):
        assert gateway_refusal("s3cret", header) == INVALID, header
