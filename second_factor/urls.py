from django.urls import path

from . import views


# Under /admin/ (registered through Wagtail's register_admin_urls hook).
urlpatterns = [
    path("two-step/", views.verify, name="second_factor_verify"),
    path("two-step/set-up/", views.set_up, name="second_factor_set_up"),
    path("two-step/recovery-codes/", views.make_recovery_codes, name="second_factor_codes"),
    path("two-step/settings/", views.settings_view, name="second_factor_settings"),
]
