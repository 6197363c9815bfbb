"""The body blocks editors compose pages from."""

import pytest

from django.core.exceptions import ValidationError

from wagtail.test.utils.wagtail_factories import ImageFactory

from clinic.blocks import FigureBlock


@pytest.mark.django_db
def test_a_figure_image_too_small_for_the_page_is_refused():
    block = FigureBlock()
    small = ImageFactory(title="Small diagram", file__width=600, file__height=400)
    value = block.to_python(
        {"image": {"image": small.pk, "alt_text": "A diagram", "decorative": False}}
    )
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "Choose one at least 1200 pixels wide" in str(error.value.block_errors["image"])
