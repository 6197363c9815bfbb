"""
What the tests read from and send to wagtail-localize's translation editor: the segment of a
page's text at a path, and a translation typed into it.
"""

from urllib.parse import urlencode

from django.urls import reverse


def string_segment(translation, path):
    return translation.source.stringsegment_set.select_related("string").get(context__path=path)


def translate_string(client, translation, path, text):
    """What the translation editor sends when an editor types a translation and leaves the field."""
    segment = string_segment(translation, path)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data=urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content
