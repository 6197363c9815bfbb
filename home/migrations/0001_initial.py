
import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('procedures', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='BodyRegionIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='One or two sentences at the top of the page, in plain words.')),
                ('social_image', models.ForeignKey(blank=True, help_text="Optional. Shown when this page is shared on social media or in a messaging app. Without one, the page's own main image is used, or else the clinic's default. At least 1200 × 630 pixels; it is cropped to that shape.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='sharing image')),
            ],
            options={
                'verbose_name': 'body region index page',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='ContactPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='One or two sentences at the top of the page, in plain words.')),
                ('social_image', models.ForeignKey(blank=True, help_text="Optional. Shown when this page is shared on social media or in a messaging app. Without one, the page's own main image is used, or else the clinic's default. At least 1200 × 630 pixels; it is cropped to that shape.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='sharing image')),
            ],
            options={
                'verbose_name': 'contact page',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='HomePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('hero_heading', models.CharField(help_text='The main heading of the site, e.g. “Relief from long-lasting pain”.', max_length=120)),
                ('hero_text', models.TextField(help_text='Two or three sentences under the heading, in plain words.', max_length=400)),
                ('intro_heading', models.CharField(default='What is interventional pain management?', max_length=120)),
                ('intro', wagtail.fields.RichTextField(help_text='What interventional pain management is, for someone who has never heard of it.')),
                ('difference_heading', models.CharField(default='How is it different?', max_length=120)),
                ('difference', wagtail.fields.RichTextField(help_text='How it differs from other pain treatments, such as medicines alone.')),
                ('pain_heading', models.CharField(default='Pain we treat', max_length=120)),
                ('pain_types', models.TextField(help_text='Kinds of pain the clinic treats, one per line, e.g. “Neck pain”.')),
                ('care_team_heading', models.CharField(default='Your care team', max_length=120)),
                ('care_team_intro', wagtail.fields.RichTextField(help_text='How the team works together. The disciplines listed under it are the specialties marked “show on the care team” under Snippets.')),
                ('procedures_heading', models.CharField(default='Common procedures', max_length=120)),
                ('procedures_intro', models.TextField(blank=True, help_text='Optional. A sentence above the featured procedures.', max_length=300)),
                ('care_team_page', models.ForeignKey(blank=True, help_text='Optional. A page with more about the care team.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                ('social_image', models.ForeignKey(blank=True, help_text="Optional. Shown when this page is shared on social media or in a messaging app. Without one, the page's own main image is used, or else the clinic's default. At least 1200 × 630 pixels; it is cropped to that shape.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='sharing image')),
            ],
            options={
                'verbose_name': 'home page',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='HomePageFeaturedProcedure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='featured_procedures', to='home.homepage')),
                ('procedure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='procedures.procedurepage')),
            ],
            options={
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='StandardPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('summary', models.TextField(help_text='Two or three plain sentences (at most 320 characters) saying what this page is about. Shown in listings and search results, and to search engines unless you write a meta description on the Promote tab.', max_length=320, validators=[django.core.validators.MaxLengthValidator(320)])),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('figure', 6), ('callout', 10), ('questions', 15), ('video', 19)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'A short heading patients can scan, e.g. “How it works” or “After the procedure”.', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Sub-heading')], 'help_text': 'Use a sub-heading only inside a section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': 'Text in short paragraphs. Lists help patients scan.', 'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'icon': 'pilcrow', 'preview_value': '<p>Plain words and short sentences are easiest to read when you are in pain.</p>', 'template': 'components/blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'help_text': 'Describe the image for people who cannot see it, or mark it as decorative.'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional. Shown under the image.', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Information'), ('warning', 'Important'), ('urgent', 'Urgent: when to get help')], 'help_text': '“Urgent” is for signs that need a doctor or emergency care right away.'}), 8: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 9: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul']}), 10: ('wagtail.blocks.StructBlock', [[('tone', 7), ('heading', 8), ('text', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'default': 'Common questions', 'max_length': 120}), 12: ('wagtail.blocks.CharBlock', (), {'max_length': 200}), 13: ('wagtail.blocks.StructBlock', [[('question', 12), ('answer', 9)]], {}), 14: ('wagtail.blocks.ListBlock', (13,), {'min_num': 1}), 15: ('wagtail.blocks.StructBlock', [[('heading', 11), ('questions', 14)]], {}), 16: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'The address of a YouTube or Vimeo video.'}), 17: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the video shows, read out by screen readers.', 'max_length': 150}), 18: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'help_text': 'Optional but recommended: a text version for people who cannot watch or hear it.', 'required': False}), 19: ('wagtail.blocks.StructBlock', [[('video', 16), ('title', 17), ('transcript', 18)]], {})})),
                ('social_image', models.ForeignKey(blank=True, help_text="Optional. Shown when this page is shared on social media or in a messaging app. Without one, the page's own main image is used, or else the clinic's default. At least 1200 × 630 pixels; it is cropped to that shape.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='sharing image')),
            ],
            options={
                'verbose_name': 'standard page',
            },
            bases=('wagtailcore.page', models.Model),
        ),
    ]
