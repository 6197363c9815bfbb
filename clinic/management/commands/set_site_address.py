from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from clinic import site_address


class Command(BaseCommand):
    help = (
        "Give the default Wagtail site its public address (hostname and port; the scheme follows "
        "from the port), from the argument or SITE_URL. `migrate` does the same when SITE_URL is set."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "url", nargs="?", help="e.g. https://clinic.example (default: SITE_URL)"
        )

    def handle(self, *args, url=None, **options):
        url = url or settings.SITE_URL
        if not url:
            raise CommandError("Give the address, e.g. https://clinic.example, or set SITE_URL.")
        from wagtail.models import Site

        if not Site.objects.filter(is_default_site=True).exists():
            raise CommandError("There is no default site yet: run migrate (and load_demo_content).")
        try:
            site = site_address.apply(url)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if site is None:
            self.stdout.write(f"The site's address was already {url}.")
        else:
            self.stdout.write(f"The site's address is now {site.root_url}.")
