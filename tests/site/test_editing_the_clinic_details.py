"""
Site admins edit the clinic's details in the admin: phone, address and opening hours, the links to
the patient portal and bill payment, and what the form refuses.
"""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from clinic.models import ClinicSettings
from tests.editor import clinic_details_form

from .superuser_admin import SuperuserTestCase


pytestmark = pytest.mark.django_db


class AdminEditingTest(SuperuserTestCase):
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
