"""
Staff type opening hours the way they write them ("3:00 pm", "3 pm", "9:30am", "noon",
"15:00") in the clinic details and on a location page; a time the form cannot read, or one
that could be morning or afternoon, is refused with the forms that work, never changed.
"""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import timezone

from clinic.models import ClinicSettings
from locations.models import LocationPage
from tests.accounts import sign_in
from tests.editor import clinic_details_form, editor_form_data


pytestmark = pytest.mark.django_db

EXAMPLES = "Write it like 9 am, 9:30 am, 3 pm, 3:00 pm, noon or 15:00."


@pytest.fixture
def clinic(client, site_admin):
    sign_in(client, site_admin)
    return ClinicSettings.objects.get()


def settings_url(clinic):
    return reverse("wagtailsettings:edit", args=["clinic", "clinicsettings", clinic.site_id])


def weekdays(clinic, opens, closes):
    return [
        {"id": row.pk, "weekday": row.weekday, "opens": opens, "closes": closes}
        for row in clinic.hours.order_by("weekday")
    ]


def text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def field_value(response, name):
    return BeautifulSoup(response.content, "html.parser").find("input", {"name": name})["value"]


def errors(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [" ".join(e.get_text(" ").split()) for e in page.select(".error-message")]


@pytest.mark.parametrize(
    ("opens", "closes", "shown"),
    [
        ("9", "3:00 pm", "9 am to 3 pm"),
        ("9:30am", "3 pm", "9:30 am to 3 pm"),
        ("8 a.m.", "3pm", "8 am to 3 pm"),
        ("noon", "3:00 PM", "noon to 3 pm"),
        ("09:00", "15:00", "9 am to 3 pm"),
    ],
)
def test_clinic_hours_typed_as_staff_write_them_are_saved_as_meant(
    client, clinic, opens, closes, shown
):
    hours = weekdays(clinic, opens, closes)
    response = client.post(settings_url(clinic), clinic_details_form(clinic, hours))
    assert response.status_code == 302, errors(response)
    assert f"Monday to Friday: {shown}" in text(client.get("/"))
    # The form shows the saved times the way they are typed.
    form = client.get(settings_url(clinic))
    assert field_value(form, "hours-0-closes") == "3:00 pm"


@pytest.mark.parametrize(
    ("closes", "message"),
    [
        ("half past three", f"“half past three” is not a time this form can read. {EXAMPLES}"),
        ("15:00 pm", f"“15:00 pm”: with am or pm, the hour is 1 to 12. {EXAMPLES}"),
        (
            "3:00",
            (
                "Is “3:00” in the morning or the afternoon? For the afternoon, write 3:00 pm or "
                "15:00; for the morning, 3:00 am."
            ),
        ),
    ],
)
def test_a_time_the_form_cannot_read_for_sure_is_refused_with_the_forms_that_work(
    client, clinic, closes, message
):
    hours = weekdays(clinic, "08:00", "17:00")
    hours[0]["closes"] = closes
    response = client.post(settings_url(clinic), clinic_details_form(clinic, hours))
    assert response.status_code == 200
    assert message in errors(response)
    assert field_value(response, "hours-0-closes") == closes  # kept as typed, to correct
    assert clinic.hours.get(weekday=0).closes == datetime.time(17)


def test_a_closing_time_before_the_opening_time_names_both_times_as_read(client, clinic):
    hours = weekdays(clinic, "9", "5:30 am")
    response = client.post(settings_url(clinic), clinic_details_form(clinic, hours))
    assert response.status_code == 200
    assert "The closing time (5:30 am) must be after the opening time (9:00 am)." in errors(
        response
    )


def test_a_location_page_takes_hours_and_a_shorter_day_as_staff_write_them(client, site_admin):
    sign_in(client, site_admin)
    location = LocationPage.objects.get(slug="anytown")
    data = editor_form_data(client, location)
    # The saved hours come back in the form as they are typed, and are read back unchanged.
    assert data["hours-0-opens"] == ["8:00 am"]
    assert data["hours-0-closes"] == ["5:00 pm"]
    data["hours-0-closes"] = ["3:00 pm"]
    day = timezone.localdate() + datetime.timedelta(days=7)
    new = int(data["exceptions-TOTAL_FORMS"][0])
    data.update(
        {
            "exceptions-TOTAL_FORMS": [str(new + 1)],
            f"exceptions-{new}-id": [""],
            f"exceptions-{new}-date": [day.isoformat()],
            f"exceptions-{new}-reason": ["Staff training"],
            f"exceptions-{new}-opens": ["9am"],
            f"exceptions-{new}-closes": ["noon"],
            "action-publish": ["Publish"],
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[location.pk]), data)
    assert response.status_code == 302, errors(response)
    page = text(client.get(location.url))
    assert "Staff training: open 9 am to noon" in page
    assert location.hours.order_by("weekday", "opens").first().closes == datetime.time(15)
