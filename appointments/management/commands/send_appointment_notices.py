from django.core.management.base import BaseCommand

from appointments.tasks import retry_staff_notices


class Command(BaseCommand):
    help = (
        "Send again the front desk's notices of new appointment requests that could not be "
        "sent (mail server down). Run it every few minutes from cron."
    )

    def handle(self, *args, **options):
        count = retry_staff_notices()
        self.stdout.write(f"Appointment notices: {count} retried.")
