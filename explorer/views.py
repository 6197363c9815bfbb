"""
The page explorer (a section's pages, 50 a screen) in as many queries for 5 pages as for 50.
Wagtail's listing reads its pages with their workflow states, but each row's buttons then ask
the database again: Wagtail's whether the page may be deleted and moved (is any page there
live), wagtail-localize's whether it may be translated and has translations to sync, and the
lock check of a page in review its task. This listing reads those with its pages (one query)
and the tasks of the pages in review at once (explorer.buttons builds the buttons from them).
"""

from wagtail_localize.models import TranslationSource

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery

from wagtail.admin.ui.tables.pages import PageTitleColumn
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.models import Locale, Page, Task

from .buttons import ANY_LIVE, SYNC_SOURCE, UNTRANSLATED, row_buttons


def with_row_facts(pages):
    """`pages` with what each row's buttons need to know (explorer.buttons)."""
    live_here = Page.objects.filter(
        path__startswith=OuterRef("path"), depth__gte=OuterRef("depth"), live=True
    )
    translated_into = Page.objects.filter(
        translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True
    ).values("locale_id")
    sync_source = TranslationSource.objects.filter(
        object__translation_key=OuterRef("translation_key"),
        object__content_type=ContentType.objects.get_for_model(Page),
        locale_id=OuterRef("locale_id"),
        translations__enabled=True,
    ).values("pk")[:1]
    return pages.annotate(
        **{
            ANY_LIVE: Exists(live_here),
            UNTRANSLATED: Exists(Locale.objects.exclude(id__in=translated_into)),
            SYNC_SOURCE: Subquery(sync_source),
        }
    )


def with_current_tasks(pages):
    """Each page in review with its current task in its specific form, read for all at once
    (the lock check and the editor's link read it)."""
    task_states = [
        (page, state) for page in pages if (state := page.current_workflow_task_state) is not None
    ]
    if not task_states:
        return
    tasks = Task.objects.filter(pk__in={state.task_id for _, state in task_states}).specific()
    tasks = {task.pk: task for task in tasks}
    for _, state in task_states:
        state.task = tasks.get(state.task_id, state.task)


class ExplorerTitleColumn(PageTitleColumn):
    """Wagtail's title column, with the row's buttons from explorer.buttons."""

    cell_template_name = "explorer/title_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        next_url = context["actions_next_url"] or request.path
        context["buttons"] = row_buttons(instance, request.user, next_url, parent_context)
        return context


class ExplorerView(ExplorableIndexView):
    base_columns = [
        ExplorerTitleColumn(
            column.name, label=column.label, sort_key=column.sort_key, classname=column.classname
        )
        if isinstance(column, PageTitleColumn)
        else column
        for column in ExplorableIndexView.base_columns
    ]

    def annotate_queryset(self, pages):
        return with_row_facts(super().annotate_queryset(pages))

    def get_table(self, object_list):
        with_current_tasks(object_list)
        return super().get_table(object_list)
