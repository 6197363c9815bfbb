from django.core.management.base import BaseCommand

from demo.loader import DemoContentLoader


class Command(BaseCommand):
    help = (
        "Build the demo clinic (pages, snippets, settings) from the data files in demo/content/. "
        "Creates only what is missing, so it is safe to run again: it never overwrites edits."
    )

    def handle(self, *args, **options):
        self.stdout.write("Building the demo clinic:")
        report = DemoContentLoader(stdout=self.stdout).load()
        if report.created:
            self.stdout.write(
                self.style.SUCCESS(f"Demo content: created {len(report.created)} items.")
            )
        else:
            self.stdout.write("Demo content: everything is already there; nothing changed.")
