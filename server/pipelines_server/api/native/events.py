"""GET /api/events: the live event stream (Server-Sent Events).

The operation stays in `openapi/pipelines.yaml` (connexion routes, authenticates and
validates it), but the stream is served by the ASGI layer, `pipelines_server.live`, before
the request would reach Flask: a stream must not hold one of the WSGI pool's threads. This
handler only runs if that layer is missing from the app, which is a deployment error.
"""

from ...shared.errors import Unavailable


def stream_events(
    task_id: int | None = None,
    workflow_id: int | None = None,
    after: int | None = None,
    max_seconds: float | None = None,
):
    raise Unavailable("The event stream is served by the live events layer, not installed here")
