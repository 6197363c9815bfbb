"""
The lists of pages staff pick from in the page editors (the procedures a physician performs, the
procedures that come first, a specific form of, a next step, related conditions, a featured
procedure…): live English pages, A to Z, never the page itself. A page chosen earlier that no
longer fits stays on show and chosen, and saving the page keeps it.
"""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.models import Locale

from conditions.models import ConditionPage
from home.models import HomePage
from locations.models import LocationPage
from news.models import NewsPostPage
from physicians.models import PhysicianPage
from procedures.models import ProcedureNextStep, ProcedurePage
from tests.accounts import sign_in
from tests.editor import editor_form_data


pytestmark = pytest.mark.django_db


def english(model, slug=None):
    pages = model.objects.filter(locale__language_code="en")
    return pages.get(slug=slug) if slug else pages.order_by("path").first()


def unfit_pages(model):
    """
    Pages of `model` a list must leave out: an English draft (an abandoned first attempt) and a
    live Spanish page.
    """
    page = english(model)
    draft = page.copy(
        to=page.get_parent(),
        update_attrs={"title": "An abandoned attempt", "slug": "an-abandoned-attempt"},
        keep_live=False,
    )
    spanish = model.objects.filter(locale__language_code="es", live=True).first()
    if spanish is None:
        spanish = page.copy_for_translation(Locale.objects.get(language_code="es"), True)
        spanish.save_revision().publish()
    return draft, spanish


def text(tag):
    """The words in `tag`, those inside a <template> too (get_text() leaves them out)."""
    return " ".join(part.strip() for part in tag.find_all(string=True) if part.strip())


def picker_options(client, page, name):
    """(value, label, chosen) of each page offered by the field `name` in `page`'s editor."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    screen = BeautifulSoup(response.content, "html.parser")
    # find(), not select(): CSS selectors skip the <template> an inline panel's new row is in.
    select = screen.find("select", attrs={"name": name})
    if select is not None:
        return [
            (int(option["value"]), text(option), option.has_attr("selected"))
            for option in select.find_all("option")
            if option["value"]
        ]
    boxes = screen.find_all("input", attrs={"type": "checkbox", "name": name})
    assert boxes, f"no list named {name}"
    return [
        (int(box["value"]), text(box.find_parent("label")), box.has_attr("checked"))
        for box in boxes
    ]


# (page type, its slug, who edits it, the field, the pages it lists)
PICKERS = [
    (ProcedurePage, "sacroiliac-joint-injection", "editor", "prerequisites", ProcedurePage),
    (ProcedurePage, "sacroiliac-joint-injection", "editor", "general_procedure", ProcedurePage),
    (ProcedurePage, "sacroiliac-joint-injection", "editor", "conditions_treated", ConditionPage),
    # The row the editor's "Add next step" copies.
    (
        ProcedurePage,
        "sacroiliac-joint-injection",
        "editor",
        "next_steps-__prefix__-procedure",
        ProcedurePage,
    ),
    (ConditionPage, "sciatica", "editor", "related_conditions", ConditionPage),
    (PhysicianPage, "howard-jackson", "site_admin", "procedures_performed", ProcedurePage),
    (PhysicianPage, "howard-jackson", "site_admin", "conditions_treated", ConditionPage),
    (PhysicianPage, "howard-jackson", "site_admin", "locations", LocationPage),
    (NewsPostPage, None, "editor", "related_procedures", ProcedurePage),
    (NewsPostPage, None, "editor", "related_conditions", ConditionPage),
    (NewsPostPage, None, "editor", "featured_physicians", PhysicianPage),
    (NewsPostPage, None, "editor", "author", PhysicianPage),
    (HomePage, None, "admin_user", "featured_procedures-__prefix__-procedure", ProcedurePage),
    (HomePage, None, "admin_user", "featured_procedures-0-procedure", ProcedurePage),
]


@pytest.mark.parametrize(("page_type", "slug", "role", "name", "listed"), PICKERS)
def test_each_list_offers_live_english_pages_a_to_z_but_not_the_page_itself(
    client, request, page_type, slug, role, name, listed
):
    page = english(page_type, slug)
    draft, spanish = unfit_pages(listed)
    sign_in(client, request.getfixturevalue(role))

    offered = picker_options(client, page, name)
    values = [value for value, _, _ in offered]
    assert draft.pk not in values and spanish.pk not in values and page.pk not in values
    fitting = listed.objects.live().filter(locale__language_code="en").exclude(pk=page.pk)
    assert sorted(values) == sorted(fitting.values_list("pk", flat=True))
    labels = [label for _, label, _ in offered]
    assert labels == sorted(labels, key=str.lower)
    assert set(labels) == set(fitting.values_list("title", flat=True))  # by name, no notes


def test_a_choice_that_no_longer_fits_stays_chosen_and_saving_keeps_it(client, editor):
    page = english(ProcedurePage, "cervical-radiofrequency-ablation")
    draft, spanish = unfit_pages(ProcedurePage)
    # Chosen when they fitted (or by mistake): since unpublished, a translation, the page itself.
    edited = page.get_latest_revision_as_object()
    edited.prerequisites = [*edited.prerequisites.all(), draft, spanish, page]
    edited.general_procedure = draft
    edited.next_steps.add(ProcedureNextStep(procedure=draft, explanation="If it helps."))
    edited.save_revision()
    sign_in(client, editor)

    def chosen(name):
        return {value: label for value, label, on in picker_options(client, page, name) if on}

    prerequisites = chosen("prerequisites")
    assert prerequisites[draft.pk] == "An abandoned attempt (not live: patients do not see it)"
    assert prerequisites[spanish.pk] == f"{spanish.title} (a Spanish page)"
    assert prerequisites[page.pk] == f"{page.title} (this page)"
    assert english(ProcedurePage, "medial-branch-block").pk in prerequisites  # the demo's own
    assert chosen("general_procedure") == {draft.pk: prerequisites[draft.pk]}
    assert chosen("next_steps-0-procedure") == {draft.pk: prerequisites[draft.pk]}

    # Saving the page unchanged keeps every relation.
    data = editor_form_data(client, page)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    saved = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert {draft.pk, spanish.pk, page.pk} <= {p.pk for p in saved.prerequisites.all()}
    assert saved.general_procedure_id == draft.pk
    assert [step.procedure_id for step in saved.next_steps.all()] == [draft.pk]
