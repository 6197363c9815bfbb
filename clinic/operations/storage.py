"""
Media in an S3-compatible bucket (django-storages), for MEDIA_S3_BUCKET (clinic.settings.base).

A bucket that cannot be reached must slow pages, not break them. Wagtail shows a page without a
picture whose original cannot be read, but it only recognises OSError; boto3 raises its own
errors. Reading a file turns them into OSError. An upload the bucket refuses gets a page that
says so (MediaStorageErrorMiddleware) instead of a server error.
"""

import logging

from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

from django.http import HttpResponse
from django.utils.html import format_html


logger = logging.getLogger(__name__)

UPLOAD_REFUSED = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The file was not saved</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>The file was not saved</h1>
<p>The storage that keeps the site's images and documents cannot be reached just now, so
nothing you sent was saved. Please try again in a few minutes. If it keeps happening, tell
the person who runs the website.</p>
<p><a href="{}">Go back</a></p>
</body></html>"""


class MediaStorage(S3Storage):
    def _open(self, name, mode="rb"):
        try:
            return super()._open(name, mode)
        except (BotoCoreError, ClientError) as error:
            raise OSError(f"The media bucket could not give {name}: {error}") from error


class MediaStorageErrorMiddleware:
    """A request that failed because the media bucket could not be reached: 503, said plainly."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, BotoCoreError | ClientError):
            return None
        logger.error("The media bucket could not be reached: %s", exception, exc_info=exception)
        response = HttpResponse(format_html(UPLOAD_REFUSED, request.path), status=503)
        response["Retry-After"] = "120"
        response["Cache-Control"] = "no-store"
        return response
