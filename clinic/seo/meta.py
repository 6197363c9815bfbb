"""
What search engines and social media read about a page: its title and description, canonical
address, sharing image, breadcrumbs and schema.org JSON-LD, all built from fields editors
already fill in.

`page_meta(context)` gathers them once per request; base.html prints them and the visible
breadcrumbs from the same data, so the two cannot disagree.
"""

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext

from wagtail.models import Locale, Site, get_page_models

from clinic.i18n import COUNTRY
from clinic.navigation import cached_for_site, get_clinic_settings
from clinic.pages.renditions import rendition_or_none
from clinic.pages.schema_org import (
    LOGO,
    breadcrumb_node,
    clinic_id,
    faq_node,
    language_tag,
    web_page_node,
)
from clinic.seo.language_links import add_languages


SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-82"


def site_root(request):
    """The site's own origin, e.g. “https://clinic.example”, as its Wagtail Site says."""
    site = Site.find_for_request(request)
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/")


@dataclass
class PageMeta:
    request: object
    language: str  # the page's, for <html lang>
    root: str
    url: str
    title: str
    description: str = ""
    noindex: bool = False
    # The address search engines should file the page under, where it is not `url` (a
    # comparison of procedures, whichever order they were chosen in).
    canonical: str = ""
    og_type: str = "website"
    image: object = None  # a rendition of SOCIAL_IMAGE_SPEC
    image_alt: str = ""
    image_is_own: bool = False  # the page's image, not the clinic's default
    breadcrumbs: list = field(default_factory=list)  # [(name, url), ...], the page last
    # The page in the site's other languages, for the header's switcher: [{"code", "name",
    # "url", "translated"}] (the other language's home where the page is not translated).
    other_languages: list = field(default_factory=list)
    # hreflang alternates for search engines: [(hreflang, absolute URL)], empty when the page
    # is in one language only.
    alternates: list = field(default_factory=list)

    @property
    def og_locale(self):
        return f"{self.language}_{COUNTRY}"

    def absolute(self, url):
        if not url or url.startswith(("http://", "https://")):
            return url
        return self.root + url

    def page_url(self, page):
        return page.get_full_url(self.request)

    @property
    def image_url(self):
        return self.absolute(self.image.url) if self.image else ""

    def image_object(self):
        if not self.image:
            return None
        return {
            "@type": "ImageObject",
            "url": self.image_url,
            "width": self.image.width,
            "height": self.image.height,
        }


def breadcrumb_trail(context):
    """
    [(name, url), ...] from the home page to the page shown, the page itself last. A view that
    is not a page (or a sub-page of a routable page) sets `breadcrumb_trail` (the pages or
    dicts with title and url between the home page and itself) and `breadcrumb_current`. The
    home page has no breadcrumbs.
    """
    request = context.get("request")
    if "breadcrumb_trail" in context:
        navigation = context.get("navigation") or {}
        home = {"title": gettext("Home"), "url": navigation.get("home") or "/"}
        trail = [home, *context["breadcrumb_trail"]]
        current = context["breadcrumb_current"]
    else:
        page = context.get("page")
        if page is None or getattr(page, "depth", 0) <= 2:
            return []
        # get_parent() reuses the parents Wagtail loaded while routing: usually no query.
        trail = []
        parent = page.get_parent()
        while parent is not None and parent.depth >= 2:
            trail.append(parent)
            parent = parent.get_parent() if parent.depth > 2 else None
        trail.reverse()
        current = page.title
    items = []
    for ancestor in trail:
        if isinstance(ancestor, dict):
            items.append((ancestor["title"], ancestor["url"]))
        else:
            name = gettext("Home") if ancestor.depth == 2 else ancestor.title
            items.append((name, ancestor.get_url(request)))
    return [*items, (current, request.path if request else "")]


def sharing_rendition(image):
    """
    The 1200 × 630 sharing rendition of `image`, or None when it cannot be made (its original
    missing, storage unreachable or full): the page is shown without a sharing image, not a 500.
    """
    if image is None:
        return None
    return rendition_or_none(image, SOCIAL_IMAGE_SPEC)


def page_meta(context):
    """The PageMeta of the page being rendered, worked out once per request."""
    if "meta" in context and isinstance(context["meta"], PageMeta):
        return context["meta"]
    request = context["request"]
    page = context.get("page")
    root = site_root(request)
    clinic_settings = context.get("clinic_settings")
    if page is not None:
        title = context.get("meta_title") or page.get_meta_title()
        description = context.get("meta_description") or page.get_meta_description()
        og_type = getattr(page, "og_type", "website")
    else:
        title = context.get("meta_title") or context.get("page_title", "")
        description = context.get("meta_description", "")
        og_type = "website"

    def sharing_image():
        image = page.get_social_image() if page is not None else None
        image_is_own = image is not None
        if image is None and clinic_settings:
            image = clinic_settings.social_image
        rendition = sharing_rendition(image)
        return (image, image_is_own, rendition) if rendition else (None, False, None)

    # From the page's kept data where it has some: finding a body's first figure takes a
    # query for its images, and Wagtail writes a rendition back to the cache on every use.
    kept = getattr(page, "kept", None)
    image, image_is_own, rendition = (
        kept(request, "sharing-image", sharing_image) if kept else sharing_image()
    )
    meta = PageMeta(
        request=request,
        language=translation.get_language(),
        root=root,
        url=root + request.path,
        title=title,
        description=Truncator(strip_tags(description or "")).chars(300),
        noindex=bool(context.get("noindex")),
        canonical=root + context["canonical_path"] if context.get("canonical_path") else "",
        og_type=og_type,
        image=rendition,
        image_alt=(image.default_alt_text or "") if image else "",
        image_is_own=image_is_own,
    )
    meta.breadcrumbs = breadcrumb_trail(context)
    add_languages(meta, context)
    context["meta"] = meta
    return meta


# schema.org nodes


def website_node(meta, clinic_settings):
    return {
        "@type": "WebSite",
        "@id": f"{meta.root}/#website",
        "url": f"{meta.root}/",
        "name": clinic_settings.clinic_name,
        "inLanguage": language_tag(),
        "publisher": clinic_id(meta),
    }


def clinic_node(meta, site, full=False):
    """
    The clinic as a MedicalClinic: who publishes every page. `full` adds its opening hours and
    the procedures it offers (the home page says it all; other pages refer to it). Cached with
    the clinic's details, and cleared with them.
    """
    key = "schema-clinic-full" if full else "schema-clinic"
    return cached_for_site(key, site, lambda: _build_clinic_node(meta, site, full))


def _build_clinic_node(meta, site, full):
    clinic_settings = get_clinic_settings(site)
    node = {
        "@type": "MedicalClinic",
        "@id": f"{meta.root}/#clinic",
        "name": clinic_settings.clinic_name,
        "url": f"{meta.root}/",
        "logo": meta.absolute(static(LOGO)),
        "telephone": clinic_settings.phone_href.removeprefix("tel:"),
        "address": clinic_settings.postal_address_schema(),
    }
    rendition = sharing_rendition(clinic_settings.social_image)
    if rendition:
        node["image"] = meta.absolute(rendition.url)
    if clinic_settings.fax:
        node["faxNumber"] = clinic_settings.fax
    if clinic_settings.email:
        node["email"] = clinic_settings.email
    if clinic_settings.social_links:
        node["sameAs"] = [url for _, url in clinic_settings.social_links]
    if full:
        if clinic_settings.opening_hours_schema:
            node["openingHoursSpecification"] = clinic_settings.opening_hours_schema
        node["availableService"] = [
            {"@type": model.clinic_service_type, "name": page.title, "url": meta.page_url(page)}
            for model in get_page_models()
            if model.__dict__.get("clinic_service_type")
            for page in model.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .defer_streamfields()
            .order_by("title")
        ]
    return node


def build_graph(context):
    """Every schema.org node of the page, as one JSON-LD @graph."""
    meta = page_meta(context)
    request = context["request"]
    site = Site.find_for_request(request)
    clinic_settings = context.get("clinic_settings")
    if site is None or not clinic_settings:
        return []
    page = context.get("page")
    is_home = page is not None and page.depth == 2 and "breadcrumb_trail" not in context
    graph = [website_node(meta, clinic_settings), clinic_node(meta, site, full=is_home)]
    if page is not None:
        graph += page.get_schema_org(meta, context)
        if faq := faq_node(meta, getattr(page, "body", None)):
            graph.append(faq)
    else:
        graph.append(web_page_node(meta, schema_type=context.get("schema_type", "WebPage")))
    if meta.breadcrumbs:
        graph.append(breadcrumb_node(meta))
    return graph


def json_ld(graph):
    """The graph as the text of a <script type="application/ld+json">, safe inside HTML."""
    text = json.dumps(
        {"@context": "https://schema.org", "@graph": graph},
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return mark_safe(text)  # noqa: S308 - escaped above
