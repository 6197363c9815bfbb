from django.conf import settings
from django.core.management.base import BaseCommand

from appointments.tasks import delete_old_requests


class Command(BaseCommand):
    help = (
        "Delete appointment requests older than APPOINTMENT_RETENTION_DAYS (default 90). "
        "Run it daily from cron. The access log keeps who looked at which request number."
    )

    def handle(self, *args, **options):
        count = delete_old_requests()
        days = settings.APPOINTMENT_RETENTION_DAYS
        self.stdout.write(f"Appointment requests older than {days} days: {count} deleted.")
