"""
Which pages list the clinic's insurance plans (an “Insurance plans” block in their body), so that
a change to one site's plans reindexes that site's pages, and only those, with the new names.
"""

from django.db import models
from django.db.models import Q

from wagtail.models import Page
from wagtail.search import index

from first_visit.models.insurance import InsurancePlan


INSURANCE_BLOCK = "insurance_plans"


def body_lists_plans(body):
    """Whether a page body (a StreamField's value) holds an “Insurance plans” block."""
    return any(block.block_type == INSURANCE_BLOCK for block in body or ())


class PageListingPlans(models.Model):
    """A page whose saved body holds an “Insurance plans” block (kept by ListsPlansMixin.save)."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="lists_insurance_plans"
    )

    class Meta:
        verbose_name = "page listing insurance plans"
        verbose_name_plural = "pages listing insurance plans"

    def __str__(self):
        return str(self.page)


class ListsPlansMixin(models.Model):
    """
    For page types whose body can hold the “Insurance plans” block: the page's search entry holds
    the names of the plans of the page's own site, and the page is recorded as listing them.
    """

    search_fields = [index.SearchField("insurance_plan_names")]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" not in update_fields:
            return  # e.g. a draft saved: the page's own body is unchanged
        if body_lists_plans(self.body):
            PageListingPlans.objects.get_or_create(page_id=self.pk)
        else:
            PageListingPlans.objects.filter(page_id=self.pk).delete()

    def insurance_plan_names(self):
        if not body_lists_plans(self.body):
            return ""
        site = self.get_site()
        if site is None:
            return ""
        plans = InsurancePlan.objects.filter(settings__site=site)
        return " ".join(name for plan in plans for name in (plan.name, plan.name_es) if name)


def pages_listing_plans(site):
    """The live pages of `site` (in any of its languages) whose body lists the plans."""
    under_site = Q()
    for root in site.root_page.get_translations(inclusive=True):
        under_site |= Q(path__startswith=root.path)
    return Page.objects.live().filter(under_site, lists_insurance_plans__isnull=False)


def reindex_pages_listing_plans(site):
    """A site's plans changed: its pages listing them index the new names."""
    for page in pages_listing_plans(site).specific():
        index.insert_or_update_object(page)
