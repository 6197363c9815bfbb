"""The demo clinic built from the old site's facts: complete, faithful and loaded only once."""

from io import StringIO

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

from clinic.models import BodyRegion, ClinicSettings, Language, Specialty
from conditions.models import ConditionPage
from demo.markup import load_items
from news.models import NewsPostPage
from physicians.models import PhysicianPage
from procedures.models import ProcedurePage


Image = get_image_model()


# The names the clinic's old site lists under "Common Interventional Spine Procedures" and
# "... Conditions", exactly as it spells them (copied from it once: the test data, kept here).
SEED_PROCEDURES = [
    "Botox Injections",
    "Chemonucleolysis",
    "Discography",
    "Epidural Steroid Injections",
    "Facet Joint Injections",
    "Facet Joint Syovial Cyst Aspiration/Rupture",
    "Intradiscal Injection",
    "Kyphoplasty",
    "Lumbar Sympathetic Block",
    "Medial Branch Block",
    "Minimally Invasive Lumbar Discectomy",
    "Occipital Nerve Block",
    "Prolotherapy",
    "Pulsed Radiofrequency Ablation Peripheral Nerves",
    "Radiofrequency Ablation of Hip and Knees",
    "Radiofrequency Ablation, Rhizotomy of Facet Joints",
    "Sacroiliac Joint Injection (SI Joint)",
    "Sacroiliac Joint Percutaneous Fusion",
    "Sacroiliac Radiofrequency Ablation",
    "Selective Nerve Root Block",
    "Spinal Cord Stimulator Trial and Surgical Implantation",
    "Stellate Ganglion Block",
    "Stem Cell Injection",
    "Suprascapular Nerve Block",
    "Trigger Point Injections",
    "Ultrasound Guided Hip Joint Injection",
    "Ultrasound Guided Peripheral Nerve Injection",
    "Ultrasound Guided Piriformis Injection",
    "Vertebroplasty",
]


SEED_CONDITIONS = [
    "Annular Tear",
    "Bulging Disc",
    "Cervicogenic Headache",
    "Complex Regional Pain Syndrom (CRPS)",
    "Degenerative Disc Disease",
    "Disk Extrusion",
    "Disk Protrusion",
    "Failed Back Surgery Syndrome",
    "Facet Joint Arthritis",
    "Herniated Discs",
    "Neck and Back Pain",
    "Occipital Neuralgia",
    "Pinched Nerve",
    "Reflex Sympathetic Dystrophy (RSD)",
    "Sciatica",
    "SI Joint Pain",
    "Spinal Stenosis",
    "Spondylolisthesis",
    "Spondylosis",
    "Vertebrae Fracture",
    "Whiplash",
]


FULLY_DESCRIBED = [
    "sacroiliac-joint-injection",
    "cervical-radiofrequency-ablation",
    "cervical-epidural-injection",
    "radiofrequency-medial-branch-neurotomy",
    "lumbar-facet-injection",
    "medial-branch-block",
]


def test_every_listed_procedure_has_a_page(db):
    listed = {item.get("listed_as") for item in load_items("procedures")}
    assert sorted(listed - {None}) == sorted(SEED_PROCEDURES)
    english = ProcedurePage.objects.live().filter(locale__language_code="en")
    assert english.count() == 32  # 29 listed + 3 specific forms


def test_every_listed_condition_has_a_page_or_is_another_name_of_one(db):
    listed = [name for item in load_items("conditions") for name in item["listed_as"]]
    assert sorted(listed) == sorted(SEED_CONDITIONS)
    assert ConditionPage.objects.live().filter(locale__language_code="en").count() == 20
    crps = ConditionPage.objects.get(slug="complex-regional-pain-syndrome")
    assert "Reflex sympathetic dystrophy (RSD)" in crps.other_names


def test_fully_described_procedures_have_every_structured_field(db):
    fields = [
        "summary",
        "purpose",
        "setting",
        "visits_needed",
        "medicines_used",
        "typical_relief_onset",
        "typical_relief_duration",
    ]
    for slug in FULLY_DESCRIBED:
        page = ProcedurePage.objects.get(slug=slug)
        for field in fields:
            assert getattr(page, field), f"{slug} has no {field}"
        assert page.body_regions.exists(), slug
        assert page.conditions_treated.exists(), slug
        assert page.other_names, slug
        headings = [block.value["text"] for block in page.body if block.block_type == "heading"]
        assert len(headings) >= 4, slug


def test_specific_forms_and_prerequisites_are_linked(db):
    neurotomy = ProcedurePage.objects.get(slug="radiofrequency-medial-branch-neurotomy")
    block = ProcedurePage.objects.get(slug="medial-branch-block")
    cervical_rfa = ProcedurePage.objects.get(slug="cervical-radiofrequency-ablation")
    assert "Rhizotomy" in neurotomy.other_names
    assert list(neurotomy.prerequisites.all()) == [block]
    assert cervical_rfa.general_procedure_id == neurotomy.pk
    assert (
        ProcedurePage.objects.get(slug="cervical-epidural-injection").general_procedure.slug
        == "epidural-steroid-injections"
    )
    assert (
        ProcedurePage.objects.get(slug="lumbar-facet-injection").general_procedure.slug
        == "facet-joint-injections"
    )


def test_every_condition_leads_to_a_procedure_and_procedures_to_their_conditions(db):
    """No dead ends: each condition page names procedures that may treat it, and each
    procedure the conditions it treats, except where the site has no page for the condition."""
    # The English pages hold the relations; a translation shows its English page's.
    untreated = ConditionPage.objects.filter(
        locale__language_code="en", procedures__isnull=True
    ).values_list("slug", flat=True)
    assert list(untreated) == []
    unlinked = set(
        ProcedurePage.objects.filter(
            locale__language_code="en", conditions_treated__isnull=True
        ).values_list("slug", flat=True)
    )
    # Hip, knee and shoulder pain: the old site lists no condition of these joints.
    assert unlinked == {
        "radiofrequency-ablation-hip-knee",
        "suprascapular-nerve-block",
        "ultrasound-guided-hip-joint-injection",
    }


def test_physicians_news_taxonomies_and_settings(db):
    assert set(PhysicianPage.objects.values_list("slug", flat=True)) == {
        "faisal-a-chaudhry",
        "howard-jackson",
    }
    # Nothing the old site does not say about these real people.
    for physician in PhysicianPage.objects.all():
        assert physician.photo is None
        assert not physician.specialties.exists()
        assert not physician.qualifications.exists()
        assert not physician.biography
        assert physician.accepting_new_patients is None

    english = NewsPostPage.objects.filter(locale__language_code="en")
    dates = {post.slug: post.date.isoformat() for post in english}
    assert dates == {
        "doctor-profile-faisal-a-chaudhry": "2020-02-28",
        "non-surgical-relief-for-spine-pain": "2016-05-10",
        "doctor-profile-howard-jackson": "2016-05-06",
    }
    for post in english:  # each Spanish post has its English post's date
        assert post.get_translations().get().specific.date == post.date
    assert BodyRegion.objects.count() == 6
    assert Specialty.objects.filter(on_care_team=True).count() == 8
    # The languages site admins tick on a profile: the ones US patients speak most.
    languages = set(Language.objects.values_list("name", flat=True))
    assert {
        "English",
        "Spanish",
        "Chinese (Mandarin)",
        "Vietnamese",
        "American Sign Language",
    } <= languages
    assert not any(physician.languages.exists() for physician in PhysicianPage.objects.all())

    clinic = ClinicSettings.objects.get()
    assert "555-01" in clinic.phone  # a number reserved for fiction
    assert "911" in clinic.emergency_notice


def test_running_the_loader_again_changes_nothing(db):
    procedure = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    procedure.title = "Sacroiliac joint injection (edited)"
    procedure.save_revision().publish()
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
    )

    output = StringIO()
    call_command("load_demo_content", stdout=output)

    assert "nothing changed" in output.getvalue()
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
    ) == counts
    procedure.refresh_from_db()
    assert procedure.title == "Sacroiliac joint injection (edited)"


def test_every_demo_page_renders(client, db):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) >= 64
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title.encode() in response.content.replace(b"&#x27;", b"'"), page.url


def test_demo_images_are_drawn_diagrams_with_alt_text(client, db):
    diagrams = Image.objects.filter(title__startswith="Diagram:")
    assert diagrams.count() == 3
    for image in diagrams:
        assert len(image.description) > 60, image.title  # read out instead of the picture
        assert image.width >= 1200
    page = client.get("/procedures/sacroiliac-joint-injection/").content.decode()
    assert 'type="image/avif"' in page and 'type="image/webp"' in page
    assert 'alt="Diagram of the pelvis seen from behind.' in page
    assert 'loading="lazy"' in page


EPIDURAL_STEROID_PAGES = [
    "epidural-steroid-injections",
    "cervical-epidural-injection",
    "selective-nerve-root-block",
]


def test_epidural_steroid_pages_give_the_fdas_warning_as_it_is(db):
    """The 2014 label warning on injectable steroids, not on every epidural injection."""
    for slug in EPIDURAL_STEROID_PAGES:
        page = ProcedurePage.objects.get(slug=slug)
        text = f"{page.body} {page.serious_risks} {page.medicines_used}".lower()
        for risk in ["loss of vision", "stroke", "paralysis", "death", "fda"]:
            assert risk in text, (slug, risk)
        assert "off-label" in text or "not fda-approved" in text, slug


def test_nothing_promises_a_video_the_old_site_does_not_have(db):
    pages = [*PhysicianPage.objects.all(), *NewsPostPage.objects.all()]
    for page in pages:
        text = f"{page.summary} {getattr(page, 'body', '')}".lower()
        assert "video" not in text and "shows a" not in text and "in this feature" not in text
