from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from second_factor.devices import remove_second_factor


class Command(BaseCommand):
    help = (
        "Remove a member of staff's authenticator app and recovery codes, when the phone and "
        "the codes are both lost. At the next sign-in they set up a new app. Check who is "
        "asking before you run it."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user is called {username!r}.") from None
        remove_second_factor(user)
        self.stdout.write(
            f"Two-step verification reset for {username}: they set up a new app at next sign-in."
        )
