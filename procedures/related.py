"""How procedures relate to each other: grouped by body region, and in sequence."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q

from clinic.pages.translations import in_language, once_each


def group_by_region(pages):
    """[(region or None, [page, ...]), ...] in the editors' region order; None collects the rest."""
    regions = {}
    unplaced = []
    for page in pages:
        page_regions = list(page.body_regions.all())
        for region in page_regions:
            regions.setdefault(region, []).append(page)
        if not page_regions:
            unplaced.append(page)
    groups = sorted(regions.items(), key=lambda item: (item[0].sort_order or 0, item[0].name))
    if unplaced:
        groups.append((None, unplaced))
    return groups


@dataclass
class RelatedProcedures:
    """How other procedures relate to one procedure, fetched in one query."""

    general: object = None
    specific_forms: list = field(default_factory=list)
    prerequisites: list = field(default_factory=list)


def related_procedures(page):
    """The broader procedure, the specific forms and the prerequisites of `page`, in one query."""
    model = type(page)
    links = model.prerequisites.through.objects
    others = (
        model.objects.live()
        # Not its translations: they keep a copy of the English relations.
        .filter(locale_id=page.locale_id)
        .defer_streamfields()
        .annotate(
            is_prerequisite=Exists(
                links.filter(from_procedurepage=page.pk, to_procedurepage=OuterRef("pk"))
            )
        )
        .filter(
            Q(is_prerequisite=True)
            | Q(general_procedure=page.pk)
            | Q(pk=page.general_procedure_id or 0)
        )
        .order_by("title")
    )
    related = RelatedProcedures()
    for other in others:
        if other.pk == page.general_procedure_id:
            related.general = other
        if other.general_procedure_id == page.pk:
            related.specific_forms.append(other)
        if other.is_prerequisite:
            related.prerequisites.append(other)
    return related


def related_procedures_in_language(page):
    """related_procedures(page), each procedure in the reader's language where translated."""
    related = related_procedures(page)
    found = [*([related.general] if related.general else []), *related.specific_forms]
    found += related.prerequisites
    shown = dict(zip((id(p) for p in found), in_language(found, keep_positions=True), strict=True))
    return RelatedProcedures(
        general=shown[id(related.general)] if related.general else None,
        specific_forms=once_each(shown[id(p)] for p in related.specific_forms),
        prerequisites=once_each(shown[id(p)] for p in related.prerequisites),
    )


def suggested_comparisons(page, limit=3):
    """
    Procedures a patient reading `page` may want to compare it with: those that treat the same
    conditions (most in common first), then those for the same part of the body. One query.
    """
    model = type(page)
    # Read as ids here: in a preview these relations are held in memory, not in the database.
    conditions = [condition.pk for condition in page.conditions_treated.all()]
    regions = [region.pk for region in page.body_regions.all()]
    return list(
        model.objects.live()
        .filter(locale_id=page.locale_id)
        .exclude(pk=page.pk)
        .defer_streamfields()
        .annotate(
            shared_conditions=Count(
                "conditions_treated", filter=Q(conditions_treated__in=conditions), distinct=True
            ),
            shared_regions=Count("body_regions", filter=Q(body_regions__in=regions), distinct=True),
        )
        .filter(Q(shared_conditions__gt=0) | Q(shared_regions__gt=0))
        .order_by("-shared_conditions", "-shared_regions", "title")[:limit]
    )
