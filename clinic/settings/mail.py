"""E-mail and background tasks. Part of clinic.settings.base, which imports it whole."""

import os


# Email through SMTP; the server and its credentials come from the environment.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": os.environ.get("EMAIL_USE_TLS", "false").lower() == "true",
            "timeout": 5,  # a mail server that hangs costs at most 5 s, never a request
        },
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "website@clinic.invalid")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (django.tasks). The immediate backend runs a task when it is queued, after
# the request's transaction commits; a worker backend can replace it without code changes.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
