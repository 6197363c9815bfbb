"""
Roles no one can climb: a site admin manages accounts in the clinic's four roles, and nothing
more; only a superuser makes a superuser or gives out any other group.
"""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from appointments.models import FRONT_DESK
from home.roles import EDITORS, MEDICAL_REVIEWERS, ROLES, SITE_ADMINS
from tests.accounts import make_user, sign_in


pytestmark = pytest.mark.django_db

User = get_user_model()
ADD = reverse("wagtailusers_users:add")
INDEX = reverse("wagtailusers_users:index")


def edit(user):
    return reverse("wagtailusers_users:edit", args=[user.pk])


def delete(user):
    return reverse("wagtailusers_users:delete", args=[user.pk])


def new_account(username, groups, **extra):
    return {
        "username": username,
        "email": f"{username}@clinic.invalid",
        "first_name": "Sam",
        "last_name": "Example",
        "password1": "a-long-password-for-sam",
        "password2": "a-long-password-for-sam",
        "groups": [group.pk for group in groups],
        **extra,
    }


def refused(response):
    """Wagtail's answer to a screen one may not open: back to the dashboard, with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def role(name):
    return Group.objects.get(name=name)


@pytest.fixture
def superuser():
    return User.objects.create_superuser("boss", "boss@clinic.invalid", "a-long-password")


@pytest.fixture
def everything_group():
    """A group that is not one of the clinic's roles, with rights none of them has."""
    group = Group.objects.create(name="Everything")
    group.permissions.add(Permission.objects.get(codename="change_group"))
    return group


def form_on(response):
    return BeautifulSoup(response.content, "html.parser").select_one("form[method=post]")


def group_choices(form):
    return {
        label.get_text(strip=True)
        for label in form.select("[name=groups]")
        for label in [label.find_parent("label") or label]
    }


def test_a_site_admins_form_offers_the_four_roles_and_no_administrator_box(
    client, site_admin, everything_group
):
    sign_in(client, site_admin)
    form = form_on(client.get(ADD))
    assert form.select_one("[name=is_superuser]") is None
    assert group_choices(form) == set(ROLES)


def test_a_site_admin_cannot_make_a_superuser(client, site_admin):
    sign_in(client, site_admin)
    response = client.post(ADD, new_account("sam", [role(EDITORS)], is_superuser="on"))
    assert response.status_code == 302
    sam = User.objects.get(username="sam")
    assert not sam.is_superuser and not sam.is_staff
    assert list(sam.groups.values_list("name", flat=True)) == [EDITORS]


def test_a_site_admin_cannot_give_out_a_group_beyond_the_roles(
    client, site_admin, everything_group
):
    sign_in(client, site_admin)
    response = client.post(ADD, new_account("sam", [everything_group]))
    assert response.status_code == 200  # the form again, with its error
    assert "is not one of the available choices" in response.content.decode()
    assert not User.objects.filter(username="sam").exists()


def test_a_site_admin_cannot_open_change_or_delete_a_superuser(client, site_admin, superuser):
    sign_in(client, site_admin)
    assert refused(client.get(edit(superuser)))
    takeover = new_account("boss", [], password1="taken-over-1234", password2="taken-over-1234")
    assert refused(client.post(edit(superuser), takeover))
    superuser.refresh_from_db()
    assert superuser.check_password("a-long-password")
    assert refused(client.post(delete(superuser)))
    assert User.objects.filter(pk=superuser.pk).exists()
    # The list links to the accounts the site admin manages, not to the superuser's.
    editor = make_user("writer", EDITORS)
    listing = BeautifulSoup(client.get(INDEX).content, "html.parser")
    assert listing.select(f'a[href="{edit(editor)}"]')
    assert not listing.select(f'a[href="{edit(superuser)}"]')


def bulk(action, accounts):
    ids = "&".join(f"id={account.pk}" for account in accounts)
    return f"/admin/bulk/auth/user/{action}/?{ids}&next={INDEX}"


def test_the_lists_bulk_actions_keep_the_same_rule(client, site_admin, superuser, everything_group):
    writer = make_user("writer", EDITORS)
    sign_in(client, site_admin)
    # "Assign role": the clinic's roles only, never to oneself, never to a superuser.
    page = form_on(client.get(bulk("assign_role", [writer])))
    assert {o.get_text(strip=True) for o in page.select("[name=role] option") if o["value"]} == set(
        ROLES
    )
    client.post(bulk("assign_role", [writer]), {"role": everything_group.pk})
    client.post(bulk("assign_role", [site_admin, superuser]), {"role": role(MEDICAL_REVIEWERS).pk})
    assert list(writer.groups.values_list("name", flat=True)) == [EDITORS]
    assert list(site_admin.groups.values_list("name", flat=True)) == [SITE_ADMINS]
    assert not superuser.groups.exists()
    client.post(bulk("assign_role", [writer]), {"role": role(FRONT_DESK).pk})
    assert set(writer.groups.values_list("name", flat=True)) == {EDITORS, FRONT_DESK}
    # "Set active state" and "Delete" leave a superuser alone.
    client.post(bulk("set_active_state", [superuser]), {"mark_as_active": "False"})
    client.post(bulk("delete", [superuser]))
    superuser.refresh_from_db()
    assert superuser.is_active


def test_a_site_admin_cannot_change_an_account_with_rights_beyond_the_roles(
    client, site_admin, everything_group
):
    other = make_user("other", EDITORS)
    other.groups.add(everything_group)
    sign_in(client, site_admin)
    assert refused(client.get(edit(other)))
    assert refused(client.post(delete(other)))
    assert User.objects.filter(pk=other.pk).exists()


def test_a_site_admin_manages_an_account_in_the_roles(client, site_admin):
    desk = make_user("desk", FRONT_DESK)
    sign_in(client, site_admin)
    assert client.get(edit(desk)).status_code == 200
    data = new_account("desk", [role(FRONT_DESK), role(EDITORS)], is_active="on")
    data.update(password1="a-new-password-for-desk", password2="a-new-password-for-desk")
    assert client.post(edit(desk), data).status_code == 302
    desk.refresh_from_db()
    assert desk.check_password("a-new-password-for-desk")
    assert set(desk.groups.values_list("name", flat=True)) == {FRONT_DESK, EDITORS}


def test_a_site_admin_cannot_pick_their_own_role(client, site_admin):
    sign_in(client, site_admin)
    data = new_account("sa", [role(SITE_ADMINS), role(MEDICAL_REVIEWERS)], password1="")
    data["password2"] = ""
    response = client.post(edit(site_admin), data)
    assert response.status_code == 302
    assert list(site_admin.groups.values_list("name", flat=True)) == [SITE_ADMINS]


def test_a_superuser_still_makes_superusers_and_any_group(client, superuser, everything_group):
    sign_in(client, superuser)
    form = form_on(client.get(ADD))
    assert form.select_one("[name=is_superuser]") is not None
    assert "Everything" in group_choices(form)
    response = client.post(ADD, new_account("deputy", [everything_group], is_superuser="on"))
    assert response.status_code == 302
    assert User.objects.get(username="deputy").is_superuser


@pytest.mark.parametrize("role_name", [EDITORS, MEDICAL_REVIEWERS, FRONT_DESK])
def test_other_roles_cannot_open_the_accounts_at_all(client, role_name, superuser):
    sign_in(client, make_user("someone", role_name))
    for url in [INDEX, ADD, edit(superuser), delete(superuser)]:
        assert client.get(url).status_code in (302, 403), url
    assert client.post(ADD, new_account("sneaky", [], is_superuser="on")).status_code in (302, 403)
    assert not User.objects.filter(username="sneaky").exists()
