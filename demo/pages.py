"""The demo clinic's pages below the home page, built from the data files."""

import datetime

from clinic.models.contact import Weekday
from conditions.models import ConditionPage
from home.models import HomePage, HomePageFeaturedProcedure, StandardPage
from locations.models import LocationOpeningException, LocationOpeningHours, LocationPage
from news.models import NewsPostPage
from physicians.models import PhysicianPage
from procedures.models import ProcedurePage

from .markup import lines_text, list_items, load_data, load_items, text_to_blocks, text_to_html


# The data files name weekdays in English, whatever language is active when this is imported.
WEEKDAYS = {
    name.capitalize(): value for name, value in zip(Weekday.names, Weekday.values, strict=True)
}


def home_page(data, slug="home"):
    """An unsaved home page from the data (in any language)."""
    return HomePage(
        title=data["title"],
        slug=slug,
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


class ContentPagesMixin:
    """The parts of DemoContentLoader that build the content pages, section by section."""

    def standard_page(self, parent, data, forms=None):
        """The general page under `parent` that `data` describes: title, slug, summary, body."""
        return self.child(
            parent,
            StandardPage,
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            body=text_to_blocks(data["body"], self.images, forms=forms),
        )

    def load_about(self, home):
        data = self.site_data["about"]
        about = self.standard_page(home, data)
        for child_data in data["children"]:
            page = self.standard_page(about, child_data)
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
                    LocationOpeningException(
                        date=date,
                        reason=exception["reason"],
                        reason_es=exception.get("reason_es", ""),
                        **times,
                    )
                )
            self.child(index, LocationPage, hours=hours, exceptions=exceptions, **data)

    def load_conditions(self, index):
        pages, created = {}, []
        for item in load_items("conditions"):
            existing = index.get_children().filter(slug=item["slug"]).first()
            if existing is not None:
                pages[item["slug"]] = existing.specific
                continue
            page = self.condition_page(item)
            page.body_regions = [self.regions[slug] for slug in item.get("body_regions", [])]
            index.add_child(instance=page)
            pages[item["slug"]] = page
            created.append((page, item))
        for page, item in created:
            page.related_conditions = [pages[slug] for slug in item.get("related", [])]
            self.publish(page)
        return pages

    def condition_page(self, item, figures=None):
        """An unsaved condition page from one item of the data (in any language)."""
        return ConditionPage(
            title=item["title"],
            slug=item["slug"],
            summary=item["summary"],
            also_known_as=lines_text(item.get("also_known_as")),
            symptoms=item.get("symptoms", "").strip(),
            when_to_see_doctor=text_to_html(item.get("when_to_see_doctor", "")),
            call_911_if=lines_text(item.get("call_911")),
            body=text_to_blocks(item.get("body", ""), self.images, figures),
        )

    def load_procedures(self, index, conditions):
        pages, created = {}, []
        for item in load_items("procedures"):
            existing = index.get_children().filter(slug=item["slug"]).first()
            if existing is not None:
                pages[item["slug"]] = existing.specific
                continue
            page = self.procedure_page(item)
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

    def procedure_page(self, item, figures=None, questions_heading="Common questions"):
        """An unsaved procedure page from one item of the data (in any language)."""
        body = text_to_blocks(item.get("body", ""), self.images, figures)
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
                        "heading": questions_heading,
                        "questions": list_items(
                            {"question": q["question"], "answer": text_to_html(q["answer"])}
                            for q in item["questions"]
                        ),
                    },
                }
            )
        return ProcedurePage(
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
            before_procedure=lines_text(item.get("before")),
            common_risks=lines_text(item.get("common_risks")),
            serious_risks=lines_text(item.get("serious_risks")),
            call_911_if=lines_text(item.get("call_911")),
            call_us_if=lines_text(item.get("call_us")),
            body=body,
        )

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
        # In the data's order: without a sort order, the database may return them in any.
        home.featured_procedures = [
            HomePageFeaturedProcedure(procedure=procedures[slug], sort_order=position)
            for position, slug in enumerate(self.site_data["home"]["featured_procedures"])
        ]
        self.publish(home)
