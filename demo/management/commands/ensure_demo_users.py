import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from home.roles import EDITORS, FRONT_DESK, MEDICAL_REVIEWERS, SITE_ADMINS


# Username, full name, role (None: a superuser).
# Fictional people, so that the admin and its e-mails greet each by a name of their own.
DEMO_USERS = [
    ("admin", "Site Owner", None),
    ("editor", "Erin Editor", EDITORS),
    ("reviewer", "Riley Reviewer", MEDICAL_REVIEWERS),
    ("siteadmin", "Sam Siteadmin", SITE_ADMINS),
    ("frontdesk", "Frankie Frontdesk", FRONT_DESK),
]


class Command(BaseCommand):
    help = (
        "Create the demo site's logins, one per role plus an administrator, with random "
        "passwords printed once. A login that already exists is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, url, **options):
        User = get_user_model()
        created = []
        for username, full_name, role in DEMO_USERS:
            if role is None and User.objects.filter(is_superuser=True).exists():
                continue
            if User.objects.filter(username=username).exists():
                continue
            password = secrets.token_urlsafe(12)
            first_name, last_name = full_name.split(" ", 1)
            if role is None:
                user = User.objects.create_superuser(username=username, email="", password=password)
            else:
                # An address on a reserved domain: the front desk's notices go somewhere.
                email = f"{username}@clinic.invalid"
                user = User.objects.create_user(username=username, password=password, email=email)
                user.groups.add(Group.objects.get(name=role))
            user.first_name, user.last_name = first_name, last_name
            user.save()
            created.append((username, role or "Administrator", password))

        if not created:
            self.stdout.write(
                f"Admin logins at {url} were created earlier (admin, editor, reviewer, siteadmin, frontdesk); "
                "their passwords were printed then. Reset one with: manage.py changepassword NAME"
            )
            return
        self.stdout.write(self.style.SUCCESS(f"Logins for the Wagtail admin at {url}"))
        for username, role, password in created:
            self.stdout.write(f"  {role:18} username: {username:10} password: {password}")
        self.stdout.write("  (Shown once. Change one with: manage.py changepassword NAME)")
