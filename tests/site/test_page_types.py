"""An editor creates every page type through the admin's forms, and patients see it."""

from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from clinic.models import BodyRegion, Specialty
from conditions.models import ConditionIndexPage, ConditionPage
from home.models import BodyRegionIndexPage, HomePage, StandardPage
from news.models import NewsCategory, NewsIndexPage, NewsPostPage
from physicians.models import PhysicianIndexPage, PhysicianPage
from procedures.models import ProcedureIndexPage, ProcedurePage
from tests.accounts import sign_in
from tests.admin_screens import PROCEDURE_SAFETY


def form_data(fields, **choices):
    """Page editor form data: nested fields flattened, multiple-choice fields posted as lists."""
    data = nested_form_data(fields)
    data.update(choices)
    return data


class EditorCreatesPagesTest(WagtailPageTestCase):
    """An editor logged in to the admin creates and publishes every page type."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="en")
        cls.region = BodyRegion.objects.get(slug="lower-back")

    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "", "a-long-password")
        sign_in(self.client, self.user)

    def test_create_procedure_page(self):
        index = ProcedureIndexPage.objects.get(locale__language_code="en")
        condition = ConditionPage.objects.get(slug="sciatica")
        prerequisite = ProcedurePage.objects.get(slug="medial-branch-block")
        next_procedure = ProcedurePage.objects.get(slug="radiofrequency-ablation-hip-knee")
        data = form_data(
            {
                "title": "Genicular nerve block",
                "slug": "genicular-nerve-block",
                "summary": "A numbing medicine is placed near the nerves of the knee.",
                "body": streamfield(
                    [
                        ("heading", {"text": "How it works", "level": "h2"}),
                        (
                            "paragraph",
                            rich_text("<p>The nerves are numbed for a few hours.</p>"),
                        ),
                    ]
                ),
                "also_known_as": "Knee nerve block",
                "purpose": "diagnosis",
                "setting": "outpatient",
                "visits_needed": "One visit",
                "medicines_used": "A local anesthetic",
                "typical_relief_onset": "Within minutes",
                "typical_relief_duration": "A few hours",
                **PROCEDURE_SAFETY,
                "general_procedure": "",
                "next_steps": inline_formset(
                    [
                        {
                            "procedure": next_procedure.pk,
                            "explanation": "If the block eases your knee pain for a few hours, "
                            "your physician may talk with you about this treatment.",
                        }
                    ]
                ),
            },
            body_regions=[self.region.pk],
            conditions_treated=[condition.pk],
            prerequisites=[prerequisite.pk],
        )
        self.assertCanCreate(index, ProcedurePage, data)
        page = ProcedurePage.objects.get(slug="genicular-nerve-block")
        self.assertTrue(page.live)
        self.assertEqual(list(page.conditions_treated.all()), [condition])
        self.assertEqual(list(page.prerequisites.all()), [prerequisite])
        self.assertEqual(page.other_names, ["Knee nerve block"])

        response = self.client.get(page.url)
        self.assertContains(response, "<h1>Genicular nerve block</h1>", html=True)
        self.assertContains(response, "The nerves are numbed for a few hours.")
        # What may come next is the editor's own sentence, linked to the next procedure.
        self.assertContains(
            response,
            f'<li><a href="{next_procedure.url}">{next_procedure.title}</a>: If the block '
            "eases your knee pain for a few hours, your physician may talk with you about "
            "this treatment.</li>",
            html=True,
        )

    def test_create_condition_page(self):
        index = ConditionIndexPage.objects.get(locale__language_code="en")
        data = form_data(
            {
                "title": "Piriformis syndrome",
                "slug": "piriformis-syndrome",
                "summary": "A muscle deep in the buttock irritates the sciatic nerve.",
                "body": streamfield(
                    [("paragraph", rich_text("<p>It can feel like sciatica.</p>"))]
                ),
                "also_known_as": "Deep gluteal syndrome",
                "symptoms": "Buttock pain\nPain down the leg",
                "when_to_see_doctor": rich_text("<p>If it lasts more than a few weeks.</p>"),
                "call_911_if": "You suddenly cannot move a leg.",
            },
            body_regions=[BodyRegion.objects.get(slug="buttock-and-hip").pk],
            related_conditions=[ConditionPage.objects.get(slug="sciatica").pk],
        )
        self.assertCanCreate(index, ConditionPage, data)
        page = ConditionPage.objects.get(slug="piriformis-syndrome")
        response = self.client.get(page.url)
        self.assertContains(response, "Pain down the leg")
        self.assertContains(response, "Deep gluteal syndrome")

    def test_create_physician_page(self):
        index = PhysicianIndexPage.objects.get(locale__language_code="en")
        specialty = Specialty.objects.get(name="Anesthesiology")
        procedure = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
        data = form_data(
            {
                "title": "Alex Example",
                "slug": "alex-example",
                "family_name": "Example",
                "credentials": "M.D.",
                "summary": "A fictional physician created by a test.",
                "biography": rich_text("<p>Alex likes explaining procedures.</p>"),
                "photo": "",
                "accepting_new_patients": "True",
                "qualifications": inline_formset(
                    [
                        {
                            "kind": "board",
                            "description": "Anesthesiology",
                            "institution": "A fictional board",
                            "year": "2010",
                        }
                    ]
                ),
            },
            specialties=[specialty.pk],
            procedures_performed=[procedure.pk],
        )
        self.assertCanCreate(index, PhysicianPage, data)
        page = PhysicianPage.objects.get(slug="alex-example")
        self.assertIs(page.accepting_new_patients, True)
        self.assertEqual(page.qualifications.get().description, "Anesthesiology")
        response = self.client.get(page.url)
        self.assertContains(response, "<h1>Alex Example, M.D.</h1>", html=True)
        self.assertContains(response, "Accepting new patients")
        # The procedure now names the physician who performs it.
        self.assertContains(self.client.get(procedure.url), "Alex Example, M.D.")

    def test_create_news_post(self):
        index = NewsIndexPage.objects.get(locale__language_code="en")
        physician = PhysicianPage.objects.get(slug="howard-jackson", locale__language_code="en")
        data = form_data(
            {
                "title": "New opening hours",
                "slug": "new-opening-hours",
                "date": "2026-11-20",
                "author": physician.pk,
                "summary": "We now open earlier on Mondays.",
                "image": "",
                "body": streamfield([("paragraph", rich_text("<p>From 7 am.</p>"))]),
            },
            categories=[NewsCategory.objects.get(slug="treatments").pk],
        )
        self.assertCanCreate(index, NewsPostPage, data)
        response = self.client.get("/news/")
        self.assertContains(response, "New opening hours")
        post = self.client.get(NewsPostPage.objects.get(slug="new-opening-hours").url)
        self.assertContains(post, "Dr. Howard Jackson")

    def test_create_standard_page(self):
        about = StandardPage.objects.get(slug="about")
        data = nested_form_data(
            {
                "title": "Visiting us",
                "slug": "visiting-us",
                "summary": "Parking, access and what to bring.",
                "body": streamfield(
                    [
                        ("heading", {"text": "What to bring", "level": "h2"}),
                        (
                            "callout",
                            {
                                "tone": "info",
                                "heading": "Bring a list",
                                "text": rich_text("<p>Of all your medicines.</p>"),
                            },
                        ),
                    ]
                ),
            }
        )
        self.assertCanCreate(about, StandardPage, data)
        response = self.client.get("/about/visiting-us/")
        self.assertContains(response, "Bring a list")

    def test_create_index_pages(self):
        """Each section can be rebuilt by an editor if it is deleted."""
        for model, slug in [
            (ProcedureIndexPage, "procedures"),
            (ConditionIndexPage, "conditions"),
            (PhysicianIndexPage, "physicians"),
            (NewsIndexPage, "news"),
        ]:
            with self.subTest(model=model.__name__):
                model.objects.get(locale__language_code="en").delete()
                data = nested_form_data(
                    {"title": f"New {slug}", "slug": slug, "intro": "An introduction."}
                )
                self.assertCanCreate(self.home, model, data)
                self.assertEqual(self.client.get(f"/{slug}/").status_code, 200)

    def test_create_where_does_it_hurt_page(self):
        BodyRegionIndexPage.objects.get(locale__language_code="en").delete()
        data = nested_form_data(
            {
                "title": "Where is your pain?",
                "slug": "where-is-your-pain",
                "intro": "Choose a part.",
            }
        )
        self.assertCanCreate(self.home, BodyRegionIndexPage, data)
        response = self.client.get("/where-is-your-pain/lower-back/")
        self.assertContains(response, "<h1>Lower back</h1>", html=True)

    def test_create_home_page(self):
        root = Page.get_first_root_node()
        HomePage.objects.all().delete()
        data = nested_form_data(
            {
                "title": "Home",
                "slug": "new-home",
                "hero_heading": "Help with long-lasting pain",
                "hero_text": "We find where pain starts.",
                "intro_heading": "What we do",
                "intro": rich_text("<p>Interventional pain management.</p>"),
                "difference_heading": "How it differs",
                "difference": rich_text("<p>It treats the source.</p>"),
                "pain_heading": "Pain we treat",
                "pain_types": "Neck pain\nBack pain",
                "care_team_heading": "Your team",
                "care_team_intro": rich_text("<p>A team of professionals.</p>"),
                "care_team_page": "",
                "procedures_heading": "Common procedures",
                "procedures_intro": "",
                "featured_procedures": inline_formset([]),
            }
        )
        self.assertCanCreate(root, HomePage, data)
