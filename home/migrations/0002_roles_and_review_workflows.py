"""
The site's roles (Editors, Medical reviewers, Site admins) and its review workflows. The same
configuration runs again after every migrate (home.roles), for sections created later.
"""

from django.db import migrations


def configure(apps, schema_editor):
    from home.roles import configure_roles

    configure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("appointments", "0001_initial"),
        ("medical_review", "0001_initial"),
        ("news", "0001_initial"),
        ("site_search", "0001_initial"),
        ("locations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(configure, migrations.RunPython.noop)]
