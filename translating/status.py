"""
Where a translated page stands against its English source: the wagtail-localize translation it
is kept in sync with, and whether the English page changed after the translation last took it in.
"""

from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments

from wagtail.models import Page


def synced_translation(page):
    """The translation that fills this page from its source, or None for a source or a copy."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "source__locale")
        .first()
    )


def source_page(translation):
    return Page.objects.filter(
        translation_key=translation.source.object_id, locale=translation.source.locale
    ).first()


def changed_since(translation, source):
    """When the source was last published, if that is after the translation last took it in."""
    if source is None or source.last_published_at is None:
        return None
    if source.last_published_at > translation.source.last_updated_at:
        return source.last_published_at
    return None


def out_of_date_translations(pages=None):
    """
    (translated page, its source page, when the source changed) for every page whose source was
    published again after the translation last took it in: what editors still have to update.
    """
    translations = Translation.objects.filter(enabled=True).select_related(
        "source", "source__locale", "target_locale"
    )
    sources = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(
            translation_key__in={t.source.object_id for t in translations}
        ).only("id", "title", "translation_key", "locale_id", "last_published_at")
    }
    targets = {
        (page.translation_key, page.locale_id): page
        for page in (pages if pages is not None else Page.objects.all()).filter(
            translation_key__in={t.source.object_id for t in translations}
        )
    }
    stale = []
    for translation in translations:
        key = translation.source.object_id
        source = sources.get((key, translation.source.locale_id))
        target = targets.get((key, translation.target_locale_id))
        changed = changed_since(translation, source)
        if target is not None and changed is not None:
            stale.append((target, source, changed))
    return sorted(stale, key=lambda row: row[2], reverse=True)


def save_draft(translation, user):
    """
    A new revision of the translated page made from its translation, with every text not yet
    translated in the source's words: the draft a reviewer approves. Patients keep the live page.

    wagtail-localize's `save_target(publish=False)` writes the translation onto the page itself,
    which is what a live page shows patients; this does what it does, in a revision only.
    """
    source = translation.source
    original = source.as_instance()
    page = source.get_translated_instance(translation.target_locale)
    copy_synchronised_fields(original, page)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, page, source.locale, translation.target_locale, segments)
    return page.save_revision(user=user)
