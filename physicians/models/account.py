from django.conf import settings
from django.db import models

from .physician import PhysicianPage


class PhysicianAccount(models.Model):
    """
    A physician's own login to the admin. Kept apart from the profile page: linking an account
    is not a change to what the page says, so it neither waits for nor causes publishing, and
    it is never copied with the page (into a translation or a copy).
    """

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="physician_account"
    )
    physician = models.OneToOneField(
        PhysicianPage, on_delete=models.CASCADE, related_name="admin_account"
    )

    class Meta:
        verbose_name = "physician's admin account"

    def __str__(self):
        return f"{self.physician.display_name}: {self.account.get_username()}"
