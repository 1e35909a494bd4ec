"""Real servers for tests, on 127.0.0.1 and a free port, in threads of the test process:
`webhook_receiver.WebhookReceiver` (http nodes) and `fake_openai.FakeOpenAI` (llm nodes).
Both are context managers, and each module has a pytest fixture to import."""
