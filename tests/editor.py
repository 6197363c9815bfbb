"""What the Wagtail page editor posts for an existing page, as a browser would send it."""

from django.urls import reverse

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.test.utils.form_data import querydict_from_html, rich_text


def block_form_data(block, value, prefix, data):
    """Add the editor's form fields for one block value (stream, struct, list or plain)."""
    if isinstance(block, blocks.StreamBlock):
        data[f"{prefix}-count"] = str(len(value))
        for i, child in enumerate(value):
            data[f"{prefix}-{i}-type"] = child.block_type
            data[f"{prefix}-{i}-id"] = child.id or ""
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = str(i)
            block_form_data(child.block, child.value, f"{prefix}-{i}-value", data)
    elif isinstance(block, ImageBlock):  # a StructBlock whose value is the image itself
        data[f"{prefix}-image"] = str(value.pk)
        data[f"{prefix}-alt_text"] = value.contextual_alt_text or ""
        data[f"{prefix}-decorative"] = "on" if value.decorative else ""
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            block_form_data(child_block, value[name], f"{prefix}-{name}", data)
    elif isinstance(block, blocks.ListBlock):
        data[f"{prefix}-count"] = str(len(value))
        for i, child in enumerate(value.bound_blocks):
            data[f"{prefix}-{i}-id"] = child.id or ""
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = str(i)
            block_form_data(block.child_block, child.value, f"{prefix}-{i}-value", data)
    elif isinstance(block, blocks.RichTextBlock):
        data[prefix] = rich_text(value.source, features=block.features)
    else:
        data[prefix] = "" if value is None else str(value)


def editor_form_data(client, page):
    """The edit form of `page` as the editor renders it, with its StreamFields filled in."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    form = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # A plain dict of lists: the test client would post only the last value of a QueryDict key.
    data = {key: form.getlist(key) for key in form}
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            block_form_data(field.stream_block, getattr(page, field.name), field.name, data)
    return data
