import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create an administrator with a random password and print the login, "
        "but only when the site has no administrator yet."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, username, url, **options):
        User = get_user_model()
        existing = User.objects.filter(is_superuser=True).order_by("pk").first()
        if existing is not None:
            self.stdout.write(
                f"Admin login: {url} as “{existing.get_username()}” (password set earlier; "
                f"change it with: manage.py changepassword {existing.get_username()})"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS("Created an administrator for the Wagtail admin."))
        self.stdout.write(f"  Admin:    {url}")
        self.stdout.write(f"  Username: {username}")
        self.stdout.write(f"  Password: {password}")
        self.stdout.write(
            "  (Shown once. Change it with: manage.py changepassword " + username + ")"
        )
