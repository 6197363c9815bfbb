
import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('clinic', '0001_initial'),
        ('conditions', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.CreateModel(
            name='ProcedureIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='One or two sentences at the top of the page, in plain words.')),
                ('social_image', models.ForeignKey(blank=True, help_text="Optional. Shown when this page is shared on social media or in a messaging app. Without one, the page's own main image is used, or else the clinic's default. At least 1200 × 630 pixels; it is cropped to that shape.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='sharing image')),
            ],
            options={
                'verbose_name': 'procedure index page',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='ProcedurePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('summary', models.TextField(help_text='Two or three plain sentences (at most 320 characters) saying what this page is about. Shown in listings and search results, and to search engines unless you write a meta description on the Promote tab.', max_length=320, validators=[django.core.validators.MaxLengthValidator(320)])),
                ('also_known_as', models.TextField(blank=True, help_text='Other names for this, one per line, e.g. abbreviations (“RFA”), older names (“RSD”) or the words patients use. Each is searchable and listed in the A to Z.', verbose_name='also known as')),
                ('purpose', models.CharField(blank=True, choices=[('diagnosis', 'To find the source of pain'), ('treatment', 'To treat pain'), ('both', 'To find the source of pain and to treat it')], help_text='Whether the procedure finds the source of pain, treats it, or both.', max_length=20)),
                ('procedure_type', models.CharField(blank=True, choices=[('PercutaneousProcedure', 'Through the skin, with a needle or thin tube'), ('SurgicalProcedure', 'Surgery through a cut (incision)'), ('NoninvasiveProcedure', 'Nothing goes through the skin')], help_text='Tells search engines what kind of procedure this is.', max_length=30, verbose_name='how it reaches the body')),
                ('setting', models.CharField(choices=[('outpatient', 'Outpatient: you go home the same day'), ('inpatient', 'In hospital: you stay at least one night'), ('either', 'Outpatient or in hospital, depending on the case')], default='outpatient', help_text='Where the procedure is done and whether patients go home the same day.', max_length=20)),
                ('visits_needed', models.CharField(blank=True, help_text='How many visits it takes, e.g. “One visit” or “Two visits: a test block first, then the treatment”.', max_length=160)),
                ('medicines_used', models.CharField(blank=True, help_text='Medicines given during the procedure, in plain words, e.g. “A local anesthetic and a corticosteroid”.', max_length=200)),
                ('typical_relief_onset', models.CharField(blank=True, help_text='When patients usually start to feel better, e.g. “Within a day for some, up to five days for others”.', max_length=200, verbose_name='when relief usually starts')),
                ('typical_relief_duration', models.CharField(blank=True, help_text='How long relief usually lasts, e.g. “From several days to a few months”. Avoid promises.', max_length=200, verbose_name='how long relief usually lasts')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('figure', 6), ('callout', 10), ('questions', 15), ('video', 19)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'A short heading patients can scan, e.g. “How it works” or “After the procedure”.', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Sub-heading')], 'help_text': 'Use a sub-heading only inside a section.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': 'Text in short paragraphs. Lists help patients scan.', 'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'icon': 'pilcrow', 'preview_value': '<p>Plain words and short sentences are easiest to read when you are in pain.</p>', 'template': 'components/blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'help_text': 'Describe the image for people who cannot see it, or mark it as decorative.'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional. Shown under the image.', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Information'), ('warning', 'Important'), ('urgent', 'Urgent: when to get help')], 'help_text': '“Urgent” is for signs that need a doctor or emergency care right away.'}), 8: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 9: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul']}), 10: ('wagtail.blocks.StructBlock', [[('tone', 7), ('heading', 8), ('text', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'default': 'Common questions', 'max_length': 120}), 12: ('wagtail.blocks.CharBlock', (), {'max_length': 200}), 13: ('wagtail.blocks.StructBlock', [[('question', 12), ('answer', 9)]], {}), 14: ('wagtail.blocks.ListBlock', (13,), {'min_num': 1}), 15: ('wagtail.blocks.StructBlock', [[('heading', 11), ('questions', 14)]], {}), 16: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'The address of a YouTube or Vimeo video.'}), 17: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the video shows, read out by screen readers.', 'max_length': 150}), 18: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'help_text': 'Optional but recommended: a text version for people who cannot watch or hear it.', 'required': False}), 19: ('wagtail.blocks.StructBlock', [[('video', 16), ('title', 17), ('transcript', 18)]], {})}, help_text='The full explanation, in sections: overview, how it works, before, during and after, risks, and questions to ask. Sections whose heading starts with “Before”, “During” or “After” also tell search engines how to prepare, how it is done and what follows.')),
                ('body_regions', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Where the pain it treats is felt. Used to group procedures by body region.', related_name='procedures', to='clinic.bodyregion')),
                ('conditions_treated', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Conditions this procedure diagnoses or treats. Each condition page then lists this procedure.', related_name='procedures', to='conditions.conditionpage')),
                ('general_procedure', models.ForeignKey(blank=True, help_text='If this is one form of a broader procedure (cervical epidural injection of epidural steroid injections), choose the broader one.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='specific_forms', to='procedures.procedurepage', verbose_name='a specific form of')),
                ('prerequisites', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Procedures a patient has before this one, e.g. a medial branch block before a radiofrequency neurotomy.', related_name='followed_by', to='procedures.procedurepage', verbose_name='procedures that come first')),
                ('social_image', models.ForeignKey(blank=True, help_text="Optional. Shown when this page is shared on social media or in a messaging app. Without one, the page's own main image is used, or else the clinic's default. At least 1200 × 630 pixels; it is cropped to that shape.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='sharing image')),
            ],
            options={
                'verbose_name': 'procedure page',
            },
            bases=('wagtailcore.page', models.Model),
        ),
    ]
