"""The v1 `health` tag: liveness."""


def get_health():
    return {"status": "ok"}, 200
