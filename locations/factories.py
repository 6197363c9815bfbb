import datetime

import factory

from wagtail.test.utils.wagtail_factories import PageFactory

from locations.models import LocationOpeningHours, LocationPage


class LocationPageFactory(PageFactory):
    """A fictional location, open Monday to Friday, 9 am to 5 pm."""

    title = factory.Sequence(lambda n: f"Location {n}")
    summary = "A fictional location for tests."
    street_address = factory.Sequence(lambda n: f"{n} Test Street")
    locality = "Testville"
    region = "ST"
    postal_code = "00000"
    phone = "(312) 555-0199"

    class Meta:
        model = LocationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def weekday_hours(obj, create, extracted, **kwargs):
        if create:
            for weekday in range(5):
                LocationOpeningHours.objects.create(
                    location=obj,
                    weekday=weekday,
                    opens=datetime.time(9),
                    closes=datetime.time(17),
                )
