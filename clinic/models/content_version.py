"""The version of the site's content, kept in the database with the content itself."""

from django.db import models


class ContentVersion(models.Model):
    """
    One row: a token that changes, in the same transaction, with any change to what public
    pages show (clinic.caching.content_version). Every cache of pages and content is keyed by it, so a
    change commits together with the end of every copy built before it, in every process.
    """

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    def __str__(self):
        return f"Content version {self.token} of {self.changed_at:%Y-%m-%d %H:%M:%S}"
