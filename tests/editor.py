"""What the Wagtail page editor posts for an existing page, as a browser would send it."""

from django.urls import reverse

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
)


def block_form_data(block, value, prefix, data):
    """Add the editor's form fields for one block value (stream, struct, list or plain)."""
    if isinstance(block, blocks.StreamBlock):
        data[f"{prefix}-count"] = str(len(value))
        for i, child in enumerate(value):
            data[f"{prefix}-{i}-type"] = child.block_type
            data[f"{prefix}-{i}-id"] = child.id or ""
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = str(i)
            block_form_data(child.block, child.value, f"{prefix}-{i}-value", data)
    elif isinstance(block, ImageBlock):  # a StructBlock whose value is the image itself
        data[f"{prefix}-image"] = str(value.pk)
        data[f"{prefix}-alt_text"] = value.contextual_alt_text or ""
        data[f"{prefix}-decorative"] = "on" if value.decorative else ""
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            block_form_data(child_block, value[name], f"{prefix}-{name}", data)
    elif isinstance(block, blocks.ListBlock):
        data[f"{prefix}-count"] = str(len(value))
        for i, child in enumerate(value.bound_blocks):
            data[f"{prefix}-{i}-id"] = child.id or ""
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = str(i)
            block_form_data(block.child_block, child.value, f"{prefix}-{i}-value", data)
    elif isinstance(block, blocks.RichTextBlock):
        data[prefix] = rich_text(value.source, features=block.features)
    else:
        data[prefix] = "" if value is None else str(value)


def editor_form_data(client, page):
    """The edit form of `page` as the editor renders it, with its StreamFields filled in."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    form = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # A plain dict of lists: the test client would post only the last value of a QueryDict key.
    data = {key: form.getlist(key) for key in form}
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            block_form_data(field.stream_block, getattr(page, field.name), field.name, data)
    return data


def clinic_details_url(clinic):
    return reverse("wagtailsettings:edit", args=["clinic", "clinicsettings", clinic.site_id])


def hours_rows(clinic):
    """The clinic's phone hours as form rows, each day 08:00 to 17:00."""
    return [
        {"id": row.pk, "weekday": row.weekday, "opens": "08:00", "closes": "17:00"}
        for row in clinic.hours.order_by("weekday")
    ]


def clinic_details_form(clinic, hours, **changes):
    """
    The clinic details form (Settings › Clinic details) as a site admin submits it, with `hours`
    as weekday rows.
    """
    data = {
        "clinic_name": clinic.clinic_name,
        "demo_notice": "on" if clinic.demo_notice else "",
        "phone": clinic.phone,
        "fax": "",
        "email": "",
        "street_address": clinic.street_address,
        "locality": clinic.locality,
        "region": clinic.region,
        "postal_code": clinic.postal_code,
        "country": clinic.country,
        "opening_hours_note": "",
        "emergency_notice": clinic.emergency_notice,
        "emergency_notice_es": clinic.emergency_notice_es,
        "on_call_phone": clinic.on_call_phone,
        "after_hours_instruction": clinic.after_hours_instruction,
        "after_hours_instruction_es": clinic.after_hours_instruction_es,
        "opening_hours_note_es": "",
        "facebook_url": "",
        "youtube_url": "",
        "linkedin_url": "",
        "instagram_url": "",
        "social_image": clinic.social_image_id or "",
        "patient_portal_url": "",
        "bill_payment_url": "",
        "hours": inline_formset(hours, initial=clinic.hours.count()),
        **changes,
    }
    return nested_form_data(data)


def saved_plans(visit_settings):
    """The plan rows of Settings › Before a visit as the form shows them, to change or keep."""
    return [
        {"id": plan.pk, "name": plan.name, "name_es": plan.name_es, "kind": plan.kind}
        for plan in visit_settings.insurance_plans.all()
    ]


def before_a_visit_url(visit_settings):
    return reverse(
        "wagtailsettings:edit", args=["first_visit", "firstvisitsettings", visit_settings.site_id]
    )


def before_a_visit_form(visit_settings, plans=None, **changes):
    """
    Settings › Before a visit as a site admin submits it: `plans` as insurance plan rows (the
    saved ones when not given) and the four chosen pages as saved, unless `changes` says.
    """
    if plans is None:
        plans = saved_plans(visit_settings)
    data = {
        "first_visit_page": visit_settings.first_visit_page_id or "",
        "insurance_page": visit_settings.insurance_page_id or "",
        "forms_page": visit_settings.forms_page_id or "",
        "questions_page": visit_settings.questions_page_id or "",
        "insurance_plans": inline_formset(
            [{"ORDER": str(order), **plan} for order, plan in enumerate(plans, start=1)],
            initial=visit_settings.insurance_plans.count(),
        ),
        **changes,
    }
    return nested_form_data(data)
