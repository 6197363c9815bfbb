"""
On PostgreSQL, a GIN index on the expression Wagtail's database search filters on: a page's
title and body together (`title || body @@ query`). Without it every search reads every index
entry; with it, a search for a word few pages have reads only those pages' entries.
"""

from django.db import migrations


INDEX = "site_search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
        "USING gin ((title || body))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0002_fuzzy_search_on_postgresql")]

    operations = [migrations.RunPython(create_index, drop_index)]
