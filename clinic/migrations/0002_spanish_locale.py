"""Every site has its Spanish locale, so /es/ can be translated into from the first day."""

from django.db import migrations


def add_languages(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="es")


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_languages, migrations.RunPython.noop)]
