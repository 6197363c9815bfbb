"""Logs for operators. Part of clinic.settings.base, which imports it whole."""

import os


# Logs: errors and warnings on stderr, each with the id of the request it happened in; with
# REQUEST_LOG (production), one line per request on stdout (clinic.operations.request_log). LOG_FORMAT=json
# writes both as JSON lines for a log collector.
REQUEST_LOG = os.environ.get("REQUEST_LOG", "false").lower() == "true"
LOG_FORMAT = "json" if os.environ.get("LOG_FORMAT", "").lower() == "json" else "text"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "clinic.operations.request_log.RequestIdFilter"}},
    "formatters": {
        "text": {"()": "clinic.operations.request_log.TextFormatter"},
        "json": {"()": "clinic.operations.request_log.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        },
        "requests": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "clinic.requests": {"handlers": ["requests"], "level": "INFO", "propagate": False},
        # Each background task says when it starts and ends: only a failure is worth a line.
        "django.tasks": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
