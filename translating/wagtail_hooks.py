"""
What the translation editor tells editors: that the English page changed since the translation
took it in, and how to send a translated clinical page to medical review; and the translations
report in the menu only for staff who work on pages.
"""

from django.urls import path, reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from .report import TranslationsToUpdateView
from .status import changed_since, source_page, synced_translation
from .views import ReviewedUpdateTranslationsView, ReviewTranslationView, SubmitTranslationView


# Before wagtail-localize's own URLs: its "sync translated pages" address is answered here.
@hooks.register("register_admin_urls", order=-10)
def register_translation_urls():
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
        ),
        path(
            "translations/<int:page_id>/submit/",
            SubmitTranslationView.as_view(),
            name="submit_translation_for_review",
        ),
        path(
            "translations/to-update/",
            TranslationsToUpdateView.as_view(),
            name="translations_to_update",
        ),
        path(
            "translations/<int:page_id>/review/",
            ReviewTranslationView.as_view(),
            name="review_translation",
        ),
    ]


# Before wagtail-localize's own hook, which answers with its translation editor.
@hooks.register("before_edit_page", order=-10)
def tell_the_translator_where_the_page_stands(request, page):
    if request.method != "GET":
        return
    translation = synced_translation(page)
    if translation is None:
        return
    source = source_page(translation)
    changed = changed_since(translation, source)
    if changed is not None:
        messages.warning(
            request,
            f"Out of date: the {source.locale.get_display_name()} page changed on "
            f"{timezone.localtime(changed):%B %-d, %Y} after this translation was made. "
            "Sync it from the English page, then translate the changed text.",
            buttons=[
                messages.button(
                    reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
                    "Sync from the English page",
                )
            ],
        )
    workflow = page.get_workflow()
    if workflow is None:
        return
    if page.workflow_in_progress:
        state = page.current_workflow_state
        task_state = page.current_workflow_task_state
        may_review = task_state is not None and task_state.task.specific.get_actions(
            page, request.user
        )
        messages.info(
            request,
            f"In {workflow.name} since {timezone.localtime(state.created_at):%B %-d, %Y}. "
            "It goes live when it is approved"
            + (": review it to approve it or request changes." if may_review else "."),
            buttons=[
                messages.button(
                    reverse("review_translation", args=[page.pk]), "Review this translation"
                )
            ]
            if may_review
            else None,
        )
    elif (permissions := page.permissions_for_user(request.user)).can_edit() and (
        permissions.can_submit_for_moderation()
    ):
        messages.info(
            request,
            f"A translated page goes live only through {workflow.name}. "
            "When the translation is done, submit it.",
            buttons=[
                messages.button(
                    reverse("submit_translation_for_review", args=[page.pk]),
                    f"Submit to {workflow.name}",
                )
            ],
        )


@hooks.register("register_reports_menu_item")
def register_translations_to_update():
    return PageStaffMenuItem(
        "Translations to update",
        reverse("translations_to_update"),
        name="translations-to-update",
        icon_name="wagtail-localize-language",
        order=720,
    )


class PageStaffMenuItem(MenuItem):
    """Shown to staff who may explore pages (not to the front desk)."""

    def is_shown(self, request):
        return PagePermissionPolicy().explorable_root_instance(request.user) is not None


@hooks.register("construct_reports_menu")
def translations_report_for_page_staff(request, menu_items):
    """
    wagtail-localize shows its translations report to everyone, but it lists translated pages:
    staff who may explore no page have no use for it, and the front desk may not open it
    (appointments.middleware).
    """
    if PagePermissionPolicy().explorable_root_instance(request.user) is None:
        menu_items[:] = [item for item in menu_items if item.name != "translations"]
