"""Find a Physician: filters that narrow, combine, live in the address and explain bad input."""

import pytest
from bs4 import BeautifulSoup

from clinic.models import Language, Specialty
from conditions.models import ConditionPage
from physicians.factories import PhysicianPageFactory
from physicians.models import PhysicianIndexPage, PhysicianPage
from procedures.models import ProcedurePage


pytestmark = pytest.mark.django_db


@pytest.fixture
def physicians():
    """Four fictional physicians, each differing in one way from the next."""
    index = PhysicianIndexPage.objects.get(locale__language_code="en")
    si = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    mbb = ProcedurePage.objects.get(slug="medial-branch-block")
    sciatica = ConditionPage.objects.get(slug="sciatica")
    anesthesiology = Specialty.objects.get(name="Anesthesiology")
    physiatry = Specialty.objects.get(name="Physical medicine and rehabilitation")
    spanish = Language.objects.get(name="Spanish")  # from the demo's list
    people = {
        "ana": PhysicianPageFactory(
            parent=index,
            title="Ana Alvarez",
            family_name="Alvarez",
            procedures_performed=[si, mbb],
            conditions_treated=[sciatica],
            specialties=[anesthesiology],
        ),
        "ben": PhysicianPageFactory(
            parent=index,
            title="Ben Brown",
            family_name="Brown",
            procedures_performed=[si],
            specialties=[physiatry],
        ),
        "cara": PhysicianPageFactory(
            parent=index,
            title="Cara Cole",
            family_name="Cole",
            procedures_performed=[mbb],
            conditions_treated=[sciatica],
            specialties=[anesthesiology],
        ),
    }
    people["ana"].languages.add(spanish)
    people["ana"].accepting_new_patients = True
    people["ana"].save()
    people["ben"].accepting_new_patients = True
    people["ben"].save()
    return people


def names(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in page.select(".directory__results .card__title a")]


def test_without_filters_every_physician_is_listed(client, physicians):
    response = client.get("/physicians/")
    assert names(response) == [
        "Ana Alvarez, M.D.",
        "Ben Brown, M.D.",
        "Faisal A. Chaudhry, M.D.",
        "Cara Cole, M.D.",
        "Dr. Howard Jackson",
    ]
    assert b'name="robots"' not in response.content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("procedure=sacroiliac-joint-injection", ["Ana Alvarez, M.D.", "Ben Brown, M.D."]),
        ("condition=sciatica", ["Ana Alvarez, M.D.", "Cara Cole, M.D."]),
        ("accepting=on", ["Ana Alvarez, M.D.", "Ben Brown, M.D."]),
        ("name=cole", ["Cara Cole, M.D."]),
        ("name=Howard+Jackson", ["Dr. Howard Jackson"]),
        ("procedure=medial-branch-block&accepting=on", ["Ana Alvarez, M.D."]),
        ("procedure=sacroiliac-joint-injection&condition=sciatica", ["Ana Alvarez, M.D."]),
    ],
)
def test_each_filter_narrows_and_filters_combine(client, physicians, query, expected):
    response = client.get(f"/physicians/?{query}")
    assert response.status_code == 200
    assert names(response) == expected
    assert b'<meta name="robots" content="noindex, follow">' in response.content


def test_specialty_and_language_filters(client, physicians):
    anesthesiology = Specialty.objects.get(name="Anesthesiology")
    spanish = Language.objects.get(name="Spanish")
    assert names(client.get(f"/physicians/?specialty={anesthesiology.pk}")) == [
        "Ana Alvarez, M.D.",
        "Cara Cole, M.D.",
    ]
    assert names(client.get(f"/physicians/?language={spanish.pk}")) == ["Ana Alvarez, M.D."]


def test_the_page_says_how_many_match_and_how_to_remove_a_filter(client, physicians):
    response = client.get("/physicians/?procedure=sacroiliac-joint-injection&accepting=on")
    page = BeautifulSoup(response.content, "html.parser")
    assert (
        page.select_one(".result-count").get_text(" ", strip=True)
        == "2 physicians match your choices"
    )
    removes = {
        li.span.get_text(" ", strip=True): li.a["href"] for li in page.select(".active-filters li")
    }
    assert removes["Procedure they perform: Sacroiliac joint injection"] == "?accepting=on"
    assert (
        removes["Only physicians taking new patients: Yes"]
        == "?procedure=sacroiliac-joint-injection"
    )
    # The form shows the choices made, so the patient can change them.
    assert (
        page.select_one("#id_procedure option[selected]")["value"] == "sacroiliac-joint-injection"
    )


def test_no_match_gives_a_helpful_empty_state(client, physicians):
    response = client.get("/physicians/?procedure=kyphoplasty")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert (
        page.select_one(".result-count").get_text(" ", strip=True)
        == "0 physicians match your choices"
    )
    empty = page.select_one(".empty-state")
    assert "No physician matches all of your choices" in empty.get_text()
    assert empty.select_one("a[href^='tel:']")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("procedure=no-such-procedure", "We could not find that procedure"),
        ("condition=%3Cscript%3E", "We could not find that condition"),
        ("specialty=abc", "We could not find that specialty"),
        ("language=99999", "We could not find that language"),
        ("name=" + "x" * 200, "Please type a shorter name"),
        ("name=a%00b", "Null characters are not allowed"),
    ],
)
def test_bad_filter_values_answer_400_with_a_message(client, physicians, query, message):
    response = client.get(f"/physicians/?{query}")
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert message in page.select_one(".error-summary").get_text()
    assert "<script>" not in response.content.decode()


def test_procedure_and_condition_pages_link_to_their_physicians(client, physicians):
    page = BeautifulSoup(client.get("/procedures/medial-branch-block/").content, "html.parser")
    link = page.find("a", string="Find a physician for this procedure")
    assert link["href"] == "/physicians/?procedure=medial-branch-block"
    assert names(client.get(link["href"])) == ["Ana Alvarez, M.D.", "Cara Cole, M.D."]
    page = BeautifulSoup(client.get("/conditions/sciatica/").content, "html.parser")
    assert (
        page.find("a", string="Find a physician for this condition")["href"]
        == "/physicians/?condition=sciatica"
    )
    # A page no physician is linked to sends patients to the phone, not to an empty list.
    page = BeautifulSoup(client.get("/procedures/kyphoplasty/").content, "html.parser")
    assert page.find("a", string="Find a physician for this procedure") is None
    assert "Call us to find out which of our physicians performs this procedure." in page.text


def test_filtered_directory_query_count_does_not_grow(
    client, physicians, django_assert_max_num_queries
):
    url = "/physicians/?procedure=sacroiliac-joint-injection&accepting=on&name=a"
    client.get(url)
    with django_assert_max_num_queries(16):
        client.get(url)
    index = PhysicianIndexPage.objects.get(locale__language_code="en")
    si = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    for number in range(30):
        physician = PhysicianPageFactory(
            parent=index, title=f"Alexander Example {number}", procedures_performed=[si]
        )
        physician.accepting_new_patients = True
        physician.save()
    client.get(url)
    with django_assert_max_num_queries(16):
        response = client.get(url)
    assert len(names(response)) == 31  # Ana Alvarez and the thirty new ones


def filters_offered(response):
    """{filter name: [option labels]} of the filters the directory shows."""
    page = BeautifulSoup(response.content, "html.parser")
    form = page.select_one("form.filters")
    offered = {
        select["name"]: [option.get_text(strip=True) for option in select.select("option")][1:]
        for select in form.select("select")
    }
    offered.update({box["name"]: [] for box in form.select("input[type=checkbox]")})
    return offered


def test_the_demo_directory_offers_no_filter_that_leads_nowhere(client):
    """The two real physicians have no procedures, specialties or languages on record yet."""
    response = client.get("/physicians/")
    assert filters_offered(response) == {}
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("input[name=name]") is not None  # a name can always be typed
    assert len(names(response)) == 2


def test_each_list_offers_only_what_a_physician_has(client, physicians):
    offered = filters_offered(client.get("/physicians/"))
    assert offered["procedure"] == ["Medial branch block", "Sacroiliac joint injection"]
    assert offered["condition"] == ["Sciatica"]
    assert offered["specialty"] == ["Anesthesiology", "Physical medicine and rehabilitation"]
    assert offered["language"] == ["Spanish"]
    assert "accepting" in offered  # two of three take new patients: it narrows the list


def test_taking_new_patients_is_offered_only_when_it_narrows_the_list(client, physicians):
    for person in PhysicianPage.objects.live():  # the demo's two real physicians too
        person.accepting_new_patients = True
        person.save_revision().publish()
    assert "accepting" not in filters_offered(client.get("/physicians/"))


def test_an_old_link_to_a_procedure_nobody_performs_finds_no_one_and_offers_a_way_on(
    client, physicians
):
    response = client.get("/physicians/?procedure=kyphoplasty")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    chosen = page.select_one("select[name=procedure] option[selected]")
    assert chosen.get_text(strip=True) == "Kyphoplasty"
    empty = page.select_one(".empty-state")
    assert empty.select_one("a[href='/physicians/']")  # the whole list
    assert empty.select_one("a[href^='tel:']")  # and the phone
