"""
Editors manage the site's snippets in the admin: body regions and specialties, search synonyms and
promoted results, and a new body region on the procedure list.
"""

import pytest

from django.urls import reverse

from wagtail.models import Page

from clinic.models import BodyRegion, Specialty
from site_search.models import SearchSynonym

from .superuser_admin import SuperuserTestCase


pytestmark = pytest.mark.django_db


class AdminEditingTest(SuperuserTestCase):
    def test_editors_manage_body_regions_and_specialties(self):
        listing = self.client.get(reverse("wagtailsnippets_clinic_bodyregion:list"))
        assert listing.status_code == 200
        assert "Lower back" in listing.content.decode()
        response = self.client.post(
            reverse("wagtailsnippets_clinic_bodyregion:add"),
            {"name": "Chest", "slug": "chest", "description": "Around the ribs"},
        )
        assert response.status_code == 302
        assert BodyRegion.objects.filter(slug="chest").exists()

        specialty = Specialty.objects.get(name="Anesthesiology")
        edit = reverse("wagtailsnippets_clinic_specialty:edit", args=[specialty.pk])
        assert self.client.get(edit).status_code == 200
        search = self.client.get(reverse("wagtailsnippets_clinic_specialty:list"), {"q": "anest"})
        assert "Anesthesiology" in search.content.decode()
        for name in ["clinic_language", "news_newscategory"]:
            response = self.client.get(reverse(f"wagtailsnippets_{name}:list"), {"q": "a"})
            assert response.status_code == 200, name

    def test_editors_find_search_synonyms_and_promoted_results(self):
        dashboard = self.client.get("/admin/").content.decode()
        assert "Promoted search results" in dashboard and "Search synonyms" in dashboard
        assert self.client.get("/admin/searchpicks/").status_code == 200
        assert self.client.get("/admin/searchpicks/add/").status_code == 200
        response = self.client.post(
            reverse("wagtailsnippets_site_search_searchsynonym:add"),
            {"term": "Buzzing Hands", "replacements": "tingling\nnumbness"},
        )
        assert response.status_code == 302
        synonym = SearchSynonym.objects.get(term="buzzing hands")  # stored in lower case
        assert synonym.replacement_list == ["tingling", "numbness"]

    def test_new_body_region_appears_on_the_procedure_list(self):
        region = BodyRegion.objects.create(name="Chest", slug="chest")
        page = Page.objects.get(url_path="/home/procedures/kyphoplasty/").specific
        page.body_regions.add(region)
        page.save_revision().publish()
        response = self.client.get("/procedures/")
        assert 'id="region-chest"' in response.content.decode()
