from urllib.parse import urlencode

from django.urls import reverse

from wagtail.admin.panels import Panel

from clinic.pages.translations import source_of

from .names import account_name, mismatch_warning


class AdminAccountPanel(Panel):
    """
    The physician's admin account, read-only: it is chosen on the account (Settings › Users ›
    Physician profile), where saving it takes effect at once, without publishing this page.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "physicians/admin/admin_account_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            physician = source_of(self.instance) if self.instance.pk else None
            link = getattr(physician, "admin_account", None)
            if link is not None:
                context.update(
                    account_name=account_name(link.account),
                    account_url=reverse("wagtailusers_users:edit", args=[link.account.pk]),
                    warning=mismatch_warning(physician, link.account),
                )
            query = {"q": self.instance.family_name} if self.instance.family_name else {}
            context["find_url"] = f"{reverse('wagtailusers_users:index')}?{urlencode(query)}"
            return context
