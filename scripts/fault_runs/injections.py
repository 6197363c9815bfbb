"""
The faults `make faults` injects, by name. Each is a Fault: prepare() before the load starts,
start() when the fault window opens, end() when it closes, finish() once the load is over, and
note(), anything it measured beyond the table's columns.
"""

import contextlib
import os
import threading
import time
import urllib.request


PAGE = "/procedures/sacroiliac-joint-injection/"


class Fault:
    def __init__(self, stack):
        self.stack = stack

    def prepare(self):
        pass

    def start(self):
        raise NotImplementedError

    def end(self):
        pass

    def finish(self):
        pass

    def note(self):
        return ""


def proxy_fault(proxy_name, mode):
    """A fault that puts one of the stack's proxies in `mode` for the window."""

    class ProxyFault(Fault):
        def start(self):
            getattr(getattr(self.stack, proxy_name), mode)()

        def end(self):
            getattr(self.stack, proxy_name).restore()

    return ProxyFault


class WebWorkerKilled(Fault):
    def start(self):
        self.stack.kill_web_worker()


class TaskWorkerKilled(Fault):
    def start(self):
        self.stack.kill_task_worker()


def page_text(address):
    with (
        contextlib.suppress(OSError),
        urllib.request.urlopen(address + PAGE, timeout=5) as response,
    ):
        return response.read().decode()
    return ""


class PublishWhileRedisRefused(Fault):
    """
    A second app server beside the first; while Redis refuses connections, a `manage.py`
    process publishes a new summary of PAGE. How long after Redis returns does every server
    show it (0: they showed it before)?
    """

    def prepare(self):
        self.second = self.stack.start_server(workers=1)
        self.addresses = [self.stack.servers[0][1], self.second]
        for address in self.addresses:
            page_text(address)  # cached on both
        self.summary = f"Published while Redis was down ({time.time():.0f})."
        self.seen = {}

    def start(self):
        self.stack.redis_proxy.refuse()
        self.published = self.returned = None
        threading.Thread(target=self.publish, daemon=True).start()
        threading.Thread(target=self.watch, daemon=True).start()

    def publish(self):
        code = (
            "from procedures.models import ProcedurePage; "
            "page = ProcedurePage.objects.get(slug='sacroiliac-joint-injection'); "
            f"page.summary = {self.summary!r}; page.save_revision().publish()"
        )
        self.stack.manage("shell", "--no-imports", "-c", code)
        self.published = time.time()

    def watch(self):
        deadline = time.time() + 60
        while len(self.seen) < len(self.addresses) and time.time() < deadline:
            for address in self.addresses:
                if address not in self.seen and self.summary in page_text(address):
                    self.seen[address] = time.time()
            time.sleep(0.05)

    def end(self):
        self.stack.redis_proxy.restore()
        self.returned = time.time()

    def finish(self):
        self.stack.stop_server(self.second)

    def note(self):
        if len(self.seen) < len(self.addresses) or self.published is None:
            return f"publish: not seen on every server ({len(self.seen)} of 2)"
        last = max(self.seen.values())
        return (
            f"publish: on both servers {last - self.published:.1f} s after it was made, "
            f"{max(0.0, last - self.returned):.1f} s after Redis returned"
        )


class DiskFull(Fault):
    """
    The media folder's disk full: renditions are removed before the run, and when the window
    opens the disk is filled and the content version changed, so pages are built again and
    ask for renditions that cannot be written.
    """

    def prepare(self):
        if not self.stack.small_disk:
            raise RuntimeError("cannot mount a small filesystem here (needs root)")
        self.stack.manage(
            "shell",
            "--no-imports",
            "-c",
            "from wagtail.images import get_image_model; "
            "get_image_model().get_rendition_model().objects.all().delete()",
        )
        self.filler = self.stack.media / "filler"

    def start(self):
        with self.filler.open("wb") as filler, contextlib.suppress(OSError):  # ENOSPC: full
            while True:
                filler.write(b"\0" * (1 << 20))
                filler.flush()
        with contextlib.suppress(OSError), open(self.stack.media / "last-bytes", "wb") as last:
            while True:
                last.write(b"\0" * 512)
                last.flush()
        self.stack.bump_content_version()

    def end(self):
        self.filler.unlink()
        (self.stack.media / "last-bytes").unlink(missing_ok=True)

    def note(self):
        stat = os.statvfs(self.stack.media)
        return f"disk: {stat.f_bavail * stat.f_frsize // 1024} KB free after the run"


FAULTS = {
    "redis-refused": proxy_fault("redis_proxy", "refuse"),
    "redis-hang": proxy_fault("redis_proxy", "hang"),
    "pg-refused": proxy_fault("postgres_proxy", "refuse"),
    "pg-hang": proxy_fault("postgres_proxy", "hang"),
    "pg-drop": proxy_fault("postgres_proxy", "drop"),
    "smtp-hang": proxy_fault("mail_proxy", "hang"),
    "smtp-refused": proxy_fault("mail_proxy", "refuse"),
    "web-worker-killed": WebWorkerKilled,
    "task-worker-killed": TaskWorkerKilled,
    "publish-redis-down": PublishWhileRedisRefused,
    "disk-full": DiskFull,
}
