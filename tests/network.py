"""
Stand-ins on this machine for the services the site talks to: a port where nothing listens, a
server that never answers (a hung Redis, mail server or proxy), and a listener for the PURGE
requests a cache in front of the site gets.
"""

import select
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer


def free_port():
    """A TCP port on this machine where nothing listens (yet)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, seconds=30):
    """Return once something listens on `port`; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"Nothing listens on port {port}")


class SilentServer:
    """
    A server that accepts connections and never reads or says a word. connections() counts
    every connection a client has made so far, those still waiting to be accepted included, so
    a test reads the count at once instead of waiting for the accepting thread to catch up.
    """

    def __init__(self, listener):
        self.listener = listener
        self.port = listener.getsockname()[1]
        self.held = []  # the connections it accepted, in order
        self.lock = threading.Lock()

    def accept_waiting(self):
        with self.lock:
            while select.select([self.listener], [], [], 0)[0]:
                self.held.append(self.listener.accept()[0])

    def connections(self):
        self.accept_waiting()
        return len(self.held)


class PurgeListener(HTTPServer):
    """
    A stand-in for Varnish or nginx in front: `received` holds the (path, Host) of each PURGE it
    got, in order.
    """

    def __init__(self):
        self.received = []
        super().__init__(("127.0.0.1", 0), PurgeHandler)


class PurgeHandler(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.received.append((self.path, self.headers["Host"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass
