"""
sitemap.xml: every live, public page of the site in each of its languages, each address with
its hreflang alternates (the same page in the other languages), as search engines ask.
"""

from collections import defaultdict

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from clinic.i18n import DEFAULT_LANGUAGE
from clinic.pages.translations import locale_ids


class MultilingualSitemap(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_site = Q()
        for home in homes.only("path"):
            in_site |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(in_site)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        # (translation key, address below the page) -> {language: address}
        versions = defaultdict(dict)
        languages = {pk: code for code, pk in locale_ids().items()}
        for item in self.paginator.page(page).object_list.iterator():
            language = languages[item.locale_id]
            base = item.get_full_url(self.request) or ""
            for url_info in item.get_sitemap_urls(self.request):
                below = url_info["location"].removeprefix(base)
                url_info["versions"] = versions[(item.translation_key, below)]
                url_info["versions"][language] = url_info["location"]
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        for url_info in urls:
            found = url_info.pop("versions")
            if len(found) > 1:
                url_info["alternates"] = [
                    {"lang_code": code, "location": location} for code, location in found.items()
                ]
                if DEFAULT_LANGUAGE in found:
                    url_info["alternates"].append(
                        {"lang_code": "x-default", "location": found[DEFAULT_LANGUAGE]}
                    )
        # Empty when the whole site is private.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
