"""
Each explorer row's buttons, as Wagtail's `page_listing_buttons` tag gives them, but deciding
from what the listing read with its pages (explorer.views) what Wagtail and wagtail-localize
ask the database for page by page: may it be deleted or moved (is any page there live),
may it be translated (into which languages is it not yet), does it have translations to sync.
A page read without them (a search backend that drops annotations) gets the buttons of Wagtail
and wagtail-localize as they are.
"""

from urllib.parse import urlencode

from wagtail_localize.wagtail_hooks import page_listing_more_buttons as translation_buttons

from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.wagtail_hooks import PageListingDeleteButton, PageListingMoveButton
from wagtail.admin.widgets.button import Button, ButtonWithDropdownFromHook, ListingButton
from wagtail.models import PagePermissionTester


# Set on each page by the explorer's query (explorer.views.with_row_facts).
ANY_LIVE = "explorer_any_live"  # the page or a page below it is live
UNTRANSLATED = "explorer_untranslated"  # a language the page has no translation in
SYNC_SOURCE = "explorer_sync_source"  # its translation source, if translations may be synced


class ListedPagePermissionTester(PagePermissionTester):
    """Wagtail's, with "is any page here live" read with the listing."""

    def can_delete(self, ignore_bulk=False):
        if (
            not hasattr(self.page, ANY_LIVE)
            or not self.user.is_active
            or self.user.is_superuser
            or "change" not in self.permissions
            or "publish" in self.permissions
        ):
            return super().can_delete(ignore_bulk)
        # Wagtail's check for staff who may change pages but not publish them: only pages of
        # which none is live, and without bulk_delete only a page with nothing below it.
        if self.page_is_root:
            return False
        if "bulk_delete" not in self.permissions and not self.page.is_leaf() and not ignore_bulk:
            return False
        return not getattr(self.page, ANY_LIVE)


def is_shown(item, user):
    if isinstance(item, PageListingDeleteButton | PageListingMoveButton):
        tester = ListedPagePermissionTester(user, item.page)
        return tester.can_delete(ignore_bulk=isinstance(item, PageListingMoveButton))
    return item.is_shown(user)


def listed_translation_buttons(page, user, next_url=None):
    """wagtail-localize's "Translate this page" and "Sync translated pages"."""
    if not hasattr(page, UNTRANSLATED):
        yield from translation_buttons(page, user, next_url=next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if getattr(page, UNTRANSLATED):
        yield Button(
            _("Translate this page"),
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    if (source_id := getattr(page, SYNC_SOURCE)) is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield Button(_("Sync translated pages"), url, priority=60, icon_name="resubmit")


def more_buttons(menu):
    """The "More" menu's buttons (ButtonWithDropdownFromHook.dropdown_buttons)."""
    found = []
    for hook in hooks.get_hooks(menu.hook_name):
        if hook is translation_buttons:
            hook = listed_translation_buttons
        found.extend(hook(page=menu.page, user=menu.user, next_url=menu.next_url))
    return [
        Button.from_menu_item(item) if isinstance(item, MenuItem) else item
        for item in found
        if (is_shown(item, menu.user) if isinstance(item, MenuItem) else item.show)
    ]


def row_buttons(page, user, next_url, context):
    """The buttons of Wagtail's `page_listing_buttons` tag for `page`."""
    buttons = []
    for hook in hooks.get_hooks("register_page_listing_buttons"):
        for button in hook(page=page, next_url=next_url, user=user):
            if isinstance(button, ButtonWithDropdownFromHook):
                button.dropdown_buttons = more_buttons(button)
            if isinstance(button, MenuItem):
                if button.is_shown(user):
                    buttons.append(ListingButton.from_menu_item(button))
            elif button.show:
                buttons.append(button)
    buttons.sort()
    for hook in hooks.get_hooks("construct_page_listing_buttons"):
        hook(buttons, page=page, user=user, context=context)
    return buttons
