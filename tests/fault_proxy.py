"""
A TCP proxy that stands between the site and a server it needs (PostgreSQL, Redis, a mail
server) and fails the way networks and servers fail. The fault tests and `make faults`
(scripts/faults.py) both use it; it needs nothing but the standard library.

Modes:

- pass: every byte is forwarded both ways (the start, and restore()).
- refuse: as when the server stops: existing connections are closed and nothing listens on
  the port (a new connection is refused) until restore().
- hang: as when a network path stops forwarding: connections are accepted and kept, existing
  ones too, and nothing goes through either way; what was sent waits and flows on restore().
- drop: existing connections are reset (the server closed the connection unexpectedly), and
  each new one is reset as soon as it is accepted, until restore().
"""

import contextlib
import select
import socket
import struct
import threading


PASS, REFUSE, HANG, DROP = "pass", "refuse", "hang", "drop"
RESET = struct.pack("ii", 1, 0)  # SO_LINGER on, 0 s: close() sends a reset, not a goodbye


class FaultProxy:
    """A proxy on a spare port of 127.0.0.1 (self.port) to upstream_port on upstream_host."""

    def __init__(self, upstream_port, upstream_host="127.0.0.1"):
        self.upstream = (upstream_host, upstream_port)
        self.mode = PASS
        self.flowing = threading.Event()
        self.flowing.set()
        self.stopped = threading.Event()
        self.lock = threading.Lock()
        self.pairs = set()
        self.listener = self.listen(0)
        self.port = self.listener.getsockname()[1]
        self.acceptor = self.start_acceptor()

    @staticmethod
    def listen(port):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(128)
        listener.settimeout(0.1)
        return listener

    def start_acceptor(self):
        thread = threading.Thread(target=self.accept, args=(self.listener,), daemon=True)
        thread.start()
        return thread

    def accept(self, listener):
        while not self.stopped.is_set() and listener is self.listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # closed: refused, or stopped
            threading.Thread(target=self.pipe, args=(client,), daemon=True).start()

    def pipe(self, client):
        try:
            server = socket.create_connection(self.upstream, timeout=5)
            server.settimeout(None)
        except OSError:
            client.close()
            return
        pair = (client, server)
        with self.lock:
            self.pairs.add(pair)
        try:
            while not self.stopped.is_set():
                if self.mode == DROP:
                    return self.reset(pair)
                if not self.flowing.wait(0.2):
                    continue  # hanging: nothing read, nothing forwarded
                readable, _, _ = select.select(pair, [], [], 0.2)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return None
                    if self.mode == DROP:
                        return self.reset(pair)
                    (server if sock is client else client).sendall(data)
        except OSError:
            return None
        finally:
            with self.lock:
                self.pairs.discard(pair)
            for sock in pair:
                sock.close()

    @staticmethod
    def reset(pair):
        for sock in pair:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, RESET)

    def wake_every_pipe(self, how):
        """Each pipe's select() returns at once: its sockets read as closed."""
        with self.lock:
            for pair in self.pairs:
                for sock in pair:
                    with contextlib.suppress(OSError):
                        sock.shutdown(how)

    def refuse(self):
        """Close every connection and stop listening: new connections are refused."""
        with self.lock:
            self.mode = REFUSE
            if self.listener is not None:
                with contextlib.suppress(OSError):
                    self.listener.shutdown(socket.SHUT_RDWR)  # stops listening at once
                self.listener.close()
                self.listener = None
        self.flowing.set()
        self.wake_every_pipe(socket.SHUT_RDWR)

    def hang(self):
        """Accept, keep and forward nothing, until restore()."""
        self.mode = HANG
        self.flowing.clear()

    def drop(self):
        """Reset every connection, and each new one, until restore()."""
        self.mode = DROP
        self.flowing.set()
        with self.lock:
            for pair in self.pairs:
                self.reset(pair)
        self.wake_every_pipe(socket.SHUT_RD)

    def restore(self):
        """Forward everything again (and listen again after refuse())."""
        with self.lock:
            if self.listener is None:
                self.listener = self.listen(self.port)
                self.acceptor = self.start_acceptor()
            self.mode = PASS
        self.flowing.set()

    def stop(self):
        self.stopped.set()
        self.flowing.set()
        self.acceptor.join()
        with self.lock:
            if self.listener is not None:
                self.listener.close()
        self.wake_every_pipe(socket.SHUT_RDWR)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()
