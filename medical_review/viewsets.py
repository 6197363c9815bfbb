"""
Review records in the admin. Approvals make them; site admins may correct one (a wrong date,
the wrong reviewer), never add or delete one, and every correction is written, with what
changed, to the page's history and to the record's own. Site admins read it in the record's
History: Wagtail opens a page's history only to those who may edit or publish the page, and
clinical pages are for editors and medical reviewers (home.roles).
"""

from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import MedicalReview


class CorrectionsOnlyPolicy(ModelPermissionPolicy):
    """Model permissions as usual, except that nobody adds or deletes review records by hand."""

    denied = {"add", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.denied and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(MedicalReview, CorrectionsOnlyPolicy(MedicalReview))


def shown(value):
    return "none" if value in (None, "") else str(value)


class CorrectionEditView(generic.EditView):
    def save_instance(self):
        changes = [
            f"{self.form.fields[name].label}: {shown(getattr(self.initial_record, name))} "
            f"→ {shown(getattr(self.form.instance, name))}"
            for name in self.form.changed_data
        ]
        # Saved as Wagtail saves it, logged once as a correction rather than a bare "Edit".
        self.action_class(
            self.form.instance, user=self.request.user, form=self.form, log_action=None
        ).execute(skip_permission_checks=True)
        instance = self.form.instance
        if changes:
            for logged in (instance.page.specific, instance):
                log(
                    instance=logged,
                    action="medical_review.corrected",
                    user=self.request.user,
                    data={"changes": changes},
                )
        return instance

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # The record as it was, for the log: the form updates its instance while it validates.
        self.initial_record = MedicalReview.objects.select_related("reviewer").get(
            pk=self.object.pk
        )
        return form


class MedicalReviewViewSet(ModelViewSet):
    model = MedicalReview
    icon = "tasks"  # menu label: the model's verbose_name_plural, as the listing's title
    menu_name = "review-records"
    add_to_settings_menu = True
    name = "review_records"
    edit_view_class = CorrectionEditView
    list_display = ["page", "reviewer", "last_reviewed", "next_review_due"]
    list_filter = ["reviewer"]
    search_fields = ["page__title"]
    form_fields = ["reviewer", "last_reviewed", "next_review_due"]
    inspect_view_enabled = True
