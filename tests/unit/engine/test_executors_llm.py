"""llm nodes against a real OpenAI-compatible server on a real socket."""

from __future__ import annotations

import json

import pytest

from pipelines_server.engine.executors.base import Credential, NodeFailed
from pipelines_server.engine.executors.llm import chat_completions_url, execute
from tests.support.fake_openai import (  # noqa: F401
    FAKE_OPENAI_KEY,
    FakeOpenAI,
    Reply,
    fake_openai_fixture,
)
from tests.support.outbound import allow_loopback_fixture  # noqa: F401
from tests.unit.engine import make_ctx


def ctx_for(server: FakeOpenAI, input=None, *, key: str = FAKE_OPENAI_KEY, base_url=None, **kw):
    cred = Credential("openai", base_url or server.base_url, key)
    return make_ctx(input, credentials={"openai": cred}, **kw)


BASE = {"credential": "openai", "model": "gpt-test", "prompt": "Say {{ input.word }}"}


def _assert_no_key(*values) -> None:
    for value in values:
        assert FAKE_OPENAI_KEY not in json.dumps(value, default=str)


def test_prompt_is_rendered_and_sent_with_the_key(fake_openai):
    config = {**BASE, "system": "You are {{ task.role }}.", "temperature": 0.2, "max_tokens": 50}
    result = execute(config, ctx_for(fake_openai, {"word": "hello"}, task={"role": "terse"}))
    assert result.output == {
        "content": "SAY HELLO",
        "model": "gpt-test",
        "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
    }
    (request,) = fake_openai.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["authorization"] == f"Bearer {FAKE_OPENAI_KEY}"
    assert request["json"] == {
        "model": "gpt-test",
        "messages": [
            {"role": "system", "content": "You are terse."},
            {"role": "user", "content": "Say hello"},
        ],
        "temperature": 0.2,
        "max_tokens": 50,
    }
    _assert_no_key(result.output, result.log)
    assert "gpt-test" in result.log and "-> 200" in result.log


@pytest.mark.parametrize("suffix", ["", "/"])
def test_base_url_with_or_without_a_trailing_slash(fake_openai, suffix):
    ctx = ctx_for(fake_openai, {"word": "x"}, base_url=fake_openai.base_url + suffix)
    assert execute(BASE, ctx).output["content"] == "SAY X"
    assert chat_completions_url("http://h/v1/") == "http://h/v1/chat/completions"


def test_json_response_format(fake_openai):
    result = execute({**BASE, "response_format": "json"}, ctx_for(fake_openai, {"word": "yes"}))
    assert result.output["json"] == {"answer": "SAY YES"}
    assert fake_openai.requests[0]["json"]["response_format"] == {"type": "json_object"}


def test_json_in_a_code_fence_is_accepted(fake_openai):
    fake_openai.script = ['```json\n{"a": 1}\n```']
    result = execute({**BASE, "response_format": "json"}, ctx_for(fake_openai, {"word": "x"}))
    assert result.output["json"] == {"a": 1}


def test_an_answer_that_is_not_json_fails_for_good(fake_openai):
    fake_openai.script = ["certainly! here it is"]
    with pytest.raises(NodeFailed, match="not JSON") as info:
        execute({**BASE, "response_format": "json"}, ctx_for(fake_openai, {"word": "x"}))
    assert not info.value.retryable


@pytest.mark.parametrize("status", [408, 429, 500, 503])
def test_server_errors_are_retryable(fake_openai, status):
    fake_openai.script = [status]
    with pytest.raises(NodeFailed) as info:
        execute(BASE, ctx_for(fake_openai, {"word": "x"}))
    failure = info.value
    assert failure.retryable
    assert f"-> {status}" in failure.message and "scripted failure" in failure.message
    assert failure.reply["status"] == status
    _assert_no_key(failure.message, failure.log, failure.reply)


def test_a_wrong_key_is_final_and_not_leaked(fake_openai):
    with pytest.raises(NodeFailed) as info:
        execute(BASE, ctx_for(fake_openai, {"word": "x"}, key="sk-wrong-key-123"))
    failure = info.value
    assert not failure.retryable and "-> 401" in failure.message
    assert "sk-wrong-key-123" not in json.dumps([failure.message, failure.log, failure.reply])


def test_a_provider_echoing_the_key_is_scrubbed(fake_openai):
    fake_openai.script = [Reply(400, {"error": {"message": f"bad key {FAKE_OPENAI_KEY}"}})]
    with pytest.raises(NodeFailed) as info:
        execute(BASE, ctx_for(fake_openai, {"word": "x"}))
    failure = info.value
    assert "[redacted]" in failure.message
    _assert_no_key(failure.message, failure.log, failure.reply)


def test_the_answer_echoing_the_key_is_scrubbed(fake_openai):
    fake_openai.script = [f"the key is {FAKE_OPENAI_KEY}"]
    result = execute(BASE, ctx_for(fake_openai, {"word": "x"}))
    assert result.output["content"] == "the key is [redacted]"


def test_timeout_and_connection_errors_are_retryable():
    with FakeOpenAI(delay=2) as slow:
        with pytest.raises(NodeFailed, match="timed out after 0.3 s") as info:
            execute({**BASE, "timeout_seconds": 0.3}, ctx_for(slow, {"word": "x"}))
        assert info.value.retryable
        port = slow.port
    with pytest.raises(NodeFailed) as info:
        execute(BASE, ctx_for(slow, {"word": "x"}, base_url=f"http://127.0.0.1:{port}/v1"))
    assert info.value.retryable
    _assert_no_key(info.value.message)


def test_a_reply_that_is_not_a_chat_completion_is_final(fake_openai):
    fake_openai.script = [Reply(200, {"unexpected": True})]
    with pytest.raises(NodeFailed, match="not a chat completion") as info:
        execute(BASE, ctx_for(fake_openai, {"word": "x"}))
    assert not info.value.retryable


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ input.__class__.__base__.__subclasses__() }}",
        "{{ self.__init__.__globals__ }}",
        "{{ config }}",
    ],
)
def test_sandboxed_prompt(fake_openai, template):
    with pytest.raises(NodeFailed) as info:
        execute({**BASE, "prompt": template}, ctx_for(fake_openai, {"word": "x"}))
    assert not info.value.retryable
    assert fake_openai.requests == []  # nothing was sent


def test_unknown_credential_fails(fake_openai):
    with pytest.raises(NodeFailed, match="does not exist"):
        execute({**BASE, "credential": "other"}, ctx_for(fake_openai, {"word": "x"}))
