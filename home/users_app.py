"""Wagtail's users app with the clinic's account screens (home.staff_accounts)."""

from wagtail.users.apps import WagtailUsersAppConfig


class StaffAccountsConfig(WagtailUsersAppConfig):
    user_viewset = "home.staff_accounts.StaffAccountViewSet"
