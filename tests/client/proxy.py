"""A tiny TCP proxy for the SDK's tests: it forwards bytes both ways, and on request it drops
the first reply (the request reached the server, the caller never hears back) or cuts every
open connection (a dropped stream). A third party between the SDK and the server; it knows
nothing of either."""

from __future__ import annotations

import socket
import threading


class Proxy:
    def __init__(self, upstream_port: int):
        self.upstream = ("127.0.0.1", upstream_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.drop_next_reply = False
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
            upstream = socket.create_connection(self.upstream)
            with self._lock:
                self.connections += 1
                self._open += [client, upstream]
                drop, self.drop_next_reply = self.drop_next_reply, False
            threading.Thread(target=self._pipe, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, drop), daemon=True).start()

    def _pipe(self, source: socket.socket, target: socket.socket, drop_reply: bool) -> None:
        try:
            while data := source.recv(65536):
                if drop_reply:
                    with self._lock:
                        self.dropped += 1
                    break  # the server answered: the caller never gets it
                target.sendall(data)
        except OSError:
            pass
        for sock in (source, target):
            _close(sock)

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
