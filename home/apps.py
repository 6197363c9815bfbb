from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def configure_roles_after_migrate(**kwargs):
    # Imported here: roles names models of other apps, which load after the app configs.
    from .roles import configure_roles

    configure_roles(apps)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site pages"

    def ready(self):
        # After the last app's post_migrate, when every app's permissions exist.
        last_app = [config for config in self.apps.get_app_configs() if config.models_module][-1]
        post_migrate.connect(
            configure_roles_after_migrate, sender=last_app, dispatch_uid="home_configure_roles"
        )
