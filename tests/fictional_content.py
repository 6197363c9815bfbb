"""
Content made up for tests on top of the demo clinic (whose physicians are real people): a
fictional physician, a review they recorded, and a document only some visitors may see.
"""

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.wagtail_factories import ImageFactory

from medical_review.models import record_review
from physicians.factories import PhysicianPageFactory
from physicians.models import PhysicianIndexPage
from procedures.models import ProcedurePage


def create_fictional_physician():
    """
    A made-up physician, for tests only (the demo's physicians are real people): performs the
    sacroiliac joint injection, has a photo and takes new patients.
    """
    physician = PhysicianPageFactory(
        parent=PhysicianIndexPage.objects.get(locale__language_code="en"),
        title="Alex Example",
        family_name="Example",
        procedures_performed=[ProcedurePage.objects.get(slug="sacroiliac-joint-injection")],
    )
    physician.photo = ImageFactory(
        title="Portrait",
        description="Portrait of Dr. Alex Example",
        file__width=800,
        file__height=800,
    )
    physician.accepting_new_patients = True
    physician.save_revision().publish()
    return physician


def record_fictional_review(physician):
    """The SI joint injection page, reviewed by `physician`, so its review line is on show."""
    page = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    record_review(page, physician)
    return page


def private_document(restriction_type="login", password=""):
    """The demo's sample form, moved into a collection of its own with a view restriction.
    Returns the document and the restriction."""
    document = get_document_model().objects.get(title="Sample new patient questionnaire")
    collection = Collection.get_first_root_node().add_child(name="Private")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, password=password
    )
    document.collection = collection
    document.save()
    return document, restriction
