"""
Builds the demo clinic from the data files next to this module.

It only creates what is missing: a page, snippet or setting that already exists is left exactly
as it is, so running it again changes nothing and never overwrites an editor's work.
"""

import datetime
import io
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.html import escape

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from clinic.models import BodyRegion, ClinicOpeningHours, ClinicSettings, Specialty
from clinic.models.contact import Weekday
from conditions.models import ConditionIndexPage, ConditionPage
from home.models import (
    BodyRegionIndexPage,
    ContactPage,
    HomePage,
    HomePageFeaturedProcedure,
    StandardPage,
)
from home.roles import configure_roles
from locations.models import (
    LocationIndexPage,
    LocationOpeningException,
    LocationOpeningHours,
    LocationPage,
)
from news.models import NewsCategory, NewsIndexPage, NewsPostPage
from physicians.models import PhysicianIndexPage, PhysicianPage
from procedures.models import ProcedureIndexPage, ProcedurePage
from site_search.models import SearchSynonym

from .images import DIAGRAMS


DATA_DIR = Path(__file__).resolve().parent / "content"
WEEKDAYS = {label: value for value, label in Weekday.choices}
Image = get_image_model()


def load_data(name):
    with open(DATA_DIR / f"{name}.toml", "rb") as data_file:
        return tomllib.load(data_file)


def text_to_html(text):
    """Paragraphs separated by blank lines, "- " lines as a bulleted list; everything escaped."""
    html = []
    for chunk in (text or "").strip().split("\n\n"):
        chunk_lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        paragraph, items = [], []
        for line in chunk_lines:
            if line.startswith("- "):
                items.append(f"<li>{escape(line[2:])}</li>")
            else:
                paragraph.append(escape(line))
        if paragraph:
            html.append(f"<p>{' '.join(paragraph)}</p>")
        if items:
            html.append(f"<ul>{''.join(items)}</ul>")
    return "".join(html)


def text_to_blocks(text, images=None):
    """
    The same markup as raw StreamField data, where a "## " line starts a section and a line
    "!figure <image key>: <caption>" places one of the demo diagrams.
    """
    blocks, buffer = [], []

    def flush():
        if any(line.strip() for line in buffer):
            blocks.append({"type": "paragraph", "value": text_to_html("\n".join(buffer))})
        buffer.clear()

    for line in (text or "").strip().splitlines():
        if line.startswith("## "):
            flush()
            blocks.append({"type": "heading", "value": {"text": line[3:].strip(), "level": "h2"}})
        elif line.startswith("!figure "):
            flush()
            key, _, caption = line.removeprefix("!figure ").partition(":")
            image = images[key.strip()]
            blocks.append(
                {
                    "type": "figure",
                    "value": {
                        "image": {
                            "image": image.pk,
                            "alt_text": image.description,
                            "decorative": False,
                        },
                        "caption": caption.strip(),
                    },
                }
            )
        else:
            buffer.append(line)
    flush()
    return blocks


def lines_text(values):
    return "\n".join(values or [])


@dataclass
class LoadReport:
    created: list = field(default_factory=list)

    def add(self, thing):
        self.created.append(thing)


class DemoContentLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.report = LoadReport()
        self.site_data = load_data("site")

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    @transaction.atomic
    def load(self):
        regions = [
            {**item, "sort_order": order}
            for order, item in enumerate(self.site_data["body_regions"], start=1)
        ]
        self.regions = self.load_snippets(BodyRegion, regions, key="slug")
        self.load_snippets(Specialty, self.care_team_data(), key="name")
        self.categories = self.load_snippets(
            NewsCategory, self.site_data["news_categories"], key="slug"
        )
        synonyms = [
            {"term": item["term"].lower(), "replacements": lines_text(item["replacements"])}
            for item in self.site_data["search_synonyms"]
        ]
        self.load_snippets(SearchSynonym, synonyms, key="term")
        self.images = self.load_images()
        home, site = self.load_home_and_site()
        self.load_settings(site)
        indexes = self.site_data["indexes"]
        procedure_index = self.child(home, ProcedureIndexPage, **indexes["procedures"])
        condition_index = self.child(home, ConditionIndexPage, **indexes["conditions"])
        physician_index = self.child(home, PhysicianIndexPage, **indexes["physicians"])
        news_index = self.child(home, NewsIndexPage, **indexes["news"])
        self.load_about(home)
        self.child(home, BodyRegionIndexPage, show_in_menus=False, **indexes["regions"])
        location_index = self.child(
            home, LocationIndexPage, show_in_menus=False, **indexes["locations"]
        )
        self.load_locations(location_index)
        self.child(home, ContactPage, show_in_menus=False, **self.site_data["contact"])
        conditions = self.load_conditions(condition_index)
        procedures = self.load_procedures(procedure_index, conditions)
        physicians = self.load_physicians(physician_index)
        self.load_news(news_index, physicians, procedures, conditions)
        self.load_featured_procedures(home, procedures)
        configure_roles(apps)  # permissions and workflows for the sections just built
        self.log(f"Created {len(self.report.created)} new items.")
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
            home = HomePage(
                title=data["title"],
                slug="home",
                hero_heading=data["hero_heading"],
                hero_text=data["hero_text"].strip(),
                intro_heading=data["intro_heading"],
                intro=text_to_html(data["intro"]),
                difference_heading=data["difference_heading"],
                difference=text_to_html(data["difference"]),
                pain_heading=data["pain_heading"],
                pain_types=data["pain_types"].strip(),
                care_team_heading=data["care_team_heading"],
                care_team_intro=text_to_html(data["care_team_intro"]),
                procedures_heading=data["procedures_heading"],
                procedures_intro=data["procedures_intro"],
            )
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

    def load_about(self, home):
        data = self.site_data["about"]
        about = self.child(
            home,
            StandardPage,
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            body=text_to_blocks(data["body"], self.images),
        )
        for child_data in data["children"]:
            page = self.child(
                about,
                StandardPage,
                title=child_data["title"],
                slug=child_data["slug"],
                summary=child_data["summary"],
                body=text_to_blocks(child_data["body"], self.images),
            )
            if child_data["slug"] == "care-team":
                home = HomePage.objects.get(pk=home.pk)
                if home.care_team_page_id is None:
                    home.care_team_page = page
                    self.publish(home)

    def load_locations(self, index):
        today = datetime.date.today()
        for item in self.site_data["locations"]:
            data = dict(item)
            hours = [
                LocationOpeningHours(
                    weekday=WEEKDAYS[day],
                    opens=datetime.time.fromisoformat(opens),
                    closes=datetime.time.fromisoformat(closes),
                )
                for day, opens, closes in data.pop("hours")
            ]
            exceptions = []
            for exception in data.pop("exceptions"):
                date = datetime.date(today.year, exception["month"], exception["day"])
                if date < today:
                    date = date.replace(year=today.year + 1)
                times = {
                    key: datetime.time.fromisoformat(exception[key])
                    for key in ("opens", "closes")
                    if key in exception
                }
                exceptions.append(
                    LocationOpeningException(date=date, reason=exception["reason"], **times)
                )
            self.child(index, LocationPage, hours=hours, exceptions=exceptions, **data)

    def load_conditions(self, index):
        pages, created = {}, []
        for item in load_data("conditions")["condition"]:
            existing = index.get_children().filter(slug=item["slug"]).first()
            if existing is not None:
                pages[item["slug"]] = existing.specific
                continue
            page = ConditionPage(
                title=item["title"],
                slug=item["slug"],
                summary=item["summary"],
                also_known_as=lines_text(item.get("also_known_as")),
                symptoms=item.get("symptoms", "").strip(),
                when_to_see_doctor=text_to_html(item.get("when_to_see_doctor", "")),
                body=text_to_blocks(item.get("body", ""), self.images),
            )
            page.body_regions = [self.regions[slug] for slug in item.get("body_regions", [])]
            index.add_child(instance=page)
            pages[item["slug"]] = page
            created.append((page, item))
        for page, item in created:
            page.related_conditions = [pages[slug] for slug in item.get("related", [])]
            self.publish(page)
        return pages

    def load_procedures(self, index, conditions):
        pages, created = {}, []
        for item in load_data("procedures")["procedure"]:
            existing = index.get_children().filter(slug=item["slug"]).first()
            if existing is not None:
                pages[item["slug"]] = existing.specific
                continue
            body = text_to_blocks(item.get("body", ""), self.images)
            if "callout" in item:
                callout = item["callout"]
                body.append(
                    {
                        "type": "callout",
                        "value": {
                            "tone": callout["tone"],
                            "heading": callout["heading"],
                            "text": text_to_html(callout["text"]),
                        },
                    }
                )
            if item.get("questions"):
                body.append(
                    {
                        "type": "questions",
                        "value": {
                            "heading": "Common questions",
                            "questions": [
                                {
                                    "question": q["question"],
                                    "answer": text_to_html(q["answer"]),
                                }
                                for q in item["questions"]
                            ],
                        },
                    }
                )
            page = ProcedurePage(
                title=item["title"],
                slug=item["slug"],
                summary=item["summary"],
                also_known_as=lines_text(item.get("also_known_as")),
                purpose=item.get("purpose", ""),
                procedure_type=item.get("procedure_type", "PercutaneousProcedure"),
                setting=item.get("setting", ProcedurePage.Setting.OUTPATIENT),
                visits_needed=item.get("visits_needed", ""),
                medicines_used=item.get("medicines_used", ""),
                typical_relief_onset=item.get("typical_relief_onset", ""),
                typical_relief_duration=item.get("typical_relief_duration", ""),
                body=body,
            )
            page.body_regions = [self.regions[slug] for slug in item.get("body_regions", [])]
            page.conditions_treated = [conditions[slug] for slug in item.get("conditions", [])]
            index.add_child(instance=page)
            pages[item["slug"]] = page
            created.append((page, item))
        for page, item in created:
            page.prerequisites = [pages[slug] for slug in item.get("prerequisites", [])]
            if item.get("general"):
                page.general_procedure = pages[item["general"]]
            self.publish(page)
        return pages

    def load_physicians(self, index):
        pages = {}
        for item in load_data("physicians")["physician"]:
            pages[item["slug"]] = self.child(index, PhysicianPage, **item)
        return pages

    def load_news(self, index, physicians, procedures, conditions):
        for item in load_data("news")["post"]:
            if index.get_children().filter(slug=item["slug"]).exists():
                continue
            page = NewsPostPage(
                title=item["title"],
                slug=item["slug"],
                date=item["date"],
                summary=item["summary"],
                image=self.images.get(item.get("image", "")),
                body=text_to_blocks(item.get("body", ""), self.images),
            )
            page.categories = [self.categories[slug] for slug in item.get("categories", [])]
            page.featured_physicians = [physicians[slug] for slug in item.get("physicians", [])]
            page.related_procedures = [procedures[slug] for slug in item.get("procedures", [])]
            page.related_conditions = [conditions[slug] for slug in item.get("conditions", [])]
            index.add_child(instance=page)
            self.publish(page)

    def load_featured_procedures(self, home, procedures):
        home = HomePage.objects.get(pk=home.pk)
        if home.featured_procedures.exists():
            return
        home.featured_procedures = [
            HomePageFeaturedProcedure(procedure=procedures[slug])
            for slug in self.site_data["home"]["featured_procedures"]
        ]
        self.publish(home)
