from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "clinic"
    verbose_name = "Clinic"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
