"""Editor panels the core offers to every page type."""

from wagtail.admin.panels import Panel
from wagtail.permission_policies.pages import PagePermissionPolicy

from clinic.pages import readability_es
from clinic.pages.readability import PLAIN_LANGUAGE_GRADE, page_reading
from clinic.pages.translations import language_of_page


class LinkedPagesPanel(Panel):
    """
    Read-only: the live and draft pages that link to this one through `relation` (a reverse
    relation, e.g. the physicians who perform a procedure), each with a link to its editor for
    those who may edit it. The link itself is set on the other page.
    """

    def __init__(self, relation, empty_text="", **kwargs):
        self.relation = relation
        self.empty_text = empty_text
        super().__init__(**kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "relation": self.relation, "empty_text": self.empty_text}

    class BoundPanel(Panel.BoundPanel):
        template_name = "clinic/admin/linked_pages_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            pages = []
            if self.instance.pk:  # a new page has no links yet
                pages = list(getattr(self.instance, self.panel.relation).order_by("title"))
            editable = set(
                PagePermissionPolicy()
                .instances_user_has_permission_for(self.request.user, "change")
                .filter(pk__in=[page.pk for page in pages])
                .values_list("pk", flat=True)
            )
            context["linked_pages"] = [(page, page.pk in editable) for page in pages]
            context["empty_text"] = self.panel.empty_text
            return context


class ReadingLevelPanel(Panel):
    """
    Read-only: the reading grade of the page as last saved (see clinic.pages.readability), with a
    warning above grade 8. Shown at the top of the Content tab of page types with prose. A
    Spanish page gets its Spanish measure instead (clinic.pages.readability_es).
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "clinic/admin/reading_level_panel.html"

        def get_context_data(self, parent_context=None):
            if language_of_page(self.instance) == "es":
                return {
                    **super().get_context_data(parent_context),
                    **spanish_reading_context(self.instance),
                }
            context = super().get_context_data(parent_context)
            reading = page_reading(self.instance)
            context["reading"] = reading
            context["target"] = PLAIN_LANGUAGE_GRADE
            if reading.sentences:
                context["words_per_sentence"] = round(reading.words / reading.sentences)
            return context


def spanish_reading_context(page):
    """What clinic/admin/spanish_reading.html shows for a Spanish page."""
    reading = readability_es.page_reading(page)
    context = {
        "spanish_reading": reading,
        "target": readability_es.PLAIN_LANGUAGE_SCORE,
        "scale": readability_es.SCALE_LINE,
    }
    if reading.sentences:
        context["words_per_sentence"] = round(reading.words / reading.sentences)
    return context
