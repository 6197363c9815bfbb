"""
Procedures side by side: /procedures/compare/?p=<slug>&p=<slug> (two to four). One column per
procedure and one row per "At a glance" fact, then the risks, the conditions each treats, what
comes first and the medical review, all from the fields editors already fill in. Bad input (an unknown
address, a duplicate, more than four) gets a message on the same page, never an error page.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext, gettext_lazy, ngettext

from clinic.models import listed
from clinic.pages.translations import default_locale_id, in_language


MIN_COMPARED = 2
MAX_COMPARED = 4
MAX_SLUGS_READ = 20  # more than this in one address is not a patient's choice
MAX_SLUG_LENGTH = 255


@dataclass
class Comparison:
    pages: list = field(default_factory=list)  # the procedures compared, in the order chosen
    problems: list = field(default_factory=list)  # what was wrong with the address (a 400)
    notes: list = field(default_factory=list)  # what the patient should know (still a 200)
    rows: list = field(default_factory=list)  # [Row], when two to four were chosen
    # The same facts procedure by procedure (a phone's view): [(page, [(row, cell), ...])].
    cards: list = field(default_factory=list)

    @property
    def ready(self):
        return not self.problems and MIN_COMPARED <= len(self.pages) <= MAX_COMPARED

    @property
    def slugs(self):
        return [page.slug for page in self.pages]

    @property
    def appointment_query(self):
        """What the link to the appointment request carries: the procedures, by page id."""
        return "compare=" + ",".join(str(page.pk) for page in self.pages)

    @property
    def canonical_query(self):
        """The same comparison, with the procedures in alphabetical order of their addresses."""
        return "&".join(f"p={slug}" for slug in sorted(self.slugs))


@dataclass
class Row:
    label: str
    cells: list  # one per page: a string, a list of pages (links), or None (not stated)
    kind: str = "text"  # "text", "links", "risks" (a link to them all) or "review"
    pairs: list = field(default_factory=list)  # [(page, cell)], for the table
    empty: str = ""  # what an empty cell says, when that is known rather than "Not stated"


def choose(requested, procedures):
    """
    The procedures `requested` (slugs, as the address gives them) among `procedures` (the
    list the reader sees, in their language), and what was wrong with the request.
    """
    by_slug = {page.slug: page for page in procedures}
    comparison = Comparison()
    seen = set()
    for raw in requested[:MAX_SLUGS_READ]:
        slug = raw.strip().lower()[:MAX_SLUG_LENGTH]
        if not slug:
            continue
        page = by_slug.get(slug)
        if page is None:
            comparison.problems.append(
                gettext("We could not find a procedure at “%(slug)s”. Please choose it again.")
                % {"slug": slug}
            )
        elif slug in seen:
            comparison.notes.append(
                gettext("“%(title)s” was chosen twice; it is shown once.") % {"title": page.title}
            )
        else:
            seen.add(slug)
            comparison.pages.append(page)
    if len(requested) > MAX_SLUGS_READ or len(comparison.pages) > MAX_COMPARED:
        comparison.problems.append(
            ngettext(
                "You can compare up to %(count)d procedure at a time. Untick some and compare again.",
                "You can compare up to %(count)d procedures at a time. Untick some and compare again.",
                MAX_COMPARED,
            )
            % {"count": MAX_COMPARED}
        )
    if not comparison.problems and len(comparison.pages) == 1:
        comparison.notes.append(gettext("Choose at least one more procedure to compare."))
    return comparison


# The facts compared, in order: (label, the page's field or display method).
FACTS = [
    (gettext_lazy("What it is"), "summary"),
    (gettext_lazy("Purpose"), "get_purpose_display"),
    (gettext_lazy("Where it is done"), "get_setting_display"),
    (gettext_lazy("Visits needed"), "visits_needed"),
    (gettext_lazy("Medicines used"), "medicines_used"),
    (gettext_lazy("When relief usually starts"), "typical_relief_onset"),
    (gettext_lazy("How long relief usually lasts"), "typical_relief_duration"),
]


def fact(page, name):
    value = getattr(page, name)
    value = value() if callable(value) else value
    return value or None


def build_rows(comparison, model):
    """
    The table's rows for the chosen pages. Relations come from each page's English source (a
    translation shares them) and show in the reader's language. A fixed number of queries,
    whether two procedures are compared or four.
    """
    shown = comparison.pages
    # The pages again, with what the rows need, in one query each.
    full = {
        page.pk: page
        for page in model.objects.filter(pk__in=[page.pk for page in shown]).select_related(
            "medical_review__reviewer"
        )
    }
    shown = [full.get(page.pk, page) for page in shown]
    comparison.pages = shown
    live_listed = listed(model.objects.filter(live=True)).order_by("title")
    sources = {
        source.translation_key: source
        for source in model.objects.filter(
            locale_id=default_locale_id(),
            translation_key__in=[page.translation_key for page in shown],
        ).prefetch_related(
            "body_regions",
            Prefetch("prerequisites", queryset=live_listed),
            Prefetch(
                "conditions_treated",
                queryset=listed(
                    model.conditions_treated.field.related_model.objects.filter(live=True)
                ).order_by("title"),
            ),
        )
    }
    relations = [sources.get(page.translation_key, page) for page in shown]
    conditions = [list(source.conditions_treated.all()) for source in relations]
    prerequisites = [list(source.prerequisites.all()) for source in relations]
    conditions = regroup(
        in_language([c for group in conditions for c in group], keep_positions=True), conditions
    )
    prerequisites = regroup(
        in_language([p for group in prerequisites for p in group], keep_positions=True),
        prerequisites,
    )
    rows = [Row(str(label), [fact(page, name) for page in shown]) for label, name in FACTS]
    regions = [
        ", ".join(region.shown_name for region in source.body_regions.all()) or None
        for source in relations
    ]
    rows.insert(2, Row(gettext("Where it helps"), regions))
    rows.append(
        Row(
            gettext("Rare but serious risks"),
            [page if page.serious_risk_list else None for page in shown],
            kind="risks",
        )
    )
    rows.append(Row(gettext("Conditions it treats"), conditions, kind="links"))
    rows.append(
        Row(
            gettext("What comes first"),
            prerequisites,
            kind="links",
            empty=gettext("No other procedure"),
        )
    )
    rows.append(Row(gettext("Medical review"), shown, kind="review"))
    for row in rows:
        row.pairs = list(zip(shown, row.cells, strict=True))
    comparison.rows = rows
    comparison.cards = [
        (page, [(row, row.cells[column]) for row in rows]) for column, page in enumerate(shown)
    ]
    return comparison


def regroup(flat, groups):
    """`flat` (the pages of `groups`, one after another) cut back into groups of those sizes."""
    cut, start = [], 0
    for group in groups:
        cut.append(flat[start : start + len(group)] or None)
        start += len(group)
    return cut
