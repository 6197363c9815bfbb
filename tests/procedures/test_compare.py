"""Comparing procedures side by side: choosing them, the table, bad addresses, languages."""

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext

from appointments.models import AppointmentRequest
from clinic.caching import content_version
from procedures.models import ProcedurePage
from tests.accounts import sign_in
from tests.appointments.conftest import PATIENT
from tests.fictional_content import create_fictional_physician, record_fictional_review
from tests.pages import soup, texts


pytestmark = pytest.mark.django_db

COMPARE = "/procedures/compare/"
FACET = "lumbar-facet-injection"
NEUROTOMY = "radiofrequency-medial-branch-neurotomy"
SI_JOINT = "sacroiliac-joint-injection"
KYPHOPLASTY = "kyphoplasty"


def compare(client, *slugs, path=COMPARE):
    return client.get(path, {"p": list(slugs)})


def table(page):
    """{row label: [cell text, ...]} of the comparison table."""
    return {
        row.th.get_text(" ", strip=True): [
            " ".join(cell.get_text(" ", strip=True).split()) for cell in row.find_all("td")
        ]
        for row in page.select(".compare-table tbody tr")
    }


def test_two_procedures_side_by_side_with_every_fact_and_their_relations(client):
    page = soup(compare(client, NEUROTOMY, FACET))
    assert page.h1.get_text(strip=True) == "Compare procedures"
    assert page.select_one(".compare-table caption").get_text(strip=True) == (
        "2 procedures compared"
    )
    columns = page.select(".compare-table thead th[scope=col]")
    assert texts(columns) == [
        "Radiofrequency medial branch neurotomy",
        "Lumbar facet injection",
    ]  # in the order chosen
    assert columns[0].a["href"] == f"/procedures/{NEUROTOMY}/"
    rows = table(page)
    assert all(th["scope"] == "row" for th in page.select(".compare-table tbody th"))
    neurotomy = ProcedurePage.objects.get(slug=NEUROTOMY)
    facet = ProcedurePage.objects.get(slug=FACET)
    assert rows["Visits needed"] == [neurotomy.visits_needed, facet.visits_needed]
    assert rows["Medicines used"] == [neurotomy.medicines_used, facet.medicines_used]
    assert rows["How long relief usually lasts"] == [
        neurotomy.typical_relief_duration,
        facet.typical_relief_duration,
    ]
    assert rows["Purpose"] == ["To treat pain", "To find the source of pain and to treat it"]
    assert rows["What comes first"] == ["Medial branch block", "No other procedure"]
    assert "Spondylosis" in rows["Conditions it treats"][1]
    assert rows["Medical review"] == ["No review recorded", "No review recorded"]
    # On a phone the same facts read procedure by procedure.
    cards = page.select(".compare-card")
    assert [card.h2.get_text(strip=True) for card in cards] == texts(columns)
    facts = [dt.get_text(strip=True) for dt in cards[0].select("dt")]
    assert facts == list(rows)


def test_comparisons_are_kept_out_of_search_engines_under_one_address(client):
    page = soup(compare(client, SI_JOINT, FACET, NEUROTOMY))
    assert page.select_one('meta[name="robots"]')["content"] == "noindex, follow"
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert canonical == f"http://localhost{COMPARE}?p={FACET}&p={NEUROTOMY}&p={SI_JOINT}"


def test_the_review_record_of_each_procedure_is_shown(client):
    record_fictional_review(create_fictional_physician())
    rows = table(soup(compare(client, SI_JOINT, FACET)))
    reviewed, not_reviewed = rows["Medical review"]
    assert reviewed.startswith("Reviewed by Alex Example")
    assert not_reviewed == "No review recorded"


def test_choosing_from_the_list_on_the_page(client):
    page = soup(client.get(COMPARE))
    assert page.select_one(".compare-table") is None
    form = page.select_one("form.compare-picker")
    assert form["method"] == "get" and form["action"] == COMPARE
    boxes = form.select("input[type=checkbox][name=p]")
    assert len(boxes) == ProcedurePage.objects.live().filter(locale__language_code="en").count()
    assert not any(box.has_attr("checked") for box in boxes)
    # One chosen: the page asks for another, with that one ticked.
    page = soup(compare(client, FACET))
    assert "Choose at least one more procedure to compare." in page.get_text()
    assert [box["value"] for box in page.select("input[checked]")] == [FACET]


@pytest.mark.parametrize(
    ("slugs", "message"),
    [
        ((FACET, "no-such-procedure"), "We could not find a procedure at “no-such-procedure”."),
        ((FACET, "sciatica"), "We could not find a procedure at “sciatica”."),  # a condition
        ((FACET, "<script>alert(1)</script>"), "We could not find a procedure at"),
        ((FACET, NEUROTOMY, SI_JOINT, KYPHOPLASTY, "discography"), "up to 4 procedures"),
        ((FACET,) * 30, "up to 4 procedures"),
    ],
)
def test_a_bad_choice_is_explained_on_the_same_page(client, slugs, message):
    response = compare(client, *slugs)
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    summary = page.select_one(".error-summary")
    assert message in summary.get_text()
    assert "<script>alert" not in response.content.decode()
    assert page.select_one(".compare-table") is None
    # What was right stays ticked, to fix the rest.
    assert FACET in [box["value"] for box in page.select("input[checked]")]


def test_a_procedure_chosen_twice_is_compared_once(client):
    response = compare(client, FACET, NEUROTOMY, FACET)
    assert response.status_code == 200
    page = soup(response)
    assert "“Lumbar facet injection” was chosen twice; it is shown once." in page.get_text()
    assert len(page.select(".compare-table thead th")) == 2


def test_comparing_four_costs_no_more_queries_than_comparing_two(client, settings):
    settings.PAGE_CACHE = False
    content_version.bump()

    def queries(*slugs):
        client.get(f"/procedures/{FACET}/")  # warm the route and clinic caches alike
        content_version.bump()
        with CaptureQueriesContext(connection) as captured:
            assert compare(client, *slugs).status_code == 200
        return len(captured)

    two = queries(FACET, NEUROTOMY)
    four = queries(FACET, NEUROTOMY, SI_JOINT, KYPHOPLASTY)
    assert four == two, (two, four)


def spanish_kyphoplasty_taken_down():
    """Every demo procedure is in Spanish: unpublish one, so that it is English-only again."""
    ProcedurePage.objects.get(slug="cifoplastia").unpublish()


def test_in_spanish_with_english_procedures_marked_english(client):
    spanish_kyphoplasty_taken_down()
    response = compare(
        client, "inyeccion-facetaria-lumbar", KYPHOPLASTY, path="/es/procedimientos/compare/"
    )
    page = soup(response)
    assert page.html["lang"] == "es"
    assert page.h1.get_text(strip=True) == "Comparar procedimientos"
    spanish, english = page.select(".compare-table thead th[scope=col]")
    assert spanish.get_text(strip=True) == "Inyección facetaria lumbar" and not spanish.get("lang")
    # The English page's title is marked English, and its link says where it leads.
    assert " ".join(english.get_text().split()) == "Kyphoplasty (en inglés)"
    assert english.select_one("[lang=en]").get_text() == "Kyphoplasty"
    rows = table(page)
    assert (
        rows["Visitas necesarias"][0]
        == ProcedurePage.objects.get(slug="inyeccion-facetaria-lumbar").visits_needed
    )
    assert rows["Revisión médica"][0] == "Esta traducción todavía no la ha revisado un médico."


def test_procedure_pages_suggest_comparisons_from_the_conditions_they_share(client):
    page = soup(client.get(f"/procedures/{FACET}/"))
    box = page.select_one(".compare-box")
    form = box.form
    assert form["action"] == COMPARE
    assert form.select_one("input[type=hidden]")["value"] == FACET
    suggested = [box["value"] for box in form.select("input[type=checkbox]")]
    assert NEUROTOMY in suggested and len(suggested) == 3
    assert box.select_one("a.arrow-link")["href"] == f"{COMPARE}?p={FACET}"
    index = soup(client.get("/procedures/"))
    assert COMPARE in [link["href"] for link in index.select(".jump-links a")]


def test_the_appointment_link_carries_the_procedures_to_the_front_desk(client, site_admin):
    spanish_kyphoplasty_taken_down()
    page = soup(
        compare(
            client, "inyeccion-facetaria-lumbar", KYPHOPLASTY, path="/es/procedimientos/compare/"
        )
    )
    spanish = ProcedurePage.objects.get(slug="inyeccion-facetaria-lumbar")
    kyphoplasty = ProcedurePage.objects.get(slug=KYPHOPLASTY)
    link = page.select_one(".call-box a.arrow-link")["href"]
    assert link == f"/es/appointments/request/?compare={spanish.pk},{kyphoplasty.pk}"
    form = soup(client.get(link))
    note = " ".join(form.select_one(".related-note").get_text(" ", strip=True).split())
    # The procedure not yet translated is marked as English.
    assert note == (
        "Pregunta por los procedimientos que comparó: Inyección facetaria lumbar , "
        "Kyphoplasty (en inglés)"
    )
    assert form.select_one(".related-note span[lang=en]").get_text() == "Kyphoplasty"
    hidden = form.select_one("input[name=compared]")["value"]
    assert hidden == f"{spanish.pk},{kyphoplasty.pk}"
    response = client.post("/es/appointments/request/", {**PATIENT, "compared": hidden})
    assert response.status_code == 302
    sent = AppointmentRequest.objects.get()
    # The front desk reads the English names, and names only.
    assert sent.compared_procedures == "Lumbar facet injection; Kyphoplasty"
    sign_in(client, site_admin)
    inspect = client.get(f"/admin/appointment-requests/inspect/{sent.pk}/").content.decode()
    assert "Procedures compared" in inspect and "Lumbar facet injection; Kyphoplasty" in inspect


@pytest.mark.parametrize("value", ["abc", "1,1", "999999,999998", ",", "1,2,3,4,5", "9" * 80])
def test_a_stale_or_edited_comparison_link_is_dropped_quietly(client, value):
    form = client.get("/appointments/request/", {"compare": value})
    assert form.status_code == 200
    assert "procedures you compared" not in form.content.decode()
    response = client.post("/appointments/request/", {**PATIENT, "compared": value})
    assert response.status_code == 302  # the request is sent all the same
    assert AppointmentRequest.objects.get().compared_procedures == ""
