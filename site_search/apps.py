from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    name = "site_search"
    verbose_name = "Site search"

    def ready(self):
        # Imported here: signal handlers need the models, which load after the app configs.
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
