"""
What the tests read from and post to the Wagtail admin: the links in its menus, the address of
the form for a new page, and a new procedure as an editor fills it in.
"""

import json

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from clinic.models import BodyRegion


def admin_menu_links(dashboard):
    """
    (label, address) of each link in the admin's menus, from a page of the admin parsed with
    BeautifulSoup: Wagtail draws its sidebar from the JSON in #wagtail-sidebar-props.
    """

    def links(node):
        if isinstance(node, dict):
            if isinstance(node.get("url"), str):
                yield node["label"], node["url"]
            for value in node.values():
                yield from links(value)
        elif isinstance(node, list):
            for value in node:
                yield from links(value)

    return list(links(json.loads(dashboard.find(id="wagtail-sidebar-props").string)))


# What an editor writes in a procedure's Safety tab (procedures.safety).
PROCEDURE_SAFETY = {
    "before_procedure": "Tell us if you take a blood thinner.\nBring an adult to drive you home.",
    "common_risks": "Soreness where the needle went in, for a day or two.",
    "serious_risks": "An infection, which may need antibiotics.\nBleeding near the knee.",
    "call_911_if": "You have trouble breathing, or your face or throat swells.",
    "call_us_if": "You have a fever of 100.4°F (38°C) or higher.",
}


def procedure_form(title="Genicular nerve block", **fields):
    """A new procedure as an editor fills it in; `fields` change or blank what they name."""
    data = nested_form_data(
        {
            "title": title,
            "slug": "genicular-nerve-block",
            "summary": "A numbing medicine is placed near the nerves of the knee.",
            "body": streamfield([("paragraph", rich_text("<p>The nerves are numbed.</p>"))]),
            "purpose": "diagnosis",
            "setting": "outpatient",
            "general_procedure": "",
            "next_steps": inline_formset([]),
            **PROCEDURE_SAFETY,
            **fields,
        }
    )
    data["body_regions"] = [BodyRegion.objects.get(slug="arms-and-legs").pk]
    return data


def add_url(parent, model):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
