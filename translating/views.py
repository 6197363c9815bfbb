"""
Send a translated page to its workflow (Medical review for clinical pages), and review it there.
wagtail-localize's translation editor offers only Publish, which editors may not do on clinical
pages, and no workflow actions: these views save the translation as a draft and start the
page's workflow, as Wagtail's own "Submit" does, and give its reviewer the task's actions.
"""

from wagtail_localize.views.update_translations import UpdateTranslationsView

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from .status import save_draft, source_page, synced_translation


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


class ReviewTranslationView(WagtailAdminTemplateMixin, TemplateView):
    """
    The reviewer's screen for a translation in review: the draft and the English page to read,
    and the review task's own actions (approve, request changes), posted to Wagtail's workflow
    action view as its buttons in the page editor would.
    """

    template_name = "translating/review_translation.html"
    header_icon = "tasks"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        self.translation = synced_translation(self.page)
        self.task_state = self.page.current_workflow_task_state if self.translation else None
        if self.task_state is None:
            messages.error(request, "This translation is not waiting for a review.")
            return redirect("wagtailadmin_pages:edit", self.page.pk)
        self.task = self.task_state.task.specific
        self.actions = {
            name: label for name, label, _ in self.task.get_actions(self.page, request.user)
        }
        if not self.actions:
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return f"Review: {self.task.name}"

    def get_page_subtitle(self):
        return self.page.title

    def action_url(self, name):
        return reverse(
            "wagtailadmin_pages:workflow_action", args=[self.page.pk, name, self.task_state.pk]
        )

    def get_context_data(self, **kwargs):
        source = source_page(self.translation)
        return super().get_context_data(
            page=self.page,
            source=source,
            language=self.page.locale.get_display_name(),
            draft_url=reverse("wagtailadmin_pages:view_draft", args=[self.page.pk]),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            approve_url=self.action_url("approve") if "approve" in self.actions else "",
            reject_url=self.action_url("reject") if "reject" in self.actions else "",
            **kwargs,
        )
