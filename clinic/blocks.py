"""StreamField blocks shared by every page type. One body block, reused everywhere."""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from clinic.pages.images import check_image_size


RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        max_length=120,
        help_text="A short heading patients can scan, e.g. “How it works” or “After the procedure”.",
    )
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use a sub-heading only inside a section.",
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        description = "A section heading. Sections help patients find their way on long pages."
        preview_value = {"text": "How it works", "level": "h2"}


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        help_text="Describe the image for people who cannot see it, or mark it as decorative."
    )
    labels = blocks.ListBlock(
        blocks.CharBlock(max_length=120, label="Label"),
        min_num=0,
        default=[],
        help_text=(
            "If the image has numbered markers, what each number points to, in order, e.g. "
            "“Facet joint: where two vertebrae meet”. Shown as text under the image, so it can "
            "be read at any size and by screen readers. Leave out words drawn in the image."
        ),
    )
    caption = blocks.CharBlock(
        required=False, max_length=250, help_text="Optional. Shown under the image."
    )

    def clean(self, value):
        value = super().clean(value)
        try:
            check_image_size(value["image"], 1200)  # shown up to 1200 wide
        except ValidationError as error:
            raise blocks.StructBlockValidationError(block_errors={"image": error}) from error
        return value

    class Meta:
        icon = "image"
        template = "components/blocks/figure_block.html"
        description = "An image with optional caption, e.g. a diagram of the spine."


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[
            ("info", "Information"),
            ("warning", "Important"),
            ("urgent", "Urgent: when to get help"),
        ],
        default="info",
        help_text="“Urgent” is for signs that need a doctor or emergency care right away.",
    )
    heading = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "components/blocks/callout_block.html"
        description = "A highlighted box for something patients must not miss."
        preview_value = {
            "tone": "urgent",
            "heading": "Call 911 if",
            "text": "<p>You suddenly cannot move your legs or control your bladder.</p>",
        }


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class QuestionsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Common questions")
    questions = blocks.ListBlock(QuestionBlock(), min_num=1)

    class Meta:
        icon = "help"
        template = "components/blocks/questions_block.html"
        description = "Questions patients often ask, each with a short answer."
        preview_value = {
            "heading": "Common questions",
            "questions": [
                {
                    "question": "Will it hurt?",
                    "answer": "<p>The skin is numbed first.</p>",
                }
            ],
        }


class InsurancePlansBlock(blocks.StructBlock):
    """
    Where a page lists the plans: a heading only. The plans are the feature's (first_visit): its
    template reads them from `before_a_visit`, which first_visit's context processor gives.
    """

    heading = blocks.CharBlock(max_length=120, default="Insurance plans we accept")

    class Meta:
        icon = "list-ul"
        template = "components/blocks/insurance_plans_block.html"
        label = "Insurance plans"
        description = (
            "The insurance plans the clinic accepts, as site admins keep them in Settings › "
            "Before a visit › Insurance, with the date of the last change. Left out while the "
            "list is empty."
        )
        preview_value = {"heading": "Insurance plans we accept"}

    def get_searchable_content(self, value):
        """
        Only the heading: the plan names depend on the page's site, so the page indexes them
        itself (first_visit.models.plan_listings.ListsPlansMixin).
        """
        return [value["heading"]]


class PatientFormBlock(blocks.StructBlock):
    document = DocumentChooserBlock(
        help_text=(
            "The form as a PDF under Documents. To change it, upload the new version over this "
            "document (Documents › the form › Change document file): every link follows."
        )
    )
    title = blocks.CharBlock(
        max_length=120, help_text="The form's name as patients should see it in the link."
    )
    purpose = blocks.TextBlock(
        max_length=300, help_text="What the form is for and who needs to fill it in."
    )
    when_to_bring = blocks.CharBlock(
        max_length=200,
        required=False,
        help_text="Optional. When to bring or send it, e.g. “Bring it to your first visit.”",
    )


class PatientFormsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Forms for your visit")
    forms = blocks.ListBlock(PatientFormBlock(), min_num=1)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/patient_forms_block.html"
        label = "Patient forms"
        description = (
            "Forms patients print or fill in before a visit. Each link gives the file's "
            "format and size."
        )


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text="The address of a YouTube or Vimeo video.")
    title = blocks.CharBlock(
        max_length=150, help_text="What the video shows, read out by screen readers."
    )
    transcript = blocks.RichTextBlock(
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text="Optional but recommended: a text version for people who cannot watch or hear it.",
    )

    class Meta:
        icon = "media"
        template = "components/blocks/video_block.html"
        description = "A video with a title and, ideally, a transcript."


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="components/blocks/paragraph_block.html",
        description="Text in short paragraphs. Lists help patients scan.",
        preview_value="<p>Plain words and short sentences are easiest to read when you are in pain.</p>",
    )
    figure = FigureBlock()
    callout = CalloutBlock()
    questions = QuestionsBlock()
    insurance_plans = InsurancePlansBlock()
    patient_forms = PatientFormsBlock()
    video = VideoBlock()
