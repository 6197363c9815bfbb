"""
Every clinical page tells patients its risks and when to get help, and cannot go live without
them: a procedure's preparation, risks and two tiers of help (911, or us and what to do when we
are closed); a condition's red flags and 911 signs.
"""

from pathlib import Path

import pytest

from django.contrib.auth import get_user_model

from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import rich_text

from clinic.models import ClinicSettings
from conditions.models import ConditionPage
from procedures.models import ProcedureIndexPage, ProcedurePage
from tests.accounts import sign_in
from tests.admin_screens import add_url, procedure_form
from tests.editor import clinic_details_form, clinic_details_url, editor_form_data, hours_rows
from tests.pages import json_ld, soup, texts


pytestmark = pytest.mark.django_db

DEMO_CONTENT = Path(__file__).resolve().parents[2] / "demo" / "content"


def english(model):
    return model.objects.live().filter(locale__language_code="en")


def words(element):
    return " ".join(element.get_text(" ", strip=True).split())


def help_tiers(page):
    """(the emergency tier's text, the other tier's text) of a page's “When to get help”."""
    section = page.select_one("#get-help")
    emergency = section.select_one(".get-help__tier--emergency")
    other = section.select_one(".get-help__tier:not(.get-help__tier--emergency)")
    return words(emergency), words(other)


# Patients


def test_every_demo_procedure_page_shows_its_risks_preparation_and_both_tiers_of_help(client):
    procedures = list(english(ProcedurePage))
    assert len(procedures) == 32
    for procedure in procedures:
        page = soup(client.get(procedure.url))
        before = page.select_one("#before")
        assert texts(before.select("li")) == procedure.before_list, procedure.slug
        risks = page.select_one("#risks")
        assert texts(risks.select("h3")) == ["Common and usually mild", "Rare but serious"]
        assert texts(risks.select("li")) == (
            procedure.common_risk_list + procedure.serious_risk_list
        ), procedure.slug
        emergency, call_us = help_tiers(page)
        assert emergency.startswith("Emergency Call 911 if"), procedure.slug
        assert len(procedure.call_911_list) >= 2 and all(
            sign in emergency for sign in procedure.call_911_list
        ), procedure.slug
        assert call_us.startswith("Call us the same day if"), procedure.slug
        assert len(procedure.call_us_list) >= 2 and all(
            sign in call_us for sign in procedure.call_us_list
        ), procedure.slug
        # The page's own body no longer repeats them in a section of its own.
        assert "Risks" not in texts(page.select(".prose h2")), procedure.slug


def test_no_two_procedures_share_their_serious_risks(client):
    """Written for each procedure: a stellate ganglion block's risks are not a facet injection's."""
    seen = {}
    for procedure in english(ProcedurePage):
        seen.setdefault(procedure.serious_risks, []).append(procedure.slug)
    assert [slugs for slugs in seen.values() if len(slugs) > 1] == []


def test_every_demo_condition_page_shows_its_red_flags_and_when_to_call_911(client):
    conditions = list(english(ConditionPage))
    assert len(conditions) == 20
    for condition in conditions:
        page = soup(client.get(condition.url))
        emergency, see_doctor = help_tiers(page)
        assert emergency.startswith("Emergency Call 911 if"), condition.slug
        assert all(sign in emergency for sign in condition.call_911_list), condition.slug
        assert see_doctor.startswith("When to see a doctor"), condition.slug
        assert "911" not in see_doctor, condition.slug  # the emergency signs are in their own tier


def test_call_us_says_what_to_do_when_the_clinic_is_closed_from_the_clinics_details(
    client, site_admin
):
    clinic = ClinicSettings.objects.get()
    path = "/procedures/stellate-ganglion-block/"
    _, call_us = help_tiers(soup(client.get(path)))
    assert f"Call us at {clinic.phone} (Monday to Friday: 8 am to 5 pm" in call_us
    assert f"When we are closed: call our on-call line at {clinic.on_call_phone}" in call_us
    assert clinic.after_hours_instruction in call_us

    # A clinic without an on-call line tells patients where to go instead, in its own words.
    sign_in(client, site_admin)
    form = clinic_details_form(
        clinic,
        hours_rows(clinic),
        on_call_phone="",
        after_hours_instruction="Go to the Example Hospital emergency room on Main Street.",
    )
    assert client.post(clinic_details_url(clinic), form).status_code == 302
    client.logout()
    for shown_on in [path, "/conditions/sciatica/"]:
        _, tier = help_tiers(soup(client.get(shown_on)))
        assert "on-call" not in tier
        assert tier.endswith(
            "When we are closed: Go to the Example Hospital emergency room on Main Street."
        )


def test_a_spanish_procedure_page_gives_its_risks_and_help_in_spanish(client):
    page = soup(client.get("/es/procedimientos/inyeccion-articulacion-sacroiliaca/"))
    spanish = ProcedurePage.objects.get(slug="inyeccion-articulacion-sacroiliaca")
    assert texts(page.select("#risks li")) == spanish.common_risk_list + spanish.serious_risk_list
    emergency, call_us = help_tiers(page)
    assert emergency.startswith("Emergencia Llame al 911 si")
    assert all(sign in emergency for sign in spanish.call_911_list)
    assert "Si no puede comunicarse con nosotros" in call_us
    english_page = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    assert spanish.call_911_if != english_page.call_911_if  # written in Spanish


def test_a_condition_lists_tests_apart_from_the_procedures_that_may_help(client):
    """Discography finds the source of pain and treats nothing."""
    discography = ProcedurePage.objects.get(slug="discography")
    assert discography.purpose == ProcedurePage.Purpose.DIAGNOSIS
    condition = discography.conditions_treated.first()
    page = soup(client.get(condition.url))
    may_help = page.select_one("#procedures-heading").find_parent("section")
    tests = page.select_one("#tests-heading").find_parent("section")
    assert "Discography" not in words(may_help)
    assert "Discography" in texts(tests.select(".card a, a"))
    graph = json_ld(page)
    medical_condition = next(node for node in graph if node.get("@type") == "MedicalCondition")
    assert [test["name"] for test in medical_condition["typicalTest"]] == ["Discography"]


def test_search_engines_read_the_preparation_and_the_risks(client):
    procedure = ProcedurePage.objects.get(slug="kyphoplasty")
    graph = json_ld(soup(client.get(procedure.url)))
    node = next(node for node in graph if node.get("@id", "").endswith("#procedure"))
    assert node["@type"] == "TherapeuticProcedure"
    assert node["preparation"] == " ".join(procedure.before_list)
    assert [risk["name"] for risk in node["adverseOutcome"]] == (
        procedure.common_risk_list + procedure.serious_risk_list
    )


def test_the_comparison_has_a_risks_row_and_states_every_fact_the_pages_state(client):
    slugs = ["kyphoplasty", "vertebroplasty", "sacroiliac-radiofrequency-ablation"]
    page = soup(client.get("/procedures/compare/", {"p": slugs}))
    rows = {words(row.th): row for row in page.select(".compare-table tbody tr")}
    risks = rows["Rare but serious risks"]
    for cell, slug in zip(risks.select("td"), slugs, strict=True):
        procedure = ProcedurePage.objects.get(slug=slug)
        assert texts(cell.select("li")) == procedure.serious_risk_list
        assert cell.select_one("a")["href"] == f"{procedure.url}#risks"
    assert "Not stated" not in words(page.select_one(".compare-table"))


def test_every_demo_procedure_states_its_facts_at_a_glance():
    for procedure in english(ProcedurePage):
        for name in (
            "purpose",
            "visits_needed",
            "medicines_used",
            "typical_relief_onset",
            "typical_relief_duration",
        ):
            assert getattr(procedure, name), f"{procedure.slug}: {name}"


WRONG_STATEMENTS = [
    "The FDA requires a warning about this for every",
    "relief is permanent",
    "knows that the injected joint is where the pain comes from",
    "used much less often today",
]


def test_the_statements_found_wrong_appear_nowhere():
    for path in DEMO_CONTENT.rglob("*.toml"):
        text = path.read_text()
        for statement in WRONG_STATEMENTS:
            assert statement not in text, f"{path.name}: {statement}"
    for page in Page.objects.live().specific():
        text = str([getattr(page, name, "") for name in getattr(page, "reading_fields", ())])
        for statement in WRONG_STATEMENTS:
            assert statement not in text, f"{page.url_path}: {statement}"


# Editors


@pytest.fixture
def superuser():
    """Who may publish a clinical page directly (editors send it to medical review)."""
    return get_user_model().objects.create_superuser("chief", "", "a-long-password")


def test_an_editor_saves_a_draft_without_the_safety_parts(client, editor):
    sign_in(client, editor)
    index = ProcedureIndexPage.objects.get(locale__language_code="en")
    data = procedure_form(common_risks="", call_911_if="")
    response = client.post(add_url(index, ProcedurePage), data)
    assert response.status_code == 302
    page = ProcedurePage.objects.get(slug="genicular-nerve-block")
    assert not page.live


@pytest.mark.parametrize(
    ("user", "action", "missing", "named"),
    [
        ("editor", "action-submit", {"serious_risks": ""}, "Risks: rare but serious"),
        (
            "editor",
            "action-submit",
            {"call_911_if": "", "call_us_if": ""},
            "When to get help: call 911 if",
        ),
        ("superuser", "action-publish", {"before_procedure": ""}, "Before your procedure"),
    ],
)
def test_a_procedure_without_a_safety_part_cannot_go_to_review_or_live(
    client, request, user, action, missing, named
):
    sign_in(client, request.getfixturevalue(user))
    index = ProcedureIndexPage.objects.get(locale__language_code="en")
    data = procedure_form(**missing)
    data[action] = "on"
    response = client.post(add_url(index, ProcedurePage), data)
    assert response.status_code == 200
    page = soup(response)
    message = words(page.select_one(".messages"))
    assert "This page cannot go to medical review or go live until it has:" in message
    assert named in message
    # and the field itself says what is missing
    for name in missing:
        field = page.select_one(f"[data-field-wrapper] #id_{name}").find_parent(
            attrs={"data-field-wrapper": True}
        )
        assert "Patients must be able to read" in words(field)
    assert not ProcedurePage.objects.filter(slug="genicular-nerve-block").exists()
    assert not WorkflowState.objects.exists()


def test_a_condition_without_its_red_flags_cannot_be_published(client, superuser):
    sign_in(client, superuser)
    condition = ConditionPage.objects.get(slug="sciatica")
    data = editor_form_data(client, condition)
    data["when_to_see_doctor"] = [rich_text("")]
    data["action-publish"] = ["on"]
    response = client.post(f"/admin/pages/{condition.pk}/edit/", data)
    assert response.status_code == 200
    assert "When to see a doctor" in words(soup(response).select_one(".messages"))
    assert ConditionPage.objects.get(pk=condition.pk).when_to_see_doctor  # unchanged
