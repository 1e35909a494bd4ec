"""A local OpenAI-compatible chat-completions server for llm node tests.

`POST /v1/chat/completions` checks the bearer key (401 otherwise), records the request, and
answers deterministically: the last user message in upper case, wrapped as
`{"answer": ...}` when the request asks for `response_format: json_object`. A script
overrides the answers in order: an int is a failure with that status, a str is the content
to answer, a `Reply` is sent as it is.

    with FakeOpenAI(api_key="sk-test", script=[500]) as llm:
        credential = Credential("fake", llm.base_url, "sk-test")

As a pytest fixture (a started server named `fake_openai` with key FAKE_OPENAI_KEY):

    from tests.support.fake_openai import fake_openai_fixture  # noqa: F401
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.support._server import RecordingServer, Reply

FAKE_OPENAI_KEY = "sk-fake-0123456789abcdef"


class FakeOpenAI(RecordingServer):
    def __init__(
        self,
        api_key: str = FAKE_OPENAI_KEY,
        fail_with: list[int] | None = None,
        script: list[int | str | Reply] | None = None,
        delay: float = 0,
    ) -> None:
        super().__init__()
        self.api_key = api_key
        self.script: list[int | str | Reply] = list(fail_with or []) + list(script or [])
        self.delay = delay

    @property
    def base_url(self) -> str:
        """What an organization credential's base_url would be (OpenAI style, with /v1)."""
        return f"{self.url}/v1"

    def respond(self, request: dict, index: int) -> Reply:
        if request["path"] != "/v1/chat/completions" or request["method"] != "POST":
            return Reply(404, {"error": {"message": "not found", "type": "invalid_request"}})
        if request["headers"].get("authorization") != f"Bearer {self.api_key}":
            return Reply(401, {"error": {"message": "invalid api key", "type": "auth"}})
        step = self.script[index] if index < len(self.script) else None
        if isinstance(step, Reply):
            return step
        if isinstance(step, int):
            return Reply(
                step,
                {"error": {"message": "scripted failure", "type": "server_error"}},
                delay=self.delay,
            )
        body = request["json"] or {}
        if isinstance(step, str):
            content = step
        else:
            user = [m for m in body.get("messages", []) if m.get("role") == "user"]
            content = str(user[-1].get("content", "") if user else "").upper()
            if (body.get("response_format") or {}).get("type") == "json_object":
                content = json.dumps({"answer": content})
        return Reply(200, completion(content, body.get("model"), index), delay=self.delay)


def completion(content: str, model: str | None, index: int = 0) -> dict:
    """A chat-completions reply with one choice."""
    words = len(content.split())
    return {
        "id": f"chatcmpl-{index}",
        "object": "chat.completion",
        "created": 1700000000,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": words, "total_tokens": 1 + words},
    }


@pytest.fixture(name="fake_openai")
def fake_openai_fixture() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


__all__ = ["FAKE_OPENAI_KEY", "FakeOpenAI", "Reply", "completion", "fake_openai_fixture"]
