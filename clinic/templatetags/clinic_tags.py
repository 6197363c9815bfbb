from django import template
from django.utils.html import strip_tags


register = template.Library()


@register.inclusion_tag("components/breadcrumbs.html")
def breadcrumbs(page):
    """
    The pages above `page`, home first. Walks up through get_parent(), which reuses the parents
    Wagtail loaded while routing the request, so it usually costs no query.
    """
    trail = []
    parent = page.get_parent() if page and page.depth > 2 else None
    while parent is not None and parent.depth >= 2:
        trail.append(parent)
        parent = parent.get_parent() if parent.depth > 2 else None
    return {"trail": list(reversed(trail)), "current": page.title}


@register.filter
def initials(name):
    """“Faisal A. Chaudhry” -> “FC”: the first letters of the first and last words."""
    words = [word for word in str(name).replace(",", " ").split() if word[:1].isalpha()]
    if not words:
        return ""
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()


@register.simple_tag(takes_context=True)
def is_current_section(context, link):
    """True when the page being shown is the menu link's page or below it."""
    page = context.get("page")
    path = getattr(page, "url_path", None)
    return bool(path and link.get("path") and path.startswith(link["path"]))


@register.filter
def has_text(rich_text):
    """False for rich text that holds no words, such as the editor's empty “<p></p>”."""
    return bool(strip_tags(str(rich_text or "")).strip())


@register.filter
def letter_bar(a_to_z):
    """Every letter A to Z (and "#" if used) with whether the A to Z has entries under it."""
    used = {letter for letter, _ in a_to_z}
    letters = [chr(code) for code in range(ord("A"), ord("Z") + 1)]
    extra = sorted(used - set(letters))
    return [(letter, letter in used) for letter in letters + extra]
