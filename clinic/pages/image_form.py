"""The image upload form: Wagtail's, telling editors before they upload what size pages need."""

from wagtail.images.forms import BaseImageForm


# The sizes clinic.pages.images.check_image_size asks for, said where an editor picks the file to upload.
SIZES_NEEDED = (
    "Size: images in page text and news need to be at least 1200 pixels wide (news 1200 × 675); "
    "physician photos at least 320 × 320. A smaller image uploads, but a page will not accept it."
)


class ImageForm(BaseImageForm):
    """Wagtail's image form, telling editors before they upload what size the pages need."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].help_text = f"{self.fields['file'].help_text} {SIZES_NEEDED}"
