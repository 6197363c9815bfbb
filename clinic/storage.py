"""
Media in an S3-compatible bucket (django-storages), for MEDIA_S3_BUCKET (clinic.settings.base).

A bucket that cannot be reached must slow pages, not break them. Wagtail shows a page without a
picture whose original cannot be read, but it only recognises OSError; boto3 raises its own
errors. Reading a file turns them into OSError.
"""

from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage


class MediaStorage(S3Storage):
    def _open(self, name, mode="rb"):
        try:
            return super()._open(name, mode)
        except (BotoCoreError, ClientError) as error:
            raise OSError(f"The media bucket could not give {name}: {error}") from error
