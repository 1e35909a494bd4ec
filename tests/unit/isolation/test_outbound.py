"""The outbound address policy (isolation/outbound.py): the pure decision, then the pinning of
the connection to the addresses that were checked, over real sockets."""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from pipelines_server.app import build_runtime
from pipelines_server.engine.executors.base import NodeFailed
from pipelines_server.engine.executors.http import execute
from pipelines_server.isolation import outbound
from pipelines_server.isolation.outbound import (
    OutboundBlocked,
    Policy,
    ResolveFailed,
    Vetted,
    blocked_reason,
    check,
    vet,
)
from pipelines_server.settings import Settings
from tests.support.webhook_receiver import webhook_fixture  # noqa: F401
from tests.unit.engine import make_ctx

DEFAULT = Policy.parse("")


@pytest.fixture(autouse=True)
def _fresh_policy():
    outbound.reset()
    yield
    outbound.reset()


# ---- the pure decision ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("::1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("0.1.2.3", "unspecified"),
        ("::", "unspecified"),
        ("169.254.169.254", "cloud metadata"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("fd00:ec2::254", "cloud metadata"),
        ("10.0.0.1", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.255", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "unique local"),
        ("fd12:3456::1", "unique local"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("100.100.100.200", "carrier-grade NAT"),  # Alibaba Cloud metadata
        ("192.0.0.192", "IETF protocol assignment"),  # Oracle Cloud metadata
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("198.18.0.1", "benchmarking"),
        ("192.0.2.1", "documentation"),
        ("2001:db8::1", "documentation"),
        ("::ffff:127.0.0.1", "loopback address in IPv4-mapped form (127.0.0.1)"),
        ("::ffff:169.254.169.254", "cloud metadata address in IPv4-mapped form"),
        ("::ffff:10.1.2.3", "private address in IPv4-mapped form"),
        ("2002:7f00:1::1", "loopback address in 6to4 form (127.0.0.1)"),
        ("2002:a9fe:a9fe::", "cloud metadata address in 6to4 form"),
        ("64:ff9b::7f00:1", "loopback address in NAT64 form (127.0.0.1)"),
        ("64:ff9b::a9fe:a9fe", "cloud metadata address in NAT64 form"),
        ("::7f00:1", "IPv4-compatible"),
        ("2001::1", "Teredo"),
        ("64:ff9b:1::1", "local-use NAT64"),
    ],
)
def test_special_addresses_are_blocked(address, kind):
    why = blocked_reason(address)
    assert why is not None and kind in why
    with pytest.raises(OutboundBlocked) as info:
        check(address, [address], DEFAULT)
    assert "PIPELINES_OUTBOUND_ALLOW" in info.value.message
    assert address.split("%")[0] in info.value.message


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8",
     "64:ff9b::808:808", "2002:808:808::1", "172.32.0.1", "100.128.0.1", "11.0.0.1"],
)  # fmt: skip
def test_public_addresses_pass(address):
    assert blocked_reason(address) is None
    assert check("example.com", [address], DEFAULT) == (str(ipaddress.ip_address(address)),)


def test_a_host_name_is_refused_naming_the_address_it_resolves_to():
    with pytest.raises(OutboundBlocked) as info:
        check("localhost", ["127.0.0.1"], DEFAULT)
    assert info.value.message.startswith("localhost resolves to 127.0.0.1, a loopback address;")


def test_one_blocked_address_among_public_ones_refuses_the_host():
    with pytest.raises(OutboundBlocked) as info:
        check("mixed.example", ["93.184.216.34", "10.0.0.7"], DEFAULT)
    assert "10.0.0.7, a private address" in info.value.message


@pytest.mark.parametrize(
    "name", ["metadata.google.internal", "METADATA.google.internal.", "metadata", "metadata.goog"]
)
def test_metadata_host_names_are_refused_whatever_they_resolve_to(name):
    with pytest.raises(OutboundBlocked) as info:
        check(name, ["93.184.216.34"], DEFAULT)
    assert "cloud metadata host name" in info.value.message
    calls = []
    with pytest.raises(OutboundBlocked):
        vet(name, 80, DEFAULT, resolver=lambda *a: calls.append(a) or [])
    assert calls == []  # refused before any lookup


def test_allowed_networks_open_addresses():
    policy = Policy.parse("127.0.0.1, 10.1.0.0/16, fd00::/8")
    assert check("127.0.0.1", ["127.0.0.1"], policy) == ("127.0.0.1",)
    assert check("::ffff:127.0.0.1", ["::ffff:127.0.0.1"], policy)  # mapped form of an allowed
    assert check("svc.internal", ["10.1.200.3", "fd00::5"], policy) == ("10.1.200.3", "fd00::5")
    for other in ["127.0.0.2", "10.2.0.1", "169.254.169.254", "::1"]:
        with pytest.raises(OutboundBlocked):
            check(other, [other], policy)


def test_allowed_host_names_open_whatever_they_resolve_to():
    policy = Policy.parse("llm.internal, *.corp.example, metadata.google.internal")
    assert check("LLM.internal.", ["10.0.0.5"], policy) == ("10.0.0.5",)
    assert check("a.b.corp.example", ["192.168.0.9"], policy) == ("192.168.0.9",)
    assert check("metadata.google.internal", ["169.254.169.254"], policy)
    for name in ["corp.example", "evilcorp.example", "llm.internal.evil.example"]:
        with pytest.raises(OutboundBlocked):
            check(name, ["10.0.0.5"], policy)
    with pytest.raises(OutboundBlocked):  # a name entry does not open the address literal
        check("10.0.0.5", ["10.0.0.5"], policy)


def test_parse_reads_cidrs_and_names_and_rejects_anything_else():
    policy = Policy.parse(" 127.0.0.1 ,, 10.0.0.0/8,[::1], fd00::/8, api.example.com, *.corp.x ")
    assert [str(n) for n in policy.networks] == [
        "127.0.0.1/32",
        "10.0.0.0/8",
        "::1/128",
        "fd00::/8",
    ]
    assert policy.hosts == {"api.example.com"} and policy.suffixes == (".corp.x",)
    assert Policy.parse("") == Policy() == Policy.parse(None)
    for bad in ["not a host", "http://example.com", "10.0.0.0/33", "*.", "a..b", "-a.com"]:
        with pytest.raises(ValueError, match="PIPELINES_OUTBOUND_ALLOW"):
            Policy.parse(bad)


def test_the_server_refuses_to_start_on_a_malformed_allowlist(monkeypatch, tmp_path):
    monkeypatch.setenv("PIPELINES_OUTBOUND_ALLOW", "127.0.0.1, what is this")
    monkeypatch.setenv("PIPELINES_DATA_DIR", str(tmp_path / "data"))
    with pytest.raises(ValueError, match="'what is this'"):
        build_runtime(Settings.from_env())
    assert not (tmp_path / "data").exists()  # refused before anything was written
    monkeypatch.setenv("PIPELINES_OUTBOUND_ALLOW", "127.0.0.1,*.example.com")
    assert Settings.from_env().outbound_allow == "127.0.0.1,*.example.com"


def test_the_process_policy_comes_from_configure_or_the_environment(monkeypatch):
    monkeypatch.setenv("PIPELINES_OUTBOUND_ALLOW", "10.0.0.0/8")
    assert outbound.current() == Policy.parse("10.0.0.0/8")
    outbound.configure("")
    assert outbound.current() == DEFAULT


def test_vet_resolves_once_and_returns_the_addresses_to_pin(monkeypatch):
    calls = []

    def resolver(host, port, family, type_):
        calls.append((host, port))
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("2606:2800:220:1::1", port, 0, 0)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
        ]

    target = vet("Example.COM.", 443, DEFAULT, resolver=resolver)
    assert target == Vetted("example.com", 443, ("93.184.216.34", "2606:2800:220:1::1"))
    assert calls == [("example.com", 443)]


def test_a_name_that_does_not_resolve_is_a_lookup_failure():
    def resolver(*args):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with pytest.raises(ResolveFailed, match="cannot resolve nowhere.invalid"):
        vet("nowhere.invalid", 80, DEFAULT, resolver=resolver)


# ---- the http executor under the default policy ---------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/hook",
        "http://localhost:{port}/hook",
        "http://[::1]:{port}/hook",
        "http://[::ffff:127.0.0.1]:{port}/hook",
        "http://2130706433:{port}/hook",  # 127.0.0.1 as one decimal number
        "http://169.254.169.254/latest/meta-data/",
        "http://metadata.google.internal/computeMetadata/v1/",
    ],
)
def test_the_http_executor_refuses_local_addresses_as_a_final_failure(webhook, url):
    outbound.configure("")
    with pytest.raises(NodeFailed) as info:
        execute({"url": url.format(port=webhook.port)}, make_ctx())
    failure = info.value
    assert not failure.retryable
    assert ": refused: " in failure.message and "PIPELINES_OUTBOUND_ALLOW" in failure.message
    assert webhook.requests == []


def test_an_unresolvable_host_stays_retryable(monkeypatch):
    def resolver(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with pytest.raises(NodeFailed) as info:
        execute({"url": "http://flaky.example/hook"}, make_ctx())
    assert info.value.retryable and "cannot resolve flaky.example" in info.value.message


# ---- pinning: the connection goes to the vetted address, whatever DNS says later ------------


class Rebinder:
    """A resolver that answers `first` once, then `later` for ever (DNS rebinding). An
    address literal resolves to itself, without a lookup, as with the real getaddrinfo."""

    def __init__(self, first: str, later: str) -> None:
        self.first, self.later = first, later
        self.calls: list[str] = []

    def __call__(self, host, port, family=0, type=0, proto=0, flags=0):
        try:
            ipaddress.ip_address(host)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (host, port))]
        except ValueError:
            pass
        answer = self.first if not self.calls else self.later
        self.calls.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answer, port))]


def test_rebinding_cannot_move_the_connection_to_a_blocked_address(webhook, monkeypatch):
    """The name answers the allowed 127.0.0.1 to the check and 127.0.0.2 (blocked; nothing
    listens there) to anyone who asks again: the request still reaches 127.0.0.1, the name
    was resolved once, and the Host header keeps the name."""
    outbound.configure("127.0.0.1")
    rebinder = Rebinder("127.0.0.1", "127.0.0.2")
    monkeypatch.setattr(socket, "getaddrinfo", rebinder)
    result = execute({"url": f"http://rebind.test:{webhook.port}/hook"}, make_ctx())
    assert result.output["status"] == 200
    assert rebinder.calls == ["rebind.test"]
    (request,) = webhook.requests
    assert request["headers"]["host"] == f"rebind.test:{webhook.port}"


def test_the_connection_goes_to_the_vetted_public_address_not_a_later_answer(monkeypatch):
    """A public address first, then 127.0.0.1: the only connection attempted is to the
    public address that was checked."""
    rebinder = Rebinder("93.184.216.34", "127.0.0.1")
    attempts = []

    def create_connection(address, *args, **kwargs):
        attempts.append(address)
        raise ConnectionRefusedError("no network in the test")

    monkeypatch.setattr(socket, "getaddrinfo", rebinder)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    outbound.configure("")
    with pytest.raises(NodeFailed) as info:
        execute({"url": "http://rebind.test:8080/hook"}, make_ctx())
    assert info.value.retryable  # a connection error, not a refusal
    assert attempts == [("93.184.216.34", 8080)]
    assert rebinder.calls == ["rebind.test"]


def test_the_pinned_transport_tries_each_vetted_address_in_turn(webhook):
    target = Vetted("two.test", webhook.port, ("127.0.0.3", "127.0.0.1"))  # .3: nobody there
    with httpx.Client(
        transport=outbound.pinned_transport(target, ssl.create_default_context())
    ) as c:
        assert c.get(f"http://two.test:{webhook.port}/x").status_code == 200
    assert webhook.requests[0]["headers"]["host"] == f"two.test:{webhook.port}"


def test_the_pinned_transport_refuses_any_other_destination(webhook):
    """Were a redirect (or anything else) to send the client elsewhere, it would not connect."""
    target = Vetted("pinned.test", webhook.port, ("127.0.0.1",))
    with httpx.Client(
        transport=outbound.pinned_transport(target, ssl.create_default_context())
    ) as c:
        for url in [f"http://other.test:{webhook.port}/", "http://pinned.test:1/"]:
            with pytest.raises(httpx.ConnectError, match="not the vetted destination"):
                c.get(url)
    assert webhook.requests == []


# ---- TLS: SNI and the certificate check keep the host name ----------------------------------


def _self_signed(name: str):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return cert_pem, key_pem


@pytest.fixture
def tls_server(tmp_path):
    """An HTTPS server on 127.0.0.1 with a certificate for secure.test; records SNI names."""
    cert_pem, key_pem = _self_signed("secure.test")
    (tmp_path / "cert.pem").write_bytes(cert_pem)
    (tmp_path / "key.pem").write_bytes(key_pem)
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    seen = {"sni": [], "host": []}
    server_ctx.sni_callback = lambda sock, name, ctx: seen["sni"].append(name)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            seen["host"].append(self.headers.get("Host"))
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.socket = server_ctx.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    client_ctx = ssl.create_default_context(cadata=cert_pem.decode())
    try:
        yield httpd.server_address[1], client_ctx, seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_tls_keeps_the_host_name_for_sni_and_the_certificate_check(tls_server):
    port, client_ctx, seen = tls_server
    target = Vetted("secure.test", port, ("127.0.0.1",))
    with httpx.Client(transport=outbound.pinned_transport(target, client_ctx)) as c:
        reply = c.get(f"https://secure.test:{port}/")
    assert reply.status_code == 200 and reply.text == "ok"
    assert seen["sni"] == ["secure.test"] and seen["host"] == [f"secure.test:{port}"]

    # The same address under another name: the certificate does not match, the call fails.
    other = Vetted("other.test", port, ("127.0.0.1",))
    with httpx.Client(transport=outbound.pinned_transport(other, client_ctx)) as c:
        with pytest.raises(httpx.ConnectError, match="(?i)certificate|hostname"):
            c.get(f"https://other.test:{port}/")
