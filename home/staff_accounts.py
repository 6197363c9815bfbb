"""
Staff accounts in the admin (Settings › Users), with one rule Wagtail leaves to each site: no
one gives out more than the clinic's roles unless they are a superuser. A site admin creates
and manages accounts in the four roles (home.roles.ROLES) only: the "Administrator" box and any
other group are not on their form, and a superuser's account, or one with rights beyond the
roles, is not theirs to open, change, set a password for or delete. A physician's account also
names their physician profile (physicians.account_forms), the name its approvals show patients.
"""

from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)
from wagtail.users.views.users import CreateView, DeleteView, EditView, IndexView, UserViewSet

from physicians.account_forms import PhysicianProfileChoice

from .roles import ROLES


def may_manage(acting, account):
    """Whether `acting` may change `account`: superusers any; others, clinic roles only."""
    if acting.is_superuser:
        return True
    if account.is_superuser or account.is_staff or account.user_permissions.exists():
        return False
    return not account.groups.exclude(name__in=ROLES).exists()


class RolesOnly:
    """A user form that offers a member of staff who is not a superuser the clinic's roles only."""

    def __init__(self, *args, acting_user, **kwargs):
        super().__init__(*args, **kwargs)
        if not acting_user.is_superuser:
            self.fields.pop("is_superuser", None)
            self.fields["groups"].queryset = Group.objects.filter(name__in=ROLES).order_by("name")
            if self.instance.pk == acting_user.pk:  # nobody but a superuser picks their own role
                self.fields["groups"].disabled = True


class StaffAccountCreationForm(RolesOnly, PhysicianProfileChoice, UserCreationForm):
    pass


class StaffAccountEditForm(RolesOnly, PhysicianProfileChoice, UserEditForm):
    pass


class ActingUserMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "acting_user": self.request.user}


class WarnOfSomeoneElsesProfile:
    """After saving, a site admin is told if the account's physician profile names another."""

    def save_action(self):
        response = super().save_action()
        warning = self.form.physician_mismatch()
        if warning:  # saved all the same: a nickname or a married name may differ
            messages.warning(self.request, warning)
        return response


class StaffAccountIndex(IndexView):
    def get_edit_url(self, instance):
        if may_manage(self.request.user, instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if may_manage(self.request.user, instance):
            return super().get_delete_url(instance)
        return None


class CreateStaffAccount(ActingUserMixin, WarnOfSomeoneElsesProfile, CreateView):
    pass


class EditStaffAccount(ActingUserMixin, WarnOfSomeoneElsesProfile, EditView):
    def dispatch(self, request, *args, **kwargs):
        if not may_manage(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DeleteStaffAccount(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not may_manage(request.user, self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class StaffAccountViewSet(UserViewSet):
    index_view_class = StaffAccountIndex
    add_view_class = CreateStaffAccount
    edit_view_class = EditStaffAccount
    delete_view_class = DeleteStaffAccount
    create_template_name = "home/staff_accounts/create.html"
    edit_template_name = "home/staff_accounts/edit.html"

    def get_form_class(self, for_update=False):
        return StaffAccountEditForm if for_update else StaffAccountCreationForm


# The list's bulk actions ("Assign role", "Set active state", "Delete") follow the same rule:
# an account the member of staff may not manage is listed as not theirs to change, and only a
# superuser assigns a role other than the clinic's, or one to themselves.


class ManageableOnly:
    def check_perm(self, account):
        return super().check_perm(account) and may_manage(self.request.user, account)


class AssignClinicRole(ManageableOnly, AssignRoleBulkAction):
    def check_perm(self, account):
        acting = self.request.user
        return super().check_perm(account) and (acting.is_superuser or account.pk != acting.pk)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.request.user.is_superuser:
            form.fields["role"].queryset = Group.objects.filter(name__in=ROLES).order_by("name")
        return form


class SetActiveStateOfManageable(ManageableOnly, SetActiveStateBulkAction):
    pass


class DeleteManageable(ManageableOnly, DeleteBulkAction):
    pass


BULK_ACTIONS = [AssignClinicRole, SetActiveStateOfManageable, DeleteManageable]
