"""
What pages show of the feature: the links for new patients (the footer, the home page, location
pages, the appointment confirmation) and the plans the “Insurance plans” block lists. Each is
kept per site and language under the content version (clinic.caching.content_cache), as the
core's menu is, so a page view does not query them and any change to content, a site admin's
save of these settings included, makes them stale in every process.
"""

from django.utils import translation
from django.utils.functional import cached_property

from wagtail.models import Site

from clinic.caching.content_cache import remember
from first_visit.models import PATIENT_PAGE_FIELDS, FirstVisitSettings, plan_groups


class BeforeAVisit:
    """
    Templates' `before_a_visit` (first_visit.context_processors): `links`, `first_visit`,
    `insurance_groups` and `insurance_updated_on`, each read on first use.
    """

    def __init__(self, request):
        self.request = request

    @cached_property
    def site(self):
        return Site.find_for_request(self.request)

    def remember(self, name, build):
        if self.site is None:
            return build()
        return remember(name, (self.site.pk, translation.get_language()), build)

    @cached_property
    def settings(self):
        """The site's settings with their chosen pages, in one query (unsaved and empty if none)."""
        found = (
            FirstVisitSettings.objects.filter(site=self.site)
            .select_related(*PATIENT_PAGE_FIELDS)
            .first()
            if self.site
            else None
        )
        return found or FirstVisitSettings(site=self.site)

    @cached_property
    def links(self):
        """[{"key", "title", "hint", "url", "language"}...]: the pages to read before a visit."""
        # A lambda: the settings row is read on a miss only, not to name its method.
        return self.remember("first-visit-links", lambda: self.settings.patient_page_links())

    @property
    def first_visit(self):
        return next((link for link in self.links if link["key"] == "first_visit"), None)

    @cached_property
    def insurance(self):
        def build():
            return {
                "groups": plan_groups(self.settings.insurance_plans.all()),
                "updated_on": self.settings.insurance_updated_on,
            }

        return self.remember("insurance-plans", build)

    @property
    def insurance_groups(self):
        """[(heading, [plan name as a Wording...])...] in the reader's language."""
        return self.insurance["groups"]

    @property
    def insurance_updated_on(self):
        return self.insurance["updated_on"]
