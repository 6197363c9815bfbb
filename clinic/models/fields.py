"""Field shapes several models share."""

from wagtail_localize.segments import StringSegmentValue

from django.db import models


def optional_link(to, related_name="+", **options):
    """
    A link to another object (an image, a page, a person) that may be left empty, and that
    empties itself when that object is deleted instead of deleting this one.
    """
    return models.ForeignKey(
        to, null=True, blank=True, on_delete=models.SET_NULL, related_name=related_name, **options
    )


class LinesField(models.TextField):
    """
    A list an editor writes one item per line (other names, symptoms, risks), shown as a list.
    A translator gets each line as a string of its own (wagtail-localize's field hooks), so the
    items stay separate in the translation: as one string, its lines came as "<br/>" markup,
    and a translation without them ran the items together.
    """

    def get_translatable_segments(self, value):
        items = [line.strip() for line in (value or "").splitlines() if line.strip()]
        return [StringSegmentValue(str(position), item) for position, item in enumerate(items)]

    def restore_translated_segments(self, value, segments):
        # The segments come in the database's order, which PostgreSQL does not keep: each one's
        # path is its line's position.
        in_order = sorted(segments, key=lambda segment: int(segment.path))
        return "\n".join(segment.render_text().strip() for segment in in_order)
