"""
The demo clinic in Spanish: the home page, the sections of the main menu, the contact and About
pages in content/spanish.toml, and the procedure and condition pages, one file each in
content/spanish/procedures/ and content/spanish/conditions/ named after the English page's file,
written in plain Spanish (same markup and the same structure as the English data). The pages
under About, the physicians and the news posts are in demo.spanish_more.

Each page is translated as an editor would with wagtail-localize: a translation of the English
page whose strings are filled in from the Spanish data, then published. Editors can open them in
the translation editor like any other, and the pages update when the English source is synced.
The Spanish text is matched to the English one string by string, in order: the Spanish data must
have the same sections, paragraphs and list items as the English (the loader says which page
does not). Clinical pages get no review record: their Spanish text has not been medically
reviewed, and the page says so.
"""

import json
import re

from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from django.db import transaction

from wagtail.contrib.redirects.models import Redirect
from wagtail.fields import StreamField
from wagtail.models import Locale

from conditions.models import ConditionIndexPage
from home.models import BodyRegionIndexPage, ContactPage, StandardPage
from locations.models import LocationIndexPage
from news.models import NewsIndexPage
from physicians.models import PhysicianIndexPage
from procedures.models import ProcedureIndexPage

from .markup import load_data, load_items_by_name, text_to_blocks
from .pages import home_page
from .spanish_more import MoreSpanishPagesMixin


SECTIONS = {
    "procedures": ProcedureIndexPage,
    "conditions": ConditionIndexPage,
    "physicians": PhysicianIndexPage,
    "news": NewsIndexPage,
    "regions": BodyRegionIndexPage,
    "locations": LocationIndexPage,
}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class TranslationMismatch(ValueError):
    """The Spanish data does not have the English page's structure."""


def strings_of(page):
    """(field path with each block's id replaced by its position, text) of every string."""
    positions = {}
    found = []
    for segment in extract_segments(page):
        if isinstance(segment, StringSegmentValue):
            path = UUID.sub(
                lambda match: str(positions.setdefault(match[0], len(positions))), segment.path
            )
            found.append((path, segment.string.data))
    return found


def with_block_ids(page):
    """The unsaved page with ids on its StreamField blocks, as saving would give them."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            value = getattr(page, field.name)
            setattr(page, field.name, field.to_python(json.dumps(value.get_prep_value())))
    return page


def translate_page(english, spanish, locale):
    """
    Publish `spanish` (an unsaved page with the same structure) as the translation of
    `english`, through wagtail-localize. Returns the Spanish page.
    """
    spanish = with_block_ids(spanish)
    source, _ = TranslationSource.get_or_create_from_instance(english)
    english_strings, spanish_strings = strings_of(english), strings_of(spanish)
    english_paths = [path for path, _ in english_strings]
    spanish_paths = [path for path, _ in spanish_strings]
    if english_paths != spanish_paths:
        pairs = zip([*english_paths, None], [*spanish_paths, None], strict=False)
        first = next((pair for pair in pairs if pair[0] != pair[1]), None)
        raise TranslationMismatch(
            f"The Spanish data for {english.url_path} does not match the English page: "
            f"{len(spanish_paths)} strings for {len(english_paths)}; first difference "
            f"(English, Spanish): {first}"
        )
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    catalogue = translation.export_po()
    entries = [entry for entry in catalogue if not entry.obsolete]
    for entry, (_path, text) in zip(entries, spanish_strings, strict=True):
        entry.msgstr = text
    translation.import_po(catalogue)
    # A draft, published here rather than when the transaction commits (wagtail-localize's
    # publish=True), so that pages added under it in the same transaction stay in the tree.
    translation.save_target(publish=False)
    page = english.get_translation(locale).specific
    page.get_latest_revision().publish()
    return page


class SpanishPagesMixin(MoreSpanishPagesMixin):
    """For DemoContentLoader: the Spanish pages, each made once and never overwritten."""

    def load_spanish(self, home, procedures, conditions):
        spanish = Locale.objects.filter(language_code="es").first()
        if spanish is None:
            return
        data = load_data("spanish")
        figures = data["figures"]
        made = []

        def translate(english, build):
            if english.has_translation(spanish):
                return
            made.append(translate_page(english, build(), spanish))

        translate(home, lambda: home_page(data["home"], slug="inicio"))
        for key, model in SECTIONS.items():
            index = model.objects.filter(locale=home.locale).child_of(home).first()
            if index is not None:
                translate(index, lambda key=key, model=model: model(**data["indexes"][key]))
        contact = ContactPage.objects.filter(locale=home.locale).child_of(home).first()
        if contact is not None:
            translate(contact, lambda: ContactPage(**data["contact"]))
        about = StandardPage.objects.filter(locale=home.locale, slug="about").child_of(home).first()
        if about is not None:
            translate(
                about,
                lambda: StandardPage(
                    **{key: value for key, value in data["about"].items() if key != "body"},
                    body=text_to_blocks(data["about"]["body"], self.images),
                ),
            )
        for english, build in self.visit_translations(home):
            translate(english, build)
        for english, build in self.more_spanish_translations(home, figures):
            translate(english, build)
        for english_slug, fields in load_items_by_name("spanish/procedures").items():
            translate(
                procedures[english_slug],
                lambda fields=fields: self.procedure_page(
                    fields, figures, questions_heading=data["questions_heading"]
                ),
            )
        for english_slug, fields in load_items_by_name("spanish/conditions").items():
            translate(
                conditions[english_slug],
                lambda fields=fields: self.condition_page(fields, figures),
            )
        # A new translation starts as a copy at the English slug, and Wagtail redirects that
        # address once the Spanish slug is published (when the transaction commits); nobody
        # ever saw those addresses. This runs after Wagtail's own commit callbacks.
        made_ids = [page.pk for page in made]
        transaction.on_commit(
            lambda: Redirect.objects.filter(
                redirect_page_id__in=made_ids, automatically_created=True
            ).delete()
        )
        for page in made:
            self.report.add(page)
        return made
