"""The address this server's signed URLs and the CLI login page point at."""

from connexion import request

from ..runtime import current


def base_url() -> str:
    """Where the signed URLs and the CLI login page point: PIPELINES_PUBLIC_URL when set;
    otherwise the address this connection was accepted on (the listening socket's, as the
    server sees it), never the request's Host header, which the caller (or anything between
    it and us) chooses. The scheme is the connection's own, or a trusted proxy's
    X-Forwarded-Proto."""
    settings = current().settings
    if settings.public_url:
        return settings.public_url.rstrip("/")
    scope = request.scope
    scheme = scope.get("scheme") or "http"
    server = scope.get("server")
    if server and server[1] is not None:
        host, port = str(server[0]), int(server[1])
    else:  # a Unix socket: the configured address
        host, port = settings.host, settings.port
    if ":" in host:
        host = f"[{host}]"
    default_port = {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{host}" + ("" if port == default_port else f":{port}")
