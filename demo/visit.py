"""The demo's pages for new patients (demo/content/visit.toml), its sample form and its plans."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from first_visit.models import FirstVisitSettings, InsurancePlan
from home.models import StandardPage

from .markup import load_data, text_to_blocks
from .sample_form import sample_form_pdf


Document = get_document_model()

# The pages under the section, and the field of Settings › Before a visit that points at each.
PAGES = [
    ("first_visit", "first_visit_page"),
    ("insurance", "insurance_page"),
    ("forms", "forms_page"),
    ("questions", "questions_page"),
]


class VisitPagesMixin:
    """The part of DemoContentLoader that builds “Your visit” and what it needs."""

    def load_visit_pages(self, home, site):
        data = load_data("visit")
        visit_settings = FirstVisitSettings.for_site(site)
        self.load_insurance_plans(visit_settings, data["insurance_plans"])
        section = self.standard_page(home, data["section"])
        forms = [
            self.form_value(item, self.sample_document(item["title"]))
            for item in data["forms"].get("documents", [])
        ]
        chosen, made = {}, []
        for key, field_name in PAGES:
            page = self.standard_page(section, data[key], forms=forms)
            if page in self.report.created:
                made.append((page, data[key]))
                # Only a page made now is chosen: an admin's choice, or none, stays as it is.
                if getattr(visit_settings, f"{field_name}_id") is None:
                    chosen[field_name] = page
        for page, item in made:
            # Now that its sibling pages exist, its links to them become page links.
            if "](/" in item["body"]:
                page.body = text_to_blocks(item["body"], forms=forms)
                page.save_revision().publish()
        if chosen:
            for field_name, page in chosen.items():
                setattr(visit_settings, field_name, page)
            visit_settings.save()

    def load_insurance_plans(self, visit_settings, plans):
        """The demo plans, unless the clinic has (or has had) a list of its own."""
        if visit_settings.insurance_updated_on or visit_settings.insurance_plans.exists():
            return
        visit_settings.insurance_plans = [
            InsurancePlan(kind=kind, name=name, name_es=name_es, sort_order=order)
            for order, (kind, name, name_es) in enumerate(plans)
        ]
        visit_settings.save()
        self.report.add(visit_settings)

    def sample_document(self, title):
        """The sample PDF stored under this title, made the first time."""
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(
                title=title,
                file=ContentFile(sample_form_pdf(), name="sample-new-patient-questionnaire.pdf"),
            )
            document.save()
            # Its size (for the link's text) and hash, as Wagtail's upload form records them.
            document.get_file_size()
            document.get_file_hash()
            self.report.add(document)
        return document

    @staticmethod
    def form_value(item, document):
        """A patient form block's value: `document` with the item's words."""
        return {
            "document": document.pk,
            "title": item["title"],
            "purpose": item["purpose"],
            "when_to_bring": item.get("when_to_bring", ""),
        }

    def visit_translations(self, home):
        """
        [(English page, a function making its unsaved Spanish page)...] for “Your visit” and
        its pages, parents first, for the Spanish loader (demo.spanish).
        """
        english, spanish = load_data("visit"), load_data("visit_es")
        section = (
            StandardPage.objects.filter(locale=home.locale, slug=english["section"]["slug"])
            .child_of(home)
            .first()
        )
        if section is None:
            return []
        # The Spanish words for the English document.
        forms = [
            self.form_value(item, self.sample_document(original["title"]))
            for item, original in zip(
                spanish["forms"].get("documents", []),
                english["forms"].get("documents", []),
                strict=True,
            )
        ]

        def build(item):
            return lambda: StandardPage(
                title=item["title"],
                slug=item["slug"],
                summary=item["summary"],
                body=text_to_blocks(item["body"], forms=forms),
            )

        pairs = [(section, build(spanish["section"]))]
        for key, _field_name in PAGES:
            page = section.get_children().filter(slug=english[key]["slug"]).first()
            if page is not None:
                pairs.append((page.specific, build(spanish[key])))
        return pairs
