from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils.dateformat import format as format_date

from medical_review.models import MEDICAL_REVIEWERS
from medical_review.reports import due_pages, status_of
from physicians.models import PhysicianAccount


class Command(BaseCommand):
    help = (
        "E-mail each medical reviewer the clinical pages that are overdue, never reviewed or due "
        "within 30 days. Pages without a reviewer go to every member of the Medical reviewers "
        "group. Run it daily from cron, e.g. 0 7 * * * cd /srv/clinic && "
        ".venv/bin/python manage.py send_review_reminders"
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say what would be sent.")

    def handle(self, *args, dry_run=False, **options):
        pages = list(due_pages())
        accounts = {
            link.physician_id: link.account
            for link in PhysicianAccount.objects.filter(
                physician_id__in={page.reviewer_page_id for page in pages if page.reviewer_page_id}
            ).select_related("account")
        }
        group_members = list(
            get_user_model().objects.filter(groups__name=MEDICAL_REVIEWERS, is_active=True)
        )
        by_reviewer = defaultdict(list)
        for page in pages:
            account = accounts.get(page.reviewer_page_id)
            for user in [account] if account else group_members:
                if user.email:
                    by_reviewer[user].append(page)

        for user, user_pages in by_reviewer.items():
            lines = [
                f"- {page.title}: {status_of(page).lower()}"
                + (
                    f", due {format_date(page.next_review_due, 'F j, Y')}"
                    if page.next_review_due
                    else ""
                )
                + f"\n  {settings.WAGTAILADMIN_BASE_URL}{reverse('wagtailadmin_pages:edit', args=[page.pk])}"
                for page in user_pages
            ]
            body = (
                f"Hello {user.get_full_name() or user.get_username()},\n\n"
                f"These clinical pages need a medical review:\n\n" + "\n".join(lines) + "\n\n"
                "Each stays published until you review it. Open a page and approve it in its "
                "medical review to record the review.\n"
            )
            subject = f"{len(user_pages)} clinical page{'s' if len(user_pages) != 1 else ''} need your review"
            if dry_run:
                self.stdout.write(f"Would send to {user.email}: {subject}")
            else:
                send_mail(subject, body, None, [user.email])
        self.stdout.write(
            f"{len(pages)} pages due; {'would send' if dry_run else 'sent'} "
            f"{len(by_reviewer)} reminder{'s' if len(by_reviewer) != 1 else ''}."
        )
