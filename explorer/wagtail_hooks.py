"""The admin's page explorer, its rows read at once (explorer.views)."""

from wagtail import hooks
from wagtail.admin.viewsets.pages import PageViewSet

from .views import ExplorerView


class ExplorerPageViewSet(PageViewSet):
    """Wagtail's views for every page type, with the explorer's listing replaced."""

    index_view_class = ExplorerView


# After Wagtail's own viewset for every page type (order 0), which this one takes the place of.
@hooks.register("register_admin_viewset", order=1)
def register_explorer():
    return ExplorerPageViewSet()
