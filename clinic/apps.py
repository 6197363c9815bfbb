import sys

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate


def apply_site_url(sender, using="default", **kwargs):
    """After `migrate`, the default site takes SITE_URL's address (deploys need no extra step)."""
    # Imported here: site_address loads Wagtail's models, which need the app registry first.
    from clinic.operations.site_address import apply

    if settings.SITE_URL and using == "default":
        site = apply(settings.SITE_URL)
        if site is not None and kwargs.get("verbosity", 1):
            kwargs.get("stdout", sys.stdout).write(f"The site's address is now {site.root_url}.\n")


class ClinicConfig(AppConfig):
    name = "clinic"
    verbose_name = "Clinic"

    def ready(self):
        # Imported here, each: the models they load come after the app configs.
        from clinic.operations import checks  # noqa: F401 (registers the checks; loads Site)
        from clinic.operations.query_deadline import watch_queries  # needs the settings
        from clinic.signal_handlers import register_signal_handlers  # connects to the models
        from clinic.times_of_day import use_in_the_admin  # Wagtail's admin forms load models

        register_signal_handlers()
        watch_queries()
        use_in_the_admin()
        post_migrate.connect(apply_site_url, sender=self, dispatch_uid="clinic_apply_site_url")
