"""A tiny TCP proxy for the SDK's tests: it forwards bytes both ways, and on request it drops
the first reply (the request reached the server, the caller never hears back) or cuts every
open connection (a dropped stream), or answers the next connection itself with a canned
reply (a 503 from a load balancer); it records the bytes callers sent. A third party between
the SDK and the server; it knows nothing of either."""

from __future__ import annotations

import socket
import threading


class Proxy:
    def __init__(self, upstream_port: int, port: int = 0):
        self.upstream = ("127.0.0.1", upstream_port)
        self.listener = socket.create_server(("127.0.0.1", port))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.drop_next_reply = False
        self.canned_replies: list[bytes] = []  # each answers one new connection, in order
        self.sent: list[bytes] = []  # what callers sent, chunk by chunk
        self.dropped = 0
        self.connections = 0
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self._lock:
                canned = self.canned_replies.pop(0) if self.canned_replies else None
            if canned is not None:
                threading.Thread(target=self._answer, args=(client, canned), daemon=True).start()
                continue
            upstream = socket.create_connection(self.upstream)
            with self._lock:
                self.connections += 1
                self._open += [client, upstream]
                drop, self.drop_next_reply = self.drop_next_reply, False
            for args in ((client, upstream, False, True), (upstream, client, drop, False)):
                threading.Thread(target=self._pipe, args=args, daemon=True).start()

    def _pipe(
        self, source: socket.socket, target: socket.socket, drop_reply: bool, record: bool
    ) -> None:
        try:
            while data := source.recv(65536):
                if drop_reply:
                    with self._lock:
                        self.dropped += 1
                    break  # the server answered: the caller never gets it
                if record:
                    with self._lock:
                        self.sent.append(data)
                target.sendall(data)
        except OSError:
            pass
        for sock in (source, target):
            _close(sock)

    def _answer(self, client: socket.socket, reply: bytes) -> None:
        """Read the request's head, answer with `reply`, close."""
        try:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = client.recv(65536)
                if not chunk:
                    break
                data += chunk
            with self._lock:
                self.sent.append(data)
            client.sendall(reply)
        except OSError:
            pass
        _close(client)

    def header_values(self, name: str) -> list[str]:
        """The values of header `name` in every request head callers sent, in order."""
        prefix = name.lower().encode() + b":"
        with self._lock:
            chunks = list(self.sent)
        return [
            line.split(b":", 1)[1].strip().decode()
            for chunk in chunks
            for line in chunk.split(b"\r\n")
            if line.lower().startswith(prefix)
        ]

    def cut(self) -> None:
        """Close every open connection (the listener stays: callers may reconnect)."""
        with self._lock:
            sockets, self._open = self._open, []
        for sock in sockets:
            _close(sock)

    def close(self) -> None:
        self.listener.close()
        self.cut()


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
