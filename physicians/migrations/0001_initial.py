
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
        ('locations', '0001_initial'),
        ('procedures', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PhysicianIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='One or two sentences at the top of the page, in plain words.')),
                ('social_image', models.ForeignKey(blank=True, help_text="Optional. Shown when this page is shared on social media or in a messaging app. Without one, the page's own main image is used, or else the clinic's default. At least 1200 × 630 pixels; it is cropped to that shape.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='sharing image')),
            ],
            options={
                'verbose_name': 'physician index page',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='PhysicianPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('summary', models.TextField(help_text='Two or three plain sentences (at most 320 characters) saying what this page is about. Shown in listings and search results, and to search engines unless you write a meta description on the Promote tab.', max_length=320, validators=[django.core.validators.MaxLengthValidator(320)])),
                ('family_name', models.CharField(help_text='Used to list physicians alphabetically, e.g. “Chaudhry”.', max_length=80)),
                ('credentials', models.CharField(blank=True, help_text='Degrees after the name, e.g. “M.D.” or “D.O.”. Leave empty to show “Dr.” before the name.', max_length=80)),
                ('accepting_new_patients', models.BooleanField(blank=True, choices=[(True, 'Yes'), (False, 'No'), (None, 'Not stated: patients are asked to call')], default=None, help_text='Whether the physician takes new patients now. Keep this current.', null=True)),
                ('accepting_new_patients_checked', models.DateField(blank=True, help_text='When someone last confirmed whether the physician takes new patients. Set to today whenever the answer above changes; set it yourself after confirming it is still right.', null=True, verbose_name='new patients last checked')),
                ('biography', wagtail.fields.RichTextField(blank=True, help_text="In the physician's own approved words: their approach and interests.")),
                ('conditions_treated', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Conditions this physician treats. Each condition page then lists the physician.', related_name='physicians', to='conditions.conditionpage')),
                ('languages', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Languages the physician speaks with patients.', related_name='physicians', to='clinic.language')),
                ('locations', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Where the physician sees patients. Each location page then lists the physician.', related_name='physicians', to='locations.locationpage')),
                ('photo', models.ForeignKey(blank=True, help_text='A recent head-and-shoulders photo the physician has approved. Give the image a description, e.g. “Portrait of Dr. Jane Doe”; it is read to people who cannot see it.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                ('procedures_performed', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Procedures this physician performs. Each procedure page then lists the physician.', related_name='physicians', to='procedures.procedurepage')),
                ('reviewer_account', models.OneToOneField(blank=True, help_text="Optional. The physician's own login to this site's admin. When they approve a clinical page as a medical reviewer, the page names them as its reviewer.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='physician_profile', to=settings.AUTH_USER_MODEL, verbose_name='admin account')),
                ('social_image', models.ForeignKey(blank=True, help_text="Optional. Shown when this page is shared on social media or in a messaging app. Without one, the page's own main image is used, or else the clinic's default. At least 1200 × 630 pixels; it is cropped to that shape.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='sharing image')),
                ('specialties', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Medical specialties the physician is trained in.', related_name='physicians', to='clinic.specialty')),
            ],
            options={
                'verbose_name': 'physician page',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='PhysicianQualification',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('kind', models.CharField(choices=[('degree', 'Medical degree'), ('residency', 'Residency'), ('fellowship', 'Fellowship'), ('board', 'Board certification'), ('other', 'Other')], max_length=20)),
                ('description', models.CharField(help_text='E.g. “Doctor of Medicine” or “Anesthesiology”.', max_length=200)),
                ('institution', models.CharField(blank=True, help_text='The school, hospital or board.', max_length=200)),
                ('year', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='qualifications', to='physicians.physicianpage')),
            ],
            options={
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
    ]
