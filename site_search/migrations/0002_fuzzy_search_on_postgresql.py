"""
Typo-tolerant search on PostgreSQL: the pg_trgm and unaccent extensions and the trigram indexes
modelsearch's Fuzzy queries use. Creating an extension needs a database superuser; without one
this step only warns, and search falls back to "did you mean" suggestions.
"""

import logging

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import migrations


logger = logging.getLogger(__name__)


def enable_fuzzy_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        call_command("enable_unaccent", verbosity=0)
        call_command("enable_trigram", verbosity=0)
    except CommandError as error:
        logger.warning("Typo-tolerant search is not available: %s", error)


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(enable_fuzzy_search, migrations.RunPython.noop)]
