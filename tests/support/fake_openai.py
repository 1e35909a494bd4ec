"""A local OpenAI-compatible chat-completions server for llm node tests. It checks the
bearer key and answers with the last user message in upper case (or a scripted failure)."""

from __future__ import annotations

import json

from tests.support._server import RecordingServer


class FakeOpenAI(RecordingServer):
    def __init__(self, api_key: str, fail_with: list[int] | None = None):
        super().__init__()
        self.api_key = api_key
        self.fail_with = list(fail_with or [])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def respond(self, request: dict, index: int) -> tuple[int, object]:
        if request["path"] != "/v1/chat/completions" or request["method"] != "POST":
            return 404, {"error": {"message": "not found"}}
        if request["headers"].get("authorization") != f"Bearer {self.api_key}":
            return 401, {"error": {"message": "invalid api key"}}
        if index < len(self.fail_with):
            return self.fail_with[index], {"error": {"message": "scripted failure"}}
        body = request["json"] or {}
        user = [m for m in body.get("messages", []) if m.get("role") == "user"]
        content = (user[-1]["content"] if user else "").upper()
        fmt = (body.get("response_format") or {}).get("type")
        if fmt == "json_object":
            content = json.dumps({"answer": content})
        return 200, {
            "id": f"chatcmpl-{index}",
            "object": "chat.completion",
            "model": body.get("model"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
