from django import template

from clinic.pages.panels import spanish_reading_context
from clinic.pages.translations import language_of_page


register = template.Library()


@register.inclusion_tag("clinic/admin/spanish_reading_box.html")
def spanish_reading(page):
    """
    The Spanish reading measure of a Spanish page with prose, for wagtail-localize's translation
    editor (which draws no edit panels); nothing for other pages.
    """
    if not getattr(page, "reading_fields", ()) or language_of_page(page) != "es":
        return {}
    return {"shown": True, **spanish_reading_context(page)}
