"""
Reports › Translations to update: every translated page whose English page was published again
after the translation took it in, newest change first, with what to do about each.
"""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from .status import out_of_date_translations


class TranslationsToUpdateView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translating/translations_to_update.html"
    page_title = "Translations to update"
    header_icon = "wagtail-localize-language"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if PagePermissionPolicy().explorable_root_instance(request.user) is None:
            raise PermissionDenied  # staff who work on no page (the front desk)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        # Only the pages this person may edit: the others are not theirs to update.
        editable = PagePermissionPolicy().instances_user_has_permission_for(
            self.request.user, "change"
        )
        rows = [
            {
                "page": target,
                "language": target.locale.get_display_name(),
                "source": source,
                "changed": timezone.localtime(changed),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[target.pk]),
                "source_url": reverse("wagtailadmin_pages:edit", args=[source.pk]),
            }
            for target, source, changed in out_of_date_translations(editable)
        ]
        return super().get_context_data(rows=rows, **kwargs)
