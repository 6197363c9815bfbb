"""
A site admin links a physician's admin account to their profile from Settings › Users: the
account's approvals name that physician at once, without publishing the profile, and a profile
in someone else's name is linked with a warning that names both people.
"""

import pytest

from django.urls import reverse

from wagtail.models import WorkflowState

from home.roles import MEDICAL_REVIEWERS
from physicians.factories import PhysicianPageFactory
from physicians.models import PhysicianAccount, PhysicianIndexPage
from tests.accounts import make_user, sign_in
from tests.medical_review.test_workflow import submit_new_procedure
from tests.pages import soup, texts


pytestmark = pytest.mark.django_db


def named_user(username, first_name, last_name, group=MEDICAL_REVIEWERS):
    user = make_user(username, group)
    user.first_name, user.last_name = first_name, last_name
    user.save()
    return user


def profile(title, family_name="Reviewer", publish=True, **fields):
    physician = PhysicianPageFactory(
        parent=PhysicianIndexPage.objects.get(locale__language_code="en"),
        title=title,
        family_name=family_name,
        live=publish,
        **fields,
    )
    revision = physician.save_revision()
    if publish:
        revision.publish()
    return physician


@pytest.fixture
def riley():
    return named_user("riley", "Riley", "Reviewer")


@pytest.fixture
def robins_profile(riley):
    """Dr. Robin Reviewer's live profile, linked by mistake to Riley's account."""
    robin = profile("Robin Reviewer")
    PhysicianAccount.objects.create(physician=robin, account=riley)
    return robin


@pytest.fixture
def rileys_draft():
    """Dr. Riley Reviewer's profile, a draft not yet ready for Find a Physician."""
    return profile("Riley Reviewer", publish=False)


@pytest.fixture
def admin(client, site_admin):
    return sign_in(client, site_admin)


def account_form(client, account, **changes):
    """The account's edit form as the site admin sees it, with `changes` made."""
    page = soup(client.get(reverse("wagtailusers_users:edit", args=[account.pk])))
    data = {
        field["name"]: field.get("value", "")
        for field in page.select("form input[name]")
        if field.get("type") not in ("checkbox", "password", "submit")
    }
    data["groups"] = [box["value"] for box in page.select("input[name=groups][checked]")]
    data["is_active"] = "on"
    chosen = page.select_one("select[name=physician_profile] option[selected]")
    data["physician_profile"] = chosen["value"] if chosen else ""
    data.update(changes)
    return data


def save_account(client, account, **changes):
    url = reverse("wagtailusers_users:edit", args=[account.pk])
    return client.post(url, account_form(client, account, **changes), follow=True)


def warnings_of(response):
    """The warnings shown after saving the account (it was saved: back on the list of users)."""
    assert response.redirect_chain[-1][0] == reverse("wagtailusers_users:index")
    return [str(m) for m in response.context["messages"] if m.level_tag == "warning"]


def test_the_account_form_lists_physicians_by_name_a_to_z_marking_drafts_and_linked_ones(
    admin, riley, rileys_draft
):
    robin = named_user("robin", "Robin", "Reviewer")
    PhysicianAccount.objects.create(physician=profile("Robin Reviewer"), account=robin)
    page = soup(admin.get(reverse("wagtailusers_users:edit", args=[riley.pk])))
    choice = page.select_one("select[name=physician_profile]")
    assert page.find("label", attrs={"for": choice["id"]}).get_text(strip=True) == (
        "Physician profile"
    )
    assert texts(choice.select("option")) == [
        "None: not a physician",
        "Faisal A. Chaudhry, M.D.",
        "Dr. Howard Jackson",  # the demo's two, in English only (not their Spanish pages)
        "Riley Reviewer, M.D. (draft)",
        "Robin Reviewer, M.D. — linked to Robin Reviewer (robin)",
    ]
    new_account = soup(admin.get(reverse("wagtailusers_users:add")))
    assert new_account.select_one("select[name=physician_profile]")


def test_linking_an_account_to_a_draft_profile_credits_it_without_publishing_it(
    admin, client, editor, riley, robins_profile, rileys_draft
):
    response = save_account(admin, riley, physician_profile=str(rileys_draft.pk))
    assert warnings_of(response) == []  # the names match

    rileys_draft.refresh_from_db()
    assert not rileys_draft.live  # still a draft: not in Find a Physician or the form
    assert "Riley Reviewer" not in client.get("/physicians/").content.decode()
    assert "Riley Reviewer" not in client.get("/appointments/request/").content.decode()

    procedure = submit_new_procedure(client, editor)
    sign_in(client, riley)
    task_state = WorkflowState.objects.get(object_id=str(procedure.pk)).current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[procedure.pk, "approve", task_state.pk])
    )
    line = soup(client.get(procedure.url)).select_one(".review-line")
    assert line.get_text(" ", strip=True).startswith("Medically reviewed by Riley Reviewer, M.D.")
    assert line.a is None  # no link to a profile patients cannot open yet


def test_a_profile_in_someone_elses_name_is_linked_with_a_warning_naming_both(
    admin, riley, rileys_draft
):
    robin = profile("Robin Reviewer")
    response = save_account(admin, riley, physician_profile=str(robin.pk))
    warning = (
        "This profile is Robin Reviewer, M.D. but the account belongs to Riley Reviewer: the "
        "pages Riley Reviewer approves will say Robin Reviewer, M.D. reviewed them. Check that "
        "this is the physician's own account."
    )
    assert warnings_of(response) == [warning]
    assert riley.physician_account.physician == robin  # a warning: a nickname may differ


@pytest.mark.parametrize(
    "title, credentials",
    [("Riley Q. Reviewer", "M.D."), ("Dr. Riley Reviewer", ""), ("RILEY REVIEWER, M.D.", "")],
)
def test_the_same_name_written_differently_is_no_mismatch(admin, riley, title, credentials):
    physician = profile(title, credentials=credentials)
    response = save_account(admin, riley, physician_profile=str(physician.pk))
    assert warnings_of(response) == []


def test_a_profile_linked_to_another_account_is_refused_naming_that_account(admin, riley):
    robin = named_user("robin", "Robin", "Reviewer")
    robins = profile("Robin Reviewer")
    PhysicianAccount.objects.create(physician=robins, account=robin)
    response = save_account(admin, riley, physician_profile=str(robins.pk))
    assert "Robin Reviewer, M.D. is linked to the account Robin Reviewer (robin)" in (
        response.content.decode()
    )
    assert not PhysicianAccount.objects.filter(account=riley).exists()


def test_choosing_none_unlinks_the_account(admin, riley, robins_profile):
    save_account(admin, riley, physician_profile="")
    assert not PhysicianAccount.objects.filter(account=riley).exists()


def test_the_profiles_editor_shows_its_account_by_name_with_the_mismatch(admin, robins_profile):
    edit = admin.get(reverse("wagtailadmin_pages:edit", args=[robins_profile.pk]))
    tab = soup(edit).select_one("#tab-admin_account")
    text = tab.get_text(" ", strip=True)
    assert "This profile belongs to the admin account Riley Reviewer (riley)" in text
    assert "the account belongs to Riley Reviewer" in text
    assert tab.find("a", string="Riley Reviewer (riley)")["href"] == reverse(
        "wagtailusers_users:edit", args=[robins_profile.admin_account.account_id]
    )
    assert not tab.select("select, input")  # chosen on the account, not here
