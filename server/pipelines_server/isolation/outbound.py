"""The address policy of outbound requests (http and llm nodes).

A workflow author chooses the URLs those nodes call, so without a policy they could make the
server call its own loopback services, the private network it sits in, or a cloud metadata
endpoint (169.254.169.254) that hands out credentials. By default a call is refused when its
host name is a cloud metadata name, or when any address it resolves to is loopback,
unspecified, link-local, private, shared (CGNAT), multicast, reserved or another special-use
address, including IPv6 forms that embed such an IPv4 address (::ffff:127.0.0.1, 6to4,
NAT64). `PIPELINES_OUTBOUND_ALLOW` opens what an operator wants: comma-separated CIDRs
(`10.1.0.0/16`, `127.0.0.1`, `fd00::/8`) and host names (`llm.internal`, or `*.corp.example`
for every name under it).

The check happens after DNS resolution, once, and the connection is pinned to the addresses
that passed it: a transport whose network backend connects only to those addresses (TLS SNI,
certificate checks and the Host header keep the host name). A name that answers a public
address to the check and a private one a moment later (DNS rebinding) cannot move the
connection, because nothing resolves the name again.

This module imports httpx and httpcore only when it builds a transport.
"""

from __future__ import annotations

import functools
import ipaddress
import os
import socket
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

SETTING = "PIPELINES_OUTBOUND_ALLOW"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[..., Sequence[tuple]]  # socket.getaddrinfo's signature and answer

# Host names of cloud metadata services, refused before any lookup: where they resolve to
# 169.254.169.254 the address check refuses them anyway, but a resolver (or /etc/hosts) may
# point them elsewhere. (`localhost` needs no entry: it resolves to loopback addresses.)
BLOCKED_NAMES = frozenset(
    {
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "instance-data",
        "instance-data.ec2.internal",
    }
)
BLOCKED_SUFFIXES = (".metadata.google.internal",)

_V4 = ipaddress.IPv4Network
_V6 = ipaddress.IPv6Network

# (network, what it is), most specific first where they nest. The metadata services of the
# big clouds live in these: 169.254.169.254 (AWS, GCP, Azure, OpenStack), fd00:ec2::254
# (AWS IPv6), 100.100.100.200 (Alibaba), 192.0.0.192 (Oracle).
BLOCKED_NETWORKS: tuple[tuple[IPNetwork, str], ...] = (
    (_V4("169.254.169.254/32"), "cloud metadata"),
    (_V4("0.0.0.0/8"), "unspecified ('this network')"),
    (_V4("10.0.0.0/8"), "private"),
    (_V4("100.64.0.0/10"), "shared (carrier-grade NAT)"),
    (_V4("127.0.0.0/8"), "loopback"),
    (_V4("169.254.0.0/16"), "link-local"),
    (_V4("172.16.0.0/12"), "private"),
    (_V4("192.0.0.0/24"), "IETF protocol assignment"),
    (_V4("192.0.2.0/24"), "documentation"),
    (_V4("192.88.99.0/24"), "6to4 relay anycast"),
    (_V4("192.168.0.0/16"), "private"),
    (_V4("198.18.0.0/15"), "benchmarking"),
    (_V4("198.51.100.0/24"), "documentation"),
    (_V4("203.0.113.0/24"), "documentation"),
    (_V4("224.0.0.0/4"), "multicast"),
    (_V4("240.0.0.0/4"), "reserved"),  # includes 255.255.255.255 (broadcast)
    (_V6("::/128"), "unspecified"),
    (_V6("::1/128"), "loopback"),
    (_V6("fd00:ec2::254/128"), "cloud metadata"),
    (_V6("::/96"), "IPv4-compatible (deprecated)"),
    (_V6("64:ff9b:1::/48"), "local-use NAT64"),
    (_V6("100::/64"), "discard-only"),
    (_V6("2001::/23"), "IETF protocol assignment (Teredo and others)"),
    (_V6("2001:db8::/32"), "documentation"),
    (_V6("fc00::/7"), "unique local (private)"),
    (_V6("fe80::/10"), "link-local"),
    (_V6("fec0::/10"), "site-local (deprecated)"),
    (_V6("ff00::/8"), "multicast"),
)


class OutboundBlocked(Exception):
    """The policy refuses this call; `message` says what was refused and how to allow it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ResolveFailed(Exception):
    """The host name did not resolve (may be temporary)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Policy:
    """What `PIPELINES_OUTBOUND_ALLOW` opens: networks, exact host names, name suffixes."""

    networks: tuple[IPNetwork, ...] = ()
    hosts: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()  # ".corp.example" for an entry "*.corp.example"

    @classmethod
    def parse(cls, text: str | None) -> Policy:
        """A policy from the setting's value; ValueError naming the entry it cannot read."""
        networks: list[IPNetwork] = []
        hosts: set[str] = set()
        suffixes: list[str] = []
        for raw in (text or "").split(","):
            entry = raw.strip()
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
                continue
            except ValueError:
                pass
            name = normalize_host(entry)
            wildcard = name.startswith("*.")
            label = name[2:] if wildcard else name
            if not _is_host_name(label):
                raise ValueError(
                    f"{SETTING}: {entry!r} is neither a CIDR (10.0.0.0/8, 127.0.0.1, fd00::/8) "
                    "nor a host name (api.example.com, *.example.com)"
                )
            if wildcard:
                suffixes.append("." + label)
            else:
                hosts.add(label)
        return cls(tuple(networks), frozenset(hosts), tuple(suffixes))

    def allows_host(self, host: str) -> bool:
        name = normalize_host(host)
        return name in self.hosts or any(name.endswith(s) for s in self.suffixes)

    def allows_address(self, address: IPAddress) -> bool:
        candidates = [address]
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            candidates.append(address.ipv4_mapped)
        return any(
            a in net for a in candidates for net in self.networks if a.version == net.version
        )


@dataclass(frozen=True)
class Vetted:
    """A host and the addresses it resolved to that passed the policy, in resolver order.
    Connections for this host go to these addresses and nowhere else."""

    host: str
    port: int
    addresses: tuple[str, ...]


def normalize_host(host: str) -> str:
    """Lower case, without brackets or a trailing dot: how names are compared."""
    return host.strip().strip("[]").rstrip(".").lower()


def _is_host_name(name: str) -> bool:
    if not name or len(name) > 253:
        return False
    for label in name.split("."):
        if not label or len(label) > 63 or label.startswith("-") or label.endswith("-"):
            return False
        if not all(c.isalnum() or c in "-_" for c in label):
            return False
    return True


def blocked_reason(address: IPAddress | str) -> str | None:
    """Why the default policy refuses this address ("a loopback address"), None when it is
    public. IPv6 addresses that embed an IPv4 one (mapped, 6to4, NAT64) are judged by it."""
    ip = _address(address)
    if isinstance(ip, ipaddress.IPv6Address):
        embedded, form = _embedded_v4(ip)
        if embedded is not None:
            inner = blocked_reason(embedded)
            return f"{inner} in {form} form ({embedded})" if inner else None
    for network, what in BLOCKED_NETWORKS:
        if ip.version == network.version and ip in network:
            return f"{_article(what)} {what} address"
    # Whatever the lists above miss that Python knows to be special-purpose (IANA registries).
    if ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_unspecified:
        return "a special-use address"
    if ip.is_private or ip.is_reserved or not ip.is_global:
        return "a special-use address (not globally routable)"
    return None


def _embedded_v4(ip: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address | None, str]:
    if ip.ipv4_mapped is not None:  # ::ffff:a.b.c.d
        return ip.ipv4_mapped, "IPv4-mapped"
    if ip.sixtofour is not None:  # 2002:AABB:CCDD::/48
        return ip.sixtofour, "6to4"
    if ip in _NAT64:  # 64:ff9b::a.b.c.d
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF), "NAT64"
    return None, ""


_NAT64 = _V6("64:ff9b::/96")


def check(host: str, addresses: Iterable[IPAddress | str], policy: Policy) -> tuple[str, ...]:
    """The pure decision: the addresses to connect to (as strings), or OutboundBlocked.

    An allowed host name (exact or `*.` suffix) passes whatever it resolves to. Otherwise a
    blocked name is refused, and so is the host if *any* of its addresses is blocked and not
    in an allowed network: a name that mixes public and private answers is not to be trusted
    with either."""
    ips = [_address(a) for a in addresses]
    if not ips:
        raise ResolveFailed(f"{host} resolved to no address")
    if not policy.allows_host(host):
        check_name(host, policy)
        literal = _literal(normalize_host(host)) is not None
        for ip in ips:
            why = blocked_reason(ip)
            if why and not policy.allows_address(ip):
                subject = f"{host} is" if literal else f"{host} resolves to {ip},"
                raise OutboundBlocked(f"{subject} {why}; {_HOW_TO_ALLOW}")
    return tuple(dict.fromkeys(str(ip) for ip in ips))


def check_name(host: str, policy: Policy) -> None:
    """OutboundBlocked for a metadata host name the policy does not allow."""
    name = normalize_host(host)
    if policy.allows_host(name) or _literal(name) is not None:
        return
    if name in BLOCKED_NAMES or name.endswith(BLOCKED_SUFFIXES):
        raise OutboundBlocked(f"{host} is a cloud metadata host name; {_HOW_TO_ALLOW}")


def _address(value: IPAddress | str) -> IPAddress:
    """An address without an IPv6 zone index (fe80::1%eth0 -> fe80::1)."""
    text = str(value).split("%", 1)[0]
    return ipaddress.ip_address(text)


_HOW_TO_ALLOW = (
    "outbound requests to loopback, private, link-local and cloud-metadata addresses are "
    f"refused unless {SETTING} lists the address's network or the host name"
)


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def resolve(host: str, port: int, resolver: Resolver | None = None) -> list[str]:
    """Every address the host resolves to (TCP), in the resolver's order."""
    name = normalize_host(host)
    getaddrinfo = resolver or socket.getaddrinfo
    try:
        infos = getaddrinfo(name, port, 0, socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ResolveFailed(f"cannot resolve {host}: {exc}") from None
    return [info[4][0] for info in infos if info[0] in (socket.AF_INET, socket.AF_INET6)]


def vet(
    host: str, port: int, policy: Policy | None = None, resolver: Resolver | None = None
) -> Vetted:
    """Resolves the host once and applies the policy: the addresses to pin the call to."""
    policy = policy if policy is not None else current()
    check_name(host, policy)  # before any lookup
    addresses = check(host, resolve(host, port, resolver), policy)
    return Vetted(normalize_host(host), port, addresses)


# The process's policy: set from Settings by the server (app.build_runtime) and by Celery
# workers (celery_app); a process that never configures one reads the environment.
_policy: Policy | None = None
_policy_lock = threading.Lock()


def configure(allow: str | None) -> Policy:
    global _policy
    policy = Policy.parse(allow)
    with _policy_lock:
        _policy = policy
    return policy


def current() -> Policy:
    global _policy
    with _policy_lock:
        if _policy is None:
            _policy = Policy.parse(os.environ.get(SETTING, ""))
        return _policy


def reset() -> None:
    """Forget the configured policy (tests)."""
    global _policy
    with _policy_lock:
        _policy = None


def pinned_transport(target: Vetted, ssl_context: Any):
    """An httpx transport whose connections go only to `target`'s vetted addresses.

    httpx's own transport, with its connection pool rebuilt on a network backend that
    ignores DNS: asked to connect to `target.host` it connects to the vetted addresses in
    turn; asked for any other host (a redirect or proxy someone turns on later) it refuses.
    TLS is started by httpcore on top with server_hostname = the URL's host, so SNI and
    certificate verification are those of the host name, and the Host header is untouched.

    httpx has no public parameter for a network backend, hence the replaced `_pool` (httpx
    0.28, httpcore 1.0); tests/unit/engine/test_outbound.py fails if an upgrade breaks it."""
    import httpcore
    import httpx

    transport = httpx.HTTPTransport(verify=ssl_context, trust_env=False)
    transport._pool = httpcore.ConnectionPool(  # noqa: SLF001
        ssl_context=ssl_context, network_backend=_backend_class()(target)
    )
    return transport


@functools.cache
def _backend_class():
    """The pinned network backend (a class built on first use: httpcore is imported late)."""
    import httpcore

    class PinnedBackend(httpcore.NetworkBackend):
        def __init__(self, target: Vetted) -> None:
            self.target = target
            self.inner = httpcore.SyncBackend()

        def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            asked = host.decode("ascii") if isinstance(host, bytes) else str(host)
            if normalize_host(asked) != self.target.host or port != self.target.port:
                raise httpcore.ConnectError(
                    f"refused: {asked}:{port} is not the vetted destination "
                    f"{self.target.host}:{self.target.port}"
                )
            # The addresses in turn, all within one connect timeout (not one each).
            deadline = None if timeout is None else time.monotonic() + timeout
            failure: Exception = httpcore.ConnectError(f"no address to connect to for {asked}")
            for address in self.target.addresses:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    raise httpcore.ConnectTimeout(f"connecting to {asked} timed out")
                try:
                    return self.inner.connect_tcp(
                        address, port, left, local_address, socket_options
                    )
                except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                    failure = exc
            raise failure

        def connect_unix_socket(self, path, timeout=None, socket_options=None):
            raise httpcore.ConnectError("refused: unix sockets are not outbound destinations")

        def sleep(self, seconds: float) -> None:
            self.inner.sleep(seconds)

    return PinnedBackend
