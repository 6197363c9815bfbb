# The feature's data was kept in the clinic's details (clinic.ClinicSettings, clinic.InsurancePlan,
# clinic.PageListingPlans) until it became an app of its own. Each site's plans, their "last
# updated" date and its four chosen pages are copied into Settings › Before a visit, with the
# record of which pages list the plans; clinic's next migration then removes the old ones.
# Backwards, the copy goes the other way and the new rows are removed.

from django.db import migrations


PAGE_FIELDS = ["first_visit_page_id", "insurance_page_id", "forms_page_id", "questions_page_id"]
PLAN_FIELDS = ["sort_order", "name", "name_es", "kind"]


def copy_plans(source_plans, target_model, target_settings):
    target_model.objects.bulk_create(
        target_model(settings=target_settings, **{name: getattr(plan, name) for name in PLAN_FIELDS})
        for plan in source_plans.order_by("sort_order", "pk")
    )


def copy_into_the_feature(apps, schema_editor):
    ClinicSettings = apps.get_model("clinic", "ClinicSettings")
    OldPlan = apps.get_model("clinic", "InsurancePlan")
    OldListing = apps.get_model("clinic", "PageListingPlans")
    FirstVisitSettings = apps.get_model("first_visit", "FirstVisitSettings")
    InsurancePlan = apps.get_model("first_visit", "InsurancePlan")
    PageListingPlans = apps.get_model("first_visit", "PageListingPlans")

    for clinic in ClinicSettings.objects.order_by("pk"):
        visit, _ = FirstVisitSettings.objects.update_or_create(
            site_id=clinic.site_id,
            defaults={
                "insurance_updated_on": clinic.insurance_updated_on,
                **{name: getattr(clinic, name) for name in PAGE_FIELDS},
            },
        )
        InsurancePlan.objects.filter(settings=visit).delete()
        copy_plans(OldPlan.objects.filter(settings_id=clinic.pk), InsurancePlan, visit)

    listed = set(PageListingPlans.objects.values_list("page_id", flat=True))
    PageListingPlans.objects.bulk_create(
        PageListingPlans(page_id=page_id)
        for page_id in OldListing.objects.values_list("page_id", flat=True).order_by("page_id")
        if page_id not in listed
    )


def copy_back_into_the_clinic_details(apps, schema_editor):
    ClinicSettings = apps.get_model("clinic", "ClinicSettings")
    OldPlan = apps.get_model("clinic", "InsurancePlan")
    OldListing = apps.get_model("clinic", "PageListingPlans")
    FirstVisitSettings = apps.get_model("first_visit", "FirstVisitSettings")
    InsurancePlan = apps.get_model("first_visit", "InsurancePlan")
    PageListingPlans = apps.get_model("first_visit", "PageListingPlans")

    for visit in FirstVisitSettings.objects.order_by("pk"):
        clinic, _ = ClinicSettings.objects.get_or_create(site_id=visit.site_id)
        clinic.insurance_updated_on = visit.insurance_updated_on
        for name in PAGE_FIELDS:
            setattr(clinic, name, getattr(visit, name))
        clinic.save(update_fields=["insurance_updated_on", *PAGE_FIELDS])
        OldPlan.objects.filter(settings=clinic).delete()
        copy_plans(InsurancePlan.objects.filter(settings=visit), OldPlan, clinic)

    listed = set(OldListing.objects.values_list("page_id", flat=True))
    OldListing.objects.bulk_create(
        OldListing(page_id=page_id)
        for page_id in PageListingPlans.objects.values_list("page_id", flat=True).order_by("page_id")
        if page_id not in listed
    )
    # The copies go: applied again, this migration finds the feature's tables empty.
    InsurancePlan.objects.all().delete()
    FirstVisitSettings.objects.all().delete()
    PageListingPlans.objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ("first_visit", "0001_initial"),
        ("clinic", "0012_pages_listing_insurance_plans"),
    ]

    operations = [
        migrations.RunPython(copy_into_the_feature, copy_back_into_the_clinic_details),
    ]
