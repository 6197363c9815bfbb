"""Editors at work in the admin: every page type opens, previews and publishes; content checks; signing in."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.wagtail_factories import ImageFactory

from clinic.models import BodyRegion, ClinicSettings, Specialty
from conditions.models import ConditionPage
from procedures.models import ProcedurePage
from site_search.models import SearchSynonym
from tests.accounts import sign_in
from tests.editor import clinic_details_form, editor_form_data


pytestmark = pytest.mark.django_db


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_message(client):
    call_command("ensure_demo_users", stdout=StringIO())
    response = client.post("/admin/login/", {"username": "admin", "password": "wrong"})
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated
    assert "didn&#x27;t match" in response.content.decode()


def test_the_admin_loads_nothing_from_other_sites_and_offers_valid_time_zones(client):
    call_command("ensure_demo_users", stdout=StringIO())
    editor = get_user_model().objects.get(username="editor")
    sign_in(client, editor)
    dashboard = client.get("/admin/").content.decode()
    assert "gravatar" not in dashboard.lower()
    assert "Erin" in dashboard  # greeted by a name of their own, not "Demo"

    account = BeautifulSoup(client.get("/admin/account/").content, "html.parser")
    zones = [
        option["value"]
        for option in account.select("select[name='locale-current_time_zone'] option")
        if option["value"]
    ]
    # Browsers reject names such as "localtime" that the system's list holds.
    assert zones and "localtime" not in zones
    assert {"America/New_York", "America/Chicago", "America/Los_Angeles"} <= set(zones)


def main_text(response):
    return BeautifulSoup(response.content, "html.parser").main.get_text(" ", strip=True)


class AdminEditingTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("siteadmin", "", "a-long-password")

    def setUp(self):
        sign_in(self.client, self.admin)

    def test_every_page_type_opens_previews_and_publishes_unchanged_in_the_editor(self):
        seen = set()
        for page in Page.objects.filter(depth__gt=1).specific():
            if type(page) in seen:
                continue  # the first page of each type, demo content and all
            seen.add(type(page))
            with self.subTest(page=page.url_path):
                data = editor_form_data(self.client, page)
                preview = self.client.post(
                    reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), data
                )
                assert preview.json() == {"is_valid": True, "is_available": True}
                shown = self.client.get(
                    reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
                )
                assert shown.status_code == 200 and page.title in shown.content.decode()

                before = main_text(self.client.get(page.url))
                data["action-publish"] = "action-publish"
                response = self.client.post(
                    reverse("wagtailadmin_pages:edit", args=[page.pk]), data
                )
                assert response.status_code == 302, response.context["form"].errors
                assert page.revisions.count() >= 2
                # Nothing was lost on the way through the form: the page reads the same.
                assert main_text(self.client.get(page.url)) == before
        assert len(seen) == 14

    def test_a_preview_shows_unsaved_related_pages_while_patients_see_the_kept_ones(self):
        page = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
        patients = self.client_class()
        kept = main_text(patients.get(page.url))  # the live page's lists are now kept
        assert "Complex regional pain syndrome" not in kept
        crps = ConditionPage.objects.get(slug="complex-regional-pain-syndrome")

        data = editor_form_data(self.client, page)
        data["conditions_treated"] = [*data["conditions_treated"], str(crps.pk)]
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        assert self.client.post(preview_url, data).json()["is_valid"]
        assert "Complex regional pain syndrome" in main_text(self.client.get(preview_url))
        assert main_text(patients.get(page.url)) == kept

        data["action-publish"] = "action-publish"
        self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        assert "Complex regional pain syndrome" in main_text(patients.get(page.url))

    def test_editor_tabs_group_the_fields(self):
        page = Page.objects.get(url_path="/home/procedures/sacroiliac-joint-injection/")
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        soup = BeautifulSoup(response.content, "html.parser")
        tabs = [tab.get_text(strip=True).removesuffix("()") for tab in soup.select("[role=tab]")]
        assert tabs[:6] == [
            "Content",
            "Safety",
            "At a glance",
            "Related",
            "Medical review",
            "Promote",
        ]
        assert "Other names for this, one per line" in response.content.decode()

    def clinic_details_form(self, clinic, hours, **changes):
        return clinic_details_form(clinic, hours, **changes)

    def test_site_admin_edits_the_clinic_details(self):
        clinic = ClinicSettings.objects.get()
        url = reverse("wagtailsettings:edit", args=["clinic", "clinicsettings", clinic.site_id])
        response = self.client.get(url)
        assert response.status_code == 200
        rows = list(clinic.hours.order_by("weekday"))
        assert [row.weekday for row in rows] == [0, 1, 2, 3, 4]  # Monday to Friday
        hours = [
            {"id": row.pk, "weekday": row.weekday, "opens": "09:00", "closes": "16:00"}
            for row in rows[:4]
        ]
        friday = rows[4]
        hours.append(
            {"id": friday.pk, "weekday": 4, "opens": "08:00", "closes": "17:00", "DELETE": "1"}
        )
        data = self.clinic_details_form(
            clinic,
            hours,
            phone="(312) 555-0111",
            street_address="1 New Street",
            opening_hours_note="Closed on public holidays",
        )
        response = self.client.post(url, data)
        assert response.status_code == 302
        home = self.client.get("/").content.decode()
        assert "tel:+13125550111" in home
        assert "1 New Street" in home
        assert "Monday to Thursday: 9 am to 4 pm" in home
        assert "Friday to Sunday: closed" in home
        assert "Closed on public holidays" in home

    def test_closing_time_before_opening_time_is_refused_and_the_form_kept(self):
        clinic = ClinicSettings.objects.get()
        url = reverse("wagtailsettings:edit", args=["clinic", "clinicsettings", clinic.site_id])
        rows = list(clinic.hours.order_by("weekday"))
        hours = [
            {"id": row.pk, "weekday": row.weekday, "opens": "08:00", "closes": "17:00"}
            for row in rows
        ]
        hours[0]["closes"] = "07:00"
        response = self.client.post(
            url, self.clinic_details_form(clinic, hours, street_address="2 Kept Street")
        )
        assert response.status_code == 200
        page = response.content.decode()
        assert "The closing time (7:00 am) must be after the opening time (8:00 am)." in page
        assert "2 Kept Street" in page
        assert clinic.hours.get(weekday=0).closes.hour == 17

    def test_site_admin_links_the_patient_portal_and_bill_payment_as_other_websites(self):
        clinic = ClinicSettings.objects.get()
        url = reverse("wagtailsettings:edit", args=["clinic", "clinicsettings", clinic.site_id])
        hours = [
            {"id": row.pk, "weekday": row.weekday, "opens": "08:00", "closes": "17:00"}
            for row in clinic.hours.order_by("weekday")
        ]
        # Nothing set: nothing shown.
        assert "Patient portal" not in self.client.get("/contact/").content.decode()
        refused = self.client.post(
            url,
            self.clinic_details_form(
                clinic, hours, patient_portal_url="http://portal.example.org/"
            ),
        )
        assert refused.status_code == 200
        assert "Enter a secure address starting with https://." in refused.content.decode()
        sent = self.client.post(
            url,
            self.clinic_details_form(
                clinic,
                hours,
                patient_portal_url="https://portal.example.org/",
                bill_payment_url="https://pay.example.org/clinic",
            ),
        )
        assert sent.status_code == 302
        for address in ("/", "/contact/"):
            page = BeautifulSoup(self.client.get(address).content, "html.parser")
            portal = page.select_one('a[href="https://portal.example.org/"]')
            payment = page.select_one('a[href="https://pay.example.org/clinic"]')
            assert " ".join(portal.get_text(" ", strip=True).split()) == (
                "Patient portal (another website)"
            )
            assert payment.get_text(" ", strip=True).startswith("Pay a bill")
        spanish = BeautifulSoup(self.client.get("/es/contacto/").content, "html.parser")
        portal = spanish.select(".glance a[href='https://portal.example.org/']")
        assert portal and "Portal del paciente (otro sitio web)" in portal[0].get_text(
            " ", strip=True
        )

    def test_clinic_details_need_a_phone_number(self):
        clinic = ClinicSettings.objects.get()
        url = reverse("wagtailsettings:edit", args=["clinic", "clinicsettings", clinic.site_id])
        response = self.client.post(url, self.clinic_details_form(clinic, [], phone=""))
        assert response.status_code == 200
        assert "This field is required." in response.content.decode()
        clinic.refresh_from_db()
        assert clinic.phone == "(312) 555-0147"

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

    def test_a_photo_too_small_for_the_profile_is_refused_with_a_reason(self):
        physician = Page.objects.get(url_path="/home/physicians/howard-jackson/").specific
        small = ImageFactory(title="Small portrait", file__width=200, file__height=200)
        data = editor_form_data(self.client, physician)
        data["photo"] = [str(small.pk)]
        data["action-publish"] = "action-publish"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[physician.pk]), data)
        assert response.status_code == 200
        assert "Choose one at least 320 × 320 pixels" in response.content.decode()
        physician.refresh_from_db()
        assert physician.photo is None

        big = ImageFactory(title="Portrait", file__width=640, file__height=640)
        data["photo"] = [str(big.pk)]
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[physician.pk]), data)
        assert response.status_code == 302
        physician.refresh_from_db()
        assert physician.photo == big


@pytest.mark.parametrize(
    "page_slug", ["sacroiliac-joint-injection", "sciatica", "howard-jackson", "about"]
)
def test_content_checks_are_in_the_editor(client, page_slug):
    admin = get_user_model().objects.create_superuser("checker", "", "a-long-password")
    sign_in(client, admin)
    page = Page.objects.get(slug=page_slug, locale__language_code="en")
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    for marker in [
        "data-content-readability-score",
        "data-content-word-count",
        "checker-axe-configuration",
    ]:
        assert marker in edit, marker


def test_pages_opens_at_the_home_page_not_the_root_of_the_tree(client):
    admin = get_user_model().objects.create_superuser("owner", "", "a-long-password")
    sign_in(client, admin)
    home = Page.objects.get(depth=2, locale__language_code="en")
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    props = BeautifulSoup(page, "html.parser").select_one("#wagtail-sidebar-props").string
    assert f'"/admin/pages/{home.pk}/"' in props
    assert '"/admin/pages/"' not in props
    assert client.get(f"/admin/pages/{home.pk}/").status_code == 200


def test_the_editor_sees_the_reading_grade_and_a_warning_when_a_page_gets_hard(client, editor):
    sign_in(client, editor)
    page = Page.objects.get(slug="trigger-point-injections").specific
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    panel = BeautifulSoup(client.get(edit_url).content, "html.parser")
    text = " ".join(panel.get_text(" ").split())
    assert "Reading grade" in text
    assert "plain enough for most patients" in text
    assert "harder than grade 8" not in text

    data = editor_form_data(client, page)
    hard = (
        "Intramuscular administration of local anesthetic, occasionally supplemented by "
        "corticosteroid medication, into hyperirritable myofascial trigger points "
        "alleviates referred musculoskeletal discomfort."
    )
    # The editor rewrites the summary and the safety parts in jargon and drops the body.
    data["body-count"] = ["0"]
    for name in ["summary", *(name for name, _ in page.safety_parts)]:
        data[name] = [hard]
    response = client.post(edit_url, data)  # "Save draft"
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.has_unpublished_changes
    text = " ".join(
        BeautifulSoup(client.get(edit_url).content, "html.parser").get_text(" ").split()
    )
    assert "harder than grade 8" in text
    assert "Shorten long sentences" in text
    # The live page patients read is unchanged until the draft is published.
    assert "tight, sore knot" in client.get(page.url).content.decode()
