"""
Logs for operators: one line per request (method, path, status, duration, request id, whether
the page cache answered) on stdout, errors on stderr carrying the same request id; JSON lines
when LOG_FORMAT=json. Nothing about patients: no client address, no user agent, and no query
string on the addresses where one could hold a patient's words (appointment requests, search,
the admin).

RequestLogApp wraps the whole WSGI application (clinic.wsgi), so pages the page cache answers
before Django are logged too. The request id comes from the proxy in front (X-Request-ID,
when it is a plain token) or is made here; it is sent back in the X-Request-ID header.
"""

import contextvars
import datetime
import json
import logging
import re
import time
import uuid

from clinic.i18n import prefixed


logger = logging.getLogger("clinic.requests")

REQUEST_ID = contextvars.ContextVar("request_id", default="")
INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# Where a query string can hold what a patient typed.
PRIVATE_QUERY_PREFIXES = ("/admin/", *prefixed("/appointments/", "/search/"))


def holds_patients_words(path):
    """Whether `path`'s query string may hold what a patient typed, however it is spelled:
    "/search?q=", "//search/?q=" and "/SEARCH/?q=" lead to the same view."""
    normal = re.sub(r"/+", "/", path).lower().rstrip("/") + "/"
    return normal.startswith(PRIVATE_QUERY_PREFIXES)


def loggable_path(environ):
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    query = environ.get("QUERY_STRING", "")
    if query and not holds_patients_words(path):
        return f"{path}?{query}"
    return path


class RequestLogApp:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        incoming = environ.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if INCOMING_ID.match(incoming) else uuid.uuid4().hex
        environ["HTTP_X_REQUEST_ID"] = request_id
        REQUEST_ID.set(request_id)
        answer = {"status": 500, "cache": None}

        def start(status, headers, exc_info=None):
            answer["status"] = int(status.split(" ", 1)[0])
            answer["cache"] = next(
                (value for name, value in headers if name.lower() == "x-page-cache"), None
            )
            headers.append(("X-Request-ID", request_id))
            return start_response(status, headers, exc_info)

        def log():
            fields = {
                "method": environ.get("REQUEST_METHOD", ""),
                "path": loggable_path(environ),
                "status": answer["status"],
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            }
            if answer["cache"]:
                fields["page_cache"] = answer["cache"].lower()
            logger.info(
                "%(method)s %(path)s %(status)s %(duration_ms)sms",
                fields,
                extra={"request": fields},
            )

        try:
            result = self.application(environ, start)
        except BaseException:
            log()
            raise
        file_wrapper = environ.get("wsgi.file_wrapper")
        if isinstance(file_wrapper, type) and isinstance(result, file_wrapper):
            # A static file the server sends itself (sendfile): logged once its headers are ready.
            log()
            return result
        return LoggedResponse(result, log)


class LoggedResponse:
    """The application's response, logged once the server has sent it (or given up)."""

    def __init__(self, result, log):
        self.result, self.log = result, log

    def __iter__(self):
        return iter(self.result)

    def close(self):
        try:
            if hasattr(self.result, "close"):
                self.result.close()
        finally:
            self.log()


class RequestIdFilter(logging.Filter):
    """Every record says which request it belongs to ("" outside requests)."""

    def filter(self, record):
        record.request_id = REQUEST_ID.get()
        return True


class TextFormatter(logging.Formatter):
    def format(self, record):
        text = super().format(record)
        request_id = getattr(record, "request_id", "")
        return f"[{request_id}] {text}" if request_id else text


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, request fields."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if getattr(record, "request_id", ""):
            entry["request_id"] = record.request_id
        entry.update(getattr(record, "request", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)
