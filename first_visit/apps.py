from django.apps import AppConfig


class FirstVisitConfig(AppConfig):
    name = "first_visit"
    verbose_name = "Before a visit"
