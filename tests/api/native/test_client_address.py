"""Whose address a request counts against (per-IP and failed-authentication buckets).

X-Forwarded-For is honoured only from the peers listed in PIPELINES_TRUSTED_PROXIES (default:
none). Anything on the server's own machine can reach 127.0.0.1 (a tenant's http node, for
one), so trusting that address would let it pin its failed attempts on someone else's address.
Other clients are simulated by connecting from other loopback addresses (127.0.0.2, ...)."""

from __future__ import annotations

import httpx
import pytest

from tests.server import start_server

BAD_KEY = "pk_live_" + "0" * 40


def _client(server, source: str) -> httpx.Client:
    return httpx.Client(
        base_url=server.base_url + "/api",
        transport=httpx.HTTPTransport(local_address=source),
        timeout=30,
    )


def _fail_auth(server, source: str, times: int, forwarded_for: str | None = None) -> None:
    headers = {"Authorization": f"Bearer {BAD_KEY}"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    with _client(server, source) as c:
        codes = [c.get("/auth/me", headers=headers).status_code for _ in range(times)]
    assert codes == [401] * times


def _me(server, source: str, forwarded_for: str | None = None) -> int:
    headers = {"Authorization": f"Bearer {server.seed.api_key}"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    with _client(server, source) as c:
        return c.get("/auth/me", headers=headers).status_code


def test_without_trusted_proxies_x_forwarded_for_is_ignored(make_server):
    srv = make_server(env={"PIPELINES_RATE_LIMIT_FAILED_AUTH": "3/minute"})
    # A process on the server's machine fails three times, claiming to forward for 127.0.0.2.
    _fail_auth(srv, "127.0.0.1", 3, forwarded_for="127.0.0.2")
    # The real client 127.0.0.2 is not locked out ...
    assert _me(srv, "127.0.0.2") == 200
    # ... the sender is, whatever address it claims.
    assert _me(srv, "127.0.0.1") == 429
    assert _me(srv, "127.0.0.1", forwarded_for="203.0.113.9") == 429


def test_x_forwarded_for_is_honoured_only_from_listed_proxies(make_server):
    # Trusts 127.0.0.2 and 127.0.0.3 (a CIDR), not 127.0.0.1; the list has spaces in it.
    srv = make_server(
        env={
            "PIPELINES_RATE_LIMIT_FAILED_AUTH": "3/minute",
            "PIPELINES_TRUSTED_PROXIES": "10.1.2.3, 127.0.0.2/31",
        }
    )
    # Through the proxy at 127.0.0.2, a client at 198.51.100.20 fails three times.
    _fail_auth(srv, "127.0.0.2", 3, forwarded_for="198.51.100.20")
    assert _me(srv, "127.0.0.3", forwarded_for="198.51.100.20") == 429  # the client, via a proxy
    assert _me(srv, "127.0.0.2", forwarded_for="198.51.100.21") == 200  # another client
    assert _me(srv, "127.0.0.2") == 200  # the proxy itself
    # 127.0.0.1 is not a listed proxy: its X-Forwarded-For is not believed either way.
    assert _me(srv, "127.0.0.1", forwarded_for="198.51.100.21") == 200
    _fail_auth(srv, "127.0.0.1", 3, forwarded_for="198.51.100.22")
    assert _me(srv, "127.0.0.2", forwarded_for="198.51.100.22") == 200
    assert _me(srv, "127.0.0.1") == 429


def test_a_malformed_trusted_proxy_entry_stops_the_server(tmp_path):
    with pytest.raises(RuntimeError) as exc:
        start_server(
            tmp_path / "bad",
            env={"PIPELINES_TRUSTED_PROXIES": "127.0.0.1, proxy.local"},
            database_url=f"sqlite:///{tmp_path / 'bad.db'}",
        )
    assert "PIPELINES_TRUSTED_PROXIES" in str(exc.value) and "proxy.local" in str(exc.value)
