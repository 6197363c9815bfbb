"""
Send a translated page to its workflow (Medical review for clinical pages). wagtail-localize's
translation editor offers only Publish, which editors may not do on clinical pages; this saves
the translation as a draft and starts the page's workflow, as Wagtail's own "Submit" does.
"""

from wagtail_localize.views.update_translations import UpdateTranslationsView

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from .status import save_draft, synced_translation


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """
    wagtail-localize's "Sync translated pages", without its "Publish immediately" for someone
    who may not publish every translation: that would put a clinical translation live without
    its medical review. They sync, then submit each translation to its workflow.
    """

    def may_publish_every_translation(self):
        for translation in self.object.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:  # not created yet: it will be created unpublished
                continue
            if (
                isinstance(target, Page)
                and not target.permissions_for_user(self.request.user).can_publish()
            ):
                return False
        return True

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_every_translation():
            del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)


class SubmitTranslationView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translating/submit_for_review.html"
    header_icon = "resubmit"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        self.translation = synced_translation(self.page)
        self.workflow = self.page.get_workflow()
        permissions = self.page.permissions_for_user(request.user)
        if self.translation is None or self.workflow is None:
            messages.error(request, "This page is not a translation that goes through review.")
            return redirect("wagtailadmin_pages:edit", self.page.pk)
        if not permissions.can_edit():
            raise PermissionDenied
        if self.page.workflow_in_progress:
            messages.warning(request, f"“{self.page.title}” is already in {self.workflow.name}.")
            return redirect("wagtailadmin_pages:edit", self.page.pk)
        if not permissions.can_submit_for_moderation():  # locked by someone else
            messages.error(request, f"“{self.page.title}” is locked; it cannot be submitted now.")
            return redirect("wagtailadmin_pages:edit", self.page.pk)
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return f"Submit to {self.workflow.name}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_page_subtitle(self):
        return self.page.title

    def get_context_data(self, **kwargs):
        total, translated = self.translation.get_progress()
        return super().get_context_data(
            page=self.page,
            total=total,
            untranslated=total - translated,
            workflow=self.workflow,
            language=self.page.locale.get_display_name(),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            **kwargs,
        )

    def post(self, request, page_id):
        # The translated strings become the page's latest draft; the reviewer approves that one.
        save_draft(self.translation, request.user)
        self.page.refresh_from_db()
        self.workflow.start(self.page, request.user)
        messages.success(
            request,
            f"“{self.page.title}” was sent to {self.workflow.name}. It goes live when it is approved.",
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)
