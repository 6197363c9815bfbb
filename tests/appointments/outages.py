"""
Stand-ins for the servers a task worker talks to, for the tests that cut them off: a TCP proxy
to PostgreSQL that can be cut and restored, and a mail server that keeps what it receives.
"""

import contextlib
import select
import socket
import threading


class DatabaseProxy:
    """A TCP proxy to PostgreSQL: cut() drops every connection and refuses new ones."""

    upstream = ("127.0.0.1", 5432)

    def __init__(self):
        self.open = threading.Event()
        self.open.set()
        self.stopped = threading.Event()
        self.pairs = []
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.acceptor = threading.Thread(target=self.accept, daemon=True)
        self.acceptor.start()

    def accept(self):
        while not self.stopped.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            if not self.open.is_set():
                client.close()  # cut: refused
                continue
            server = socket.create_connection(self.upstream)
            with self.lock:
                self.pairs.append((client, server))
            threading.Thread(target=self.pipe, args=(client, server), daemon=True).start()

    def pipe(self, client, server):
        try:
            while True:
                readable, _, _ = select.select([client, server], [], [], 0.2)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (server if sock is client else client).sendall(data)
        except OSError:
            return
        finally:
            client.close()
            server.close()

    def cut(self):
        self.open.clear()
        with self.lock:
            for pair in self.pairs:
                for sock in pair:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
            self.pairs.clear()

    def restore(self):
        self.open.set()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stopped.set()
        self.acceptor.join()
        self.cut()
        self.listener.close()


class MailServer:
    """An SMTP server that accepts every message and keeps it (enough of SMTP for Django's)."""

    def __init__(self):
        self.messages = []
        self.received = threading.Condition()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                conversation, _ = self.listener.accept()
            except OSError:
                return  # closed
            threading.Thread(target=self.talk, args=(conversation,), daemon=True).start()

    def talk(self, conversation):
        with conversation, conversation.makefile("rb") as lines:

            def answer(text):
                conversation.sendall(text.encode() + b"\r\n")

            answer("220 capture ESMTP")
            for line in lines:
                command = line[:4].upper()
                if command == b"DATA":
                    answer("354 go on")
                    message = b""
                    for part in lines:
                        if part == b".\r\n":
                            break
                        message += part
                    with self.received:
                        self.messages.append(message.decode(errors="replace"))
                        self.received.notify_all()
                    answer("250 kept")
                elif command == b"QUIT":
                    answer("221 bye")
                    return
                else:  # EHLO, MAIL, RCPT, RSET, NOOP
                    answer("250 ok")

    def wait_for(self, count, seconds=30):
        """True once `count` messages have arrived; False after `seconds`."""
        with self.received:
            return self.received.wait_for(lambda: len(self.messages) >= count, timeout=seconds)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.listener.close()
