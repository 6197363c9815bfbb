from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "clinic"
    verbose_name = "Clinic"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from .signal_handlers import configure_roles_after_migrate, register_signal_handlers

        register_signal_handlers()
        # After the last app's post_migrate, when every app's permissions exist.
        last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
        post_migrate.connect(
            configure_roles_after_migrate, sender=last_app, dispatch_uid="clinic_configure_roles"
        )
