"""
A mail server that accepts every message and keeps it (enough of SMTP for Django's mailer), for
the tests that follow a notice and for `make faults` (scripts/faults.py): the standard library
only. Put a FaultProxy (tests/fault_proxy.py) in front of it to make it hang or refuse.
"""

import contextlib
import re
import socket
import threading


class MailServer:
    """An SMTP server on a spare port of 127.0.0.1 (self.port); self.messages holds the mail."""

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
        with contextlib.suppress(OSError), conversation, conversation.makefile("rb") as lines:

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

    def message_ids(self):
        """Each message's Message-ID header, in the order they arrived."""
        with self.received:
            found = [MESSAGE_ID.search(message) for message in self.messages]
        return [match.group(1) for match in found if match]

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.listener.close()


MESSAGE_ID = re.compile(r"^Message-ID:\s*(\S+)", re.IGNORECASE | re.MULTILINE)
