"""
Builds the demo clinic from the data files next to this module.

It only creates what is missing: a page, snippet or setting that already exists is left exactly
as it is, so running it again changes nothing and never overwrites an editor's work.
"""

import datetime
import io
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from clinic.models import BodyRegion, ClinicOpeningHours, ClinicSettings, Language, Specialty
from clinic.operations import site_address
from conditions.models import ConditionIndexPage
from home.models import (
    BodyRegionIndexPage,
    ContactPage,
    HomePage,
)
from home.roles import configure_roles
from locations.models import (
    LocationIndexPage,
)
from news.models import NewsCategory, NewsIndexPage
from physicians.models import PhysicianIndexPage
from procedures.models import ProcedureIndexPage
from site_search.models import SearchSynonym

from .images import DIAGRAMS
from .markup import lines_text, load_data
from .pages import WEEKDAYS, ContentPagesMixin, home_page
from .spanish import SpanishPagesMixin
from .visit import VisitPagesMixin


Image = get_image_model()


@dataclass
class LoadReport:
    created: list = field(default_factory=list)

    def add(self, thing):
        self.created.append(thing)


class DemoContentLoader(SpanishPagesMixin, VisitPagesMixin, ContentPagesMixin):
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.report = LoadReport()
        self.site_data = load_data("site")

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    STEPS = 7

    def step(self, number, what):
        """One line of progress: `make run` shows a newcomer what is being built."""
        bar = "#" * number + "." * (self.STEPS - number)
        self.log(f"  [{bar}] {what}")

    @transaction.atomic
    def load(self):
        self.step(1, "lists, search synonyms and diagrams")
        regions = [
            {**item, "sort_order": order}
            for order, item in enumerate(self.site_data["body_regions"], start=1)
        ]
        self.regions = self.load_snippets(BodyRegion, regions, key="slug")
        self.load_snippets(Specialty, self.care_team_data(), key="name")
        self.load_snippets(
            Language, [{"name": name} for name in self.site_data["languages"]], key="name"
        )
        self.categories = self.load_snippets(
            NewsCategory, self.site_data["news_categories"], key="slug"
        )
        synonyms = [
            {"term": item["term"].lower(), "replacements": lines_text(item["replacements"])}
            for item in self.site_data["search_synonyms"]
        ]
        self.load_snippets(SearchSynonym, synonyms, key="term")
        self.images = self.load_images()
        self.step(2, "home page, clinic details and sections")
        home, site = self.load_home_and_site()
        self.load_settings(site)
        indexes = self.site_data["indexes"]
        procedure_index = self.child(home, ProcedureIndexPage, **indexes["procedures"])
        condition_index = self.child(home, ConditionIndexPage, **indexes["conditions"])
        physician_index = self.child(home, PhysicianIndexPage, **indexes["physicians"])
        news_index = self.child(home, NewsIndexPage, **indexes["news"])
        self.step(3, "general pages, locations, contact and first-visit pages")
        self.load_about(home)
        self.child(home, BodyRegionIndexPage, show_in_menus=False, **indexes["regions"])
        location_index = self.child(
            home, LocationIndexPage, show_in_menus=False, **indexes["locations"]
        )
        self.load_locations(location_index)
        self.child(home, ContactPage, show_in_menus=False, **self.site_data["contact"])
        self.load_visit_pages(home, site)
        self.step(4, "conditions")
        conditions = self.load_conditions(condition_index)
        self.step(5, "procedures")
        procedures = self.load_procedures(procedure_index, conditions)
        self.step(6, "physicians and news")
        physicians = self.load_physicians(physician_index)
        self.load_news(news_index, physicians, procedures, conditions)
        self.load_featured_procedures(home, procedures)
        self.step(7, "the Spanish pages, roles and workflows")
        self.load_spanish(HomePage.objects.get(pk=home.pk), procedures, conditions)
        # Permissions and workflows for the sections just built, in both languages.
        configure_roles(apps)
        return self.report

    # Snippets and settings

    def care_team_data(self):
        return [
            {**item, "on_care_team": True, "sort_order": order}
            for order, item in enumerate(self.site_data["specialties"], start=1)
        ]

    def load_snippets(self, model, items, key):
        objects = {}
        for item in items:
            obj, created = model.objects.get_or_create(
                **{key: item[key]}, defaults={k: v for k, v in item.items() if k != key}
            )
            if created:
                self.report.add(obj)
            else:
                # Spanish words added to the demo after this database was built: filled in
                # where still empty, never over what an editor wrote.
                missing = {
                    name: value
                    for name, value in item.items()
                    if name.endswith("_es") and not getattr(obj, name)
                }
                if missing:
                    model.objects.filter(pk=obj.pk).update(**missing)
            objects[item[key]] = obj
        return objects

    def load_images(self):
        """The demo diagrams, drawn by code (demo.images), found again by title."""
        images = {}
        for key, diagram in DIAGRAMS.items():
            image = Image.objects.filter(title=diagram["title"]).first()
            if image is None:
                image = Image.objects.create(
                    title=diagram["title"],
                    description=diagram["description"],
                    file=ImageFile(io.BytesIO(diagram["draw"]()), name=f"{key}.png"),
                )
                self.report.add(image)
            images[key] = image
        return images

    def load_settings(self, site):
        clinic_settings = ClinicSettings.for_site(site)
        if clinic_settings.phone:
            return  # already set up: leave the clinic's own details alone
        data = dict(self.site_data["settings"])
        clinic_settings.hours = [
            ClinicOpeningHours(
                weekday=WEEKDAYS[day],
                opens=datetime.time.fromisoformat(opens),
                closes=datetime.time.fromisoformat(closes),
            )
            for day, opens, closes in data.pop("hours")
        ]
        for name, value in data.items():
            setattr(clinic_settings, name, value.strip())
        clinic_settings.social_image = self.images["sharing-card"]
        clinic_settings.demo_notice = True  # the details above are made up: say so on every page
        clinic_settings.save()
        self.report.add(clinic_settings)

    # Pages

    def load_home_and_site(self):
        data = self.site_data["home"]
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's installer leaves a "Welcome" page where the home page belongs.
            for welcome in root.get_children().filter(slug="home"):
                if welcome.specific_class is Page:
                    welcome.delete()
            home = home_page(data)
            root.add_child(instance=home)
            self.publish(home)

        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True
            )
        if site.root_page_id != home.pk:
            site.root_page = home
        if not site.site_name:
            site.site_name = self.site_data["settings"]["clinic_name"]
        site.save()
        if settings.SITE_URL:
            # The site may be new (Wagtail's welcome site goes with its page): give it the address
            # `migrate` gave the old one.
            site_address.apply(settings.SITE_URL)
            site.refresh_from_db()
        return home, site

    def child(self, parent, model, slug, title, show_in_menus=None, **fields):
        """The child of `parent` with this slug, created and published if it does not exist."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        if show_in_menus is None:
            # The sections directly under the home page make up the main menu.
            show_in_menus = parent.depth == 2
        page = model(title=title, slug=slug, show_in_menus=show_in_menus, **fields)
        parent.add_child(instance=page)
        self.publish(page)
        return page

    def publish(self, page):
        page.save_revision().publish()
        self.report.add(page)
