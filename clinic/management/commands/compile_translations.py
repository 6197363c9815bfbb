"""
Compile the site's translation catalogues (locale/<language>/LC_MESSAGES/*.po) into the .mo
files Django reads. Django's own compilemessages needs GNU gettext's msgfmt; polib (which
wagtail-localize installs) needs nothing else, so `make install` and the release step work on
any machine with Python.
"""

from pathlib import Path

import polib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the translation catalogues (.po) into .mo files."

    def handle(self, *args, **options):
        catalogues = sorted(
            po for folder in settings.LOCALE_PATHS for po in Path(folder).glob("*/LC_MESSAGES/*.po")
        )
        for po_path in catalogues:
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path}: {error}") from error
            mo_path = po_path.with_suffix(".mo")
            # Only what is translated and not marked fuzzy, as msgfmt does.
            catalogue.save_as_mofile(str(mo_path))
            self.stdout.write(
                f"{po_path.relative_to(settings.BASE_DIR)}: "
                f"{len(catalogue.translated_entries())} messages"
            )
