
import datetime
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
        ('conditions', '0001_initial'),
        ('physicians', '0001_initial'),
        ('procedures', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.CreateModel(
            name='NewsCategory',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=80, unique=True)),
                ('slug', models.SlugField(max_length=80, unique=True)),
            ],
            options={
                'verbose_name': 'news category',
                'verbose_name_plural': 'news categories',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='NewsIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='One or two sentences at the top of the page, in plain words.')),
                ('social_image', models.ForeignKey(blank=True, help_text="Optional. Shown when this page is shared on social media or in a messaging app. Without one, the page's own main image is used, or else the clinic's default. At least 1200 × 630 pixels; it is cropped to that shape.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='sharing image')),
            ],
            options={
                'verbose_name': 'news index page',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='NewsPostPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('summary', models.TextField(help_text='Two or three plain sentences (at most 320 characters) saying what this page is about. Shown in listings and search results, and to search engines unless you write a meta description on the Promote tab.', max_length=320, validators=[django.core.validators.MaxLengthValidator(320)])),
                ('date', models.DateField(default=datetime.date.today, help_text='The date shown on the post. Posts are listed newest first.', verbose_name='post date')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('figure', 6), ('callout', 10), ('questions', 15), ('video', 19)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'A short heading patients can scan, e.g. “How it works” or “After the procedure”.', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Sub-heading')], 'help_text': 'Use a sub-heading only inside a section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': 'Text in short paragraphs. Lists help patients scan.', 'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'icon': 'pilcrow', 'preview_value': '<p>Plain words and short sentences are easiest to read when you are in pain.</p>', 'template': 'components/blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'help_text': 'Describe the image for people who cannot see it, or mark it as decorative.'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional. Shown under the image.', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Information'), ('warning', 'Important'), ('urgent', 'Urgent: when to get help')], 'help_text': '“Urgent” is for signs that need a doctor or emergency care right away.'}), 8: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 9: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul']}), 10: ('wagtail.blocks.StructBlock', [[('tone', 7), ('heading', 8), ('text', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'default': 'Common questions', 'max_length': 120}), 12: ('wagtail.blocks.CharBlock', (), {'max_length': 200}), 13: ('wagtail.blocks.StructBlock', [[('question', 12), ('answer', 9)]], {}), 14: ('wagtail.blocks.ListBlock', (13,), {'min_num': 1}), 15: ('wagtail.blocks.StructBlock', [[('heading', 11), ('questions', 14)]], {}), 16: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'The address of a YouTube or Vimeo video.'}), 17: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the video shows, read out by screen readers.', 'max_length': 150}), 18: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'help_text': 'Optional but recommended: a text version for people who cannot watch or hear it.', 'required': False}), 19: ('wagtail.blocks.StructBlock', [[('video', 16), ('title', 17), ('transcript', 18)]], {})})),
                ('author', models.ForeignKey(blank=True, help_text='Optional. The physician who wrote this post.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='authored_news_posts', to='physicians.physicianpage')),
                ('categories', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='news_posts', to='news.newscategory')),
                ('featured_physicians', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Physicians the post is about. Their profiles link back to it.', related_name='news_posts', to='physicians.physicianpage', verbose_name='physicians in this post')),
                ('image', models.ForeignKey(blank=True, help_text='Optional. Shown at the top of the post and in listings. Give it a description for people who cannot see it.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                ('related_conditions', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='news_posts', to='conditions.conditionpage')),
                ('related_procedures', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='news_posts', to='procedures.procedurepage')),
                ('social_image', models.ForeignKey(blank=True, help_text="Optional. Shown when this page is shared on social media or in a messaging app. Without one, the page's own main image is used, or else the clinic's default. At least 1200 × 630 pixels; it is cropped to that shape.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='sharing image')),
            ],
            options={
                'verbose_name': 'news post',
            },
            bases=('wagtailcore.page', models.Model),
        ),
    ]
