"""http nodes against a real webhook receiver on a real socket."""

from __future__ import annotations

import socket

import pytest

from pipelines_server.engine.executors.base import NodeFailed
from pipelines_server.engine.executors.http import MAX_REPLY, execute
from tests.support.outbound import allow_loopback_fixture  # noqa: F401
from tests.support.webhook_receiver import Reply, WebhookReceiver, webhook_fixture  # noqa: F401
from tests.unit.engine import make_ctx


def test_default_post_with_idempotency_key(webhook):
    ctx = make_ctx({"value": 7}, attempt=2)
    result = execute({"url": webhook.url + "/hook"}, ctx)
    assert result.output == {
        "status": 200,
        "headers": {"content-type": "application/json"},
        "body": {"received": 1},
    }
    assert "POST http://127.0.0.1" in result.log and "-> 200" in result.log
    (request,) = webhook.requests
    assert request["method"] == "POST" and request["path"] == "/hook"
    assert request["headers"]["idempotency-key"] == "pipelines-node-42-2"
    assert request["headers"]["user-agent"] == "pipelines-server"
    assert request["headers"]["content-type"] == "application/json"
    assert request["json"] == {"task_id": 7, "node_id": "node1", "input": {"value": 7}}


def test_templated_url_headers_and_body(webhook):
    webhook.echo = True
    ctx = make_ctx({"id": 5, "text": "hi"}, task={"lang": "fr"})
    config = {
        "url": webhook.url + "/items/{{ input.id }}?lang={{ task.lang }}",
        "method": "PUT",
        "headers": {"X-Item": "item-{{ input.id }}", "Idempotency-Key": "mine"},
        "body": {"say": "{{ input.text | upper }}", "n": 1, "list": ["{{ task.lang }}"]},
    }
    result = execute(config, ctx)
    assert result.output["body"]["echo"] == {"say": "HI", "n": 1, "list": ["fr"]}
    (request,) = webhook.requests
    assert request["method"] == "PUT" and request["path"] == "/items/5?lang=fr"
    assert request["headers"]["x-item"] == "item-5"
    assert request["headers"]["idempotency-key"] == "pipelines-node-42-1"  # ours wins


def test_get_sends_no_body(webhook):
    result = execute({"url": webhook.url + "/q", "method": "GET"}, make_ctx({"a": 1}))
    assert result.output["status"] == 200
    assert webhook.requests[0]["method"] == "GET" and webhook.requests[0]["body"] == ""


def test_text_reply_is_kept_as_text(webhook):
    webhook.script = [Reply(201, "plain ok", content_type="text/plain; charset=utf-8")]
    result = execute({"url": webhook.url}, make_ctx())
    assert result.output == {
        "status": 201,
        "headers": {"content-type": "text/plain; charset=utf-8"},
        "body": "plain ok",
    }


@pytest.mark.parametrize("status", [408, 425, 429, 500, 502, 503])
def test_retryable_statuses(webhook, status):
    webhook.script = [status]
    with pytest.raises(NodeFailed) as info:
        execute({"url": webhook.url}, make_ctx())
    failure = info.value
    assert failure.retryable
    assert f"-> {status}" in failure.message
    assert failure.reply == {
        "status": status,
        "headers": {"content-type": "application/json"},
        "body": {"received": 1},
    }


def test_a_retry_succeeds_with_the_same_idempotency_key(webhook):
    webhook.script = [503, 200]
    ctx = make_ctx()
    with pytest.raises(NodeFailed):
        execute({"url": webhook.url}, ctx)
    assert execute({"url": webhook.url}, ctx).output["status"] == 200
    keys = {r["headers"]["idempotency-key"] for r in webhook.requests}
    assert len(webhook.requests) == 2 and len(keys) == 1


@pytest.mark.parametrize("status", [400, 401, 404, 409, 422, 301])
def test_other_statuses_are_final(webhook, status):
    webhook.script = [status]
    with pytest.raises(NodeFailed) as info:
        execute({"url": webhook.url}, make_ctx())
    assert not info.value.retryable
    assert info.value.reply["status"] == status


def test_timeout_is_retryable():
    with WebhookReceiver(delay=2) as slow:
        with pytest.raises(NodeFailed, match="timed out after 0.3 s") as info:
            execute({"url": slow.url, "timeout_seconds": 0.3}, make_ctx())
    assert info.value.retryable and info.value.reply is None


def test_connection_refused_is_retryable():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens on it once closed
    with pytest.raises(NodeFailed, match="ConnectError") as info:
        execute({"url": f"http://127.0.0.1:{port}/"}, make_ctx())
    assert info.value.retryable


def test_oversized_reply_is_final(webhook):
    webhook.script = [Reply(200, b"x" * (MAX_REPLY + 1))]
    with pytest.raises(NodeFailed, match="larger than") as info:
        execute({"url": webhook.url}, make_ctx())
    assert not info.value.retryable


@pytest.mark.parametrize(
    "config, words",
    [
        ({"url": "{{ nope }}"}, "'nope' is undefined"),
        ({"url": "http://x/{{ ''.__class__ }}"}, "not allowed"),
        ({"url": "http://x/", "body": {"a": "{{ input.missing }}"}}, "no attribute"),
        ({"url": "http://x/", "headers": {"A": "{% if %}"}}, "syntax error"),
        ({"url": "ftp://example.com/x"}, "not an http(s) URL"),
        ({"url": "/relative"}, "not an http(s) URL"),
    ],
)
def test_template_and_url_errors_are_final(config, words):
    with pytest.raises(NodeFailed) as info:
        execute(config, make_ctx({}))
    assert words in info.value.message
    assert not info.value.retryable


def test_credentials_in_the_url_stay_out_of_the_log(webhook):
    url = webhook.url.replace("http://", "http://user:hunter2@") + "/x"
    result = execute({"url": url}, make_ctx())
    assert "hunter2" not in result.log
    assert webhook.requests[0]["headers"]["authorization"].startswith("Basic ")
