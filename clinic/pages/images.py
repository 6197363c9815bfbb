"""Rules for images editors choose, so every rendition size the templates ask for exists."""

from django.core.exceptions import ValidationError


def check_image_size(image, min_width, min_height=0):
    """
    Raise a ValidationError if `image` is smaller than the largest rendition a template makes of
    it: a smaller image would be stretched, or give a browser the same size twice.
    """
    if image is None:
        return
    if image.width < min_width or image.height < min_height:
        wanted = f"{min_width} × {min_height}" if min_height else f"{min_width}"
        unit = "pixels" if min_height else "pixels wide"
        raise ValidationError(
            f"This image is {image.width} × {image.height} pixels. Choose one at least "
            f"{wanted} {unit}, so it stays sharp on large screens."
        )
