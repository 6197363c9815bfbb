"""The words patients use, mapped to the words the site uses, for site search."""

from django.db import models

from wagtail.admin.panels import FieldPanel

from clinic.models import lines


class SearchSynonym(models.Model):
    """
    "slipped disc" -> "herniated disc": a search for the words on the left also finds pages
    about the words on the right. Applied to every search on the site.
    """

    term = models.CharField(
        "when someone searches for",
        max_length=80,
        unique=True,
        help_text="The words a patient might type, e.g. “slipped disc” or “shot”. Case does not matter.",
    )
    replacements = models.TextField(
        "also search for",
        help_text="The words the site uses for the same thing, one per line, e.g. “herniated disc”.",
    )

    panels = [FieldPanel("term"), FieldPanel("replacements")]

    class Meta:
        verbose_name = "search synonym"
        ordering = ["term"]

    def __str__(self):
        return f"{self.term} → {', '.join(self.replacement_list)}"

    def save(self, *args, **kwargs):
        self.term = " ".join(self.term.lower().split())
        super().save(*args, **kwargs)

    @property
    def replacement_list(self):
        return lines(self.replacements)
