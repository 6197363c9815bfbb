"""
A site admin links a physician's login to their profile in Chromium, from Settings › Users, as
in issue 30: first Robin's profile by mistake (and is warned, by name), then Riley's own draft,
which stays out of Find a Physician.
"""

import re

import pytest
from playwright.sync_api import expect

from home.roles import MEDICAL_REVIEWERS, SITE_ADMINS
from physicians.models import PhysicianAccount
from tests.accounts import make_user
from tests.browser.test_admin_times import signed_in_context
from tests.physicians.test_admin_accounts import named_user, profile


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data


def open_account(page, site_url, name):
    """Settings › Users, then the account, as a site admin finds it."""
    page.goto(f"{site_url}/admin/")
    page.get_by_role("button", name="Settings").click()
    page.get_by_role("link", name="Users").click()
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()


def test_a_site_admin_links_a_login_to_a_draft_profile_with_a_warning_on_the_wrong_one(
    browser, site_url
):
    riley = named_user("riley", "Riley", "Reviewer", MEDICAL_REVIEWERS)
    profile("Robin Reviewer")
    rileys_draft = profile("Riley Reviewer", publish=False)
    admin = make_user("sa", SITE_ADMINS)
    page = signed_in_context(browser, site_url, admin).new_page()

    open_account(page, site_url, "Riley Reviewer")
    choice = page.get_by_label("Physician profile")
    expect(choice.locator("option")).to_have_text(
        [
            "None: not a physician",
            "Faisal A. Chaudhry, M.D.",
            "Dr. Howard Jackson",
            "Riley Reviewer, M.D. (draft)",
            "Robin Reviewer, M.D.",
        ]
    )
    choice.select_option(label="Robin Reviewer, M.D.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("User 'riley' updated.")).to_be_visible()
    expect(
        page.get_by_text(
            "This profile is Robin Reviewer, M.D. but the account belongs to Riley Reviewer: "
            "the pages Riley Reviewer approves will say Robin Reviewer, M.D. reviewed them."
        )
    ).to_be_visible()

    open_account(page, site_url, "Riley Reviewer")
    expect(choice).to_have_value(str(riley.physician_account.physician_id))
    choice.select_option(label="Riley Reviewer, M.D. (draft)")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("User 'riley' updated.")).to_be_visible()
    expect(page.get_by_text("the account belongs to")).to_have_count(0)
    assert PhysicianAccount.objects.get(account=riley).physician_id == rileys_draft.pk

    # The profile's editor names the account; the profile is still an unpublished draft.
    page.get_by_role("link", name="Physicians").click()
    page.get_by_role("link", name="Riley Reviewer", exact=True).click()
    page.get_by_role("tab", name="Admin account").click()
    expect(page.get_by_role("link", name="Riley Reviewer (riley)")).to_be_visible()
    rileys_draft.refresh_from_db()
    assert not rileys_draft.live
    page.goto(f"{site_url}/physicians/")
    expect(page.get_by_role("heading", name=re.compile("Robin Reviewer"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Riley Reviewer"))).to_have_count(0)
