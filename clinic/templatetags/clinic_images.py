"""
Wagtail's {% image %}, {% srcset_image %} and {% picture %} (same syntax, same HTML), except
that an image whose renditions cannot be made (clinic.pages.renditions) is left out of the page, or
shows its alt text, instead of a broken picture or a 500. Templates load this library in place
of wagtailimages_tags.
"""

from django import template
from django.utils.html import format_html

from wagtail.images.models import Picture, ResponsiveImage
from wagtail.images.templatetags import wagtailimages_tags as wagtail_tags

from clinic.pages.renditions import rendition_or_none, renditions_or_none


register = template.Library()


def left_out(node, context):
    """What stands where the picture cannot: its alt text, if the template gave one."""
    if node.output_var_name:
        context[node.output_var_name] = None
        return ""
    alt = node.attrs.get("alt")
    return format_html('<span class="image-missing">{}</span>', alt.resolve(context)) if alt else ""


def attributes(node, context):
    return {key: value.resolve(context) for key, value in node.attrs.items()}


class ImageNode(wagtail_tags.ImageNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        rendition = rendition_or_none(image, self.get_filter())
        if rendition is None:
            return left_out(self, context)
        if self.output_var_name:
            context[self.output_var_name] = rendition
            return ""
        return rendition.img_tag(attributes(self, context))


class SrcsetImageNode(wagtail_tags.SrcsetImageNode):
    kind = ResponsiveImage

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = renditions_or_none(image, self.get_filters())
        if renditions is None:
            return left_out(self, context)
        if self.output_var_name:
            context[self.output_var_name] = self.kind(renditions)
            return ""
        return self.kind(renditions, attributes(self, context)).__html__()


class PictureNode(SrcsetImageNode):
    kind = Picture


NODES = {
    wagtail_tags.ImageNode: ImageNode,
    wagtail_tags.SrcsetImageNode: SrcsetImageNode,
    wagtail_tags.PictureNode: PictureNode,
}


def image(parser, token):
    """Wagtail's parser (its checks and error messages); our node."""
    parsed = wagtail_tags.image(parser, token)
    return NODES[type(parsed)](
        parsed.image_expr,
        parsed.filter_specs,
        attrs=parsed.attrs,
        output_var_name=parsed.output_var_name,
    )


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
