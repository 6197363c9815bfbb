"""A Wagtail page test case signed in to the admin as a superuser, past the second step."""

from django.contrib.auth import get_user_model

from wagtail.test.utils import WagtailPageTestCase

from tests.accounts import sign_in


class SuperuserTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("siteadmin", "", "a-long-password")

    def setUp(self):
        sign_in(self.client, self.admin)
