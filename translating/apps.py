from django.apps import AppConfig


class TranslatingConfig(AppConfig):
    name = "translating"
    verbose_name = "Translating"
