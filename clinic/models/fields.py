"""Field shapes several models share."""

from django.db import models


def optional_link(to, related_name="+", **options):
    """
    A link to another object (an image, a page, a person) that may be left empty, and that
    empties itself when that object is deleted instead of deleting this one.
    """
    return models.ForeignKey(
        to, null=True, blank=True, on_delete=models.SET_NULL, related_name=related_name, **options
    )
