from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from clinic.operations import site_address


class Command(BaseCommand):
    help = (
        "Give the default Wagtail site its public address (hostname and port; the scheme follows "
        "from the port), from the argument or SITE_URL. `migrate` does the same when SITE_URL is set."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "url", nargs="?", help="e.g. https://clinic.example (default: SITE_URL)"
        )
        parser.add_argument(
            "--if-local",
            action="store_true",
            help=(
                "Change the address only while it is a local one (Wagtail's localhost:80, or "
                "http://127.0.0.1:PORT from an earlier run), as `make run` does: a real address "
                "a site admin or a deploy gave the site is kept."
            ),
        )

    def handle(self, *args, url=None, if_local=False, **options):
        url = url or settings.SITE_URL
        if not url:
            raise CommandError("Give the address, e.g. https://clinic.example, or set SITE_URL.")

        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site yet: run migrate (and load_demo_content).")
        if if_local and not site_address.is_local(site):
            self.stdout.write(
                f"The site's address stays {site.root_url} (Settings › Sites), so its links "
                f"lead there, not to {url}. To change it: manage.py set_site_address {url}"
            )
            return
        try:
            site = site_address.apply(url)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if site is None:
            self.stdout.write(f"The site's address was already {url}.")
        else:
            self.stdout.write(f"The site's address is now {site.root_url}.")
