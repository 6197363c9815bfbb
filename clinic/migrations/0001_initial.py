
import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.CreateModel(
            name='BodyRegion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('name', models.CharField(help_text='In plain words a patient would use, e.g. “Lower back”.', max_length=80, unique=True)),
                ('slug', models.SlugField(help_text='Used in web addresses and page anchors. Lower case letters, numbers and hyphens.', max_length=80, unique=True)),
                ('description', models.CharField(blank=True, help_text='Optional. One short line saying what this region covers, e.g. “Including the shoulders”.', max_length=200)),
            ],
            options={
                'verbose_name': 'body region',
                'ordering': ['sort_order'],
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='Language',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='In English, e.g. “Spanish”.', max_length=60, unique=True)),
            ],
            options={
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Specialty',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='The name of the field, e.g. “Anesthesiology” or “Physical therapy”.', max_length=100, unique=True)),
                ('practitioner_title', models.CharField(blank=True, help_text='What patients call the professionals in this field, plural, e.g. “Anesthesiologists”.', max_length=100)),
                ('description', models.TextField(blank=True, help_text='One or two plain sentences on what these professionals do for a patient in pain.', max_length=400)),
                ('on_care_team', models.BooleanField(default=False, help_text="Tick to list this discipline where the site describes the clinic's care team.", verbose_name='show on the care team')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, help_text='Lower numbers are listed first on the care team.')),
                ('schema_org', models.CharField(blank=True, choices=[('Anesthesia', 'Anesthesia'), ('Geriatric', 'Geriatrics'), ('Musculoskeletal', 'Musculoskeletal medicine'), ('Neurologic', 'Neurology'), ('Nursing', 'Nursing'), ('Physiotherapy', 'Physiotherapy'), ('PrimaryCare', 'Primary care'), ('Psychiatric', 'Psychiatry'), ('Radiography', 'Radiology'), ('Rheumatologic', 'Rheumatology'), ('Surgical', 'Surgery')], help_text='Optional. The closest specialty in the list search engines understand (schema.org). Leave empty if none fits.', max_length=40, verbose_name='for search engines')),
            ],
            options={
                'verbose_name': 'specialty',
                'verbose_name_plural': 'specialties',
                'ordering': ['sort_order', 'name'],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='ClinicSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('street_address', models.TextField(default='', help_text='The street and building, one line per line as it should be printed.')),
                ('locality', models.CharField(default='', max_length=80, verbose_name='town or city')),
                ('region', models.CharField(default='', help_text='e.g. “IL” or “Illinois”.', max_length=40, verbose_name='state')),
                ('postal_code', models.CharField(default='', max_length=12, verbose_name='ZIP code')),
                ('country', models.CharField(default='US', help_text='Two-letter country code, e.g. “US”.', max_length=2)),
                ('clinic_name', models.CharField(default='Interventional Pain Management Clinic', help_text='Shown in the header of every page and in the browser tab.', max_length=120)),
                ('phone', models.CharField(help_text='The number patients call for appointments, written as patients should read it, e.g. “(312) 555-0147”. It is the “Call us” link on every page.', max_length=30)),
                ('fax', models.CharField(blank=True, help_text='Optional. For referring doctors.', max_length=30)),
                ('email', models.EmailField(blank=True, help_text='Optional. Only for general questions: ask patients not to send medical details by email.', max_length=254)),
                ('opening_hours_note', models.TextField(blank=True, help_text='Optional. Printed under the opening hours, e.g. “Closed on public holidays”.')),
                ('emergency_notice', models.TextField(default='If you have a medical emergency, call 911 or go to the nearest emergency room. Do not use this website or our phone line for emergencies.', help_text='Shown at the foot of every page. Keep the words “call 911”.', max_length=300)),
                ('facebook_url', models.URLField(blank=True, verbose_name='Facebook page')),
                ('youtube_url', models.URLField(blank=True, verbose_name='YouTube channel')),
                ('linkedin_url', models.URLField(blank=True, verbose_name='LinkedIn page')),
                ('instagram_url', models.URLField(blank=True, verbose_name='Instagram profile')),
                ('appointment_message_enabled', models.BooleanField(default=False, help_text='Adds an optional message box to the online appointment request. Patients are asked not to write medical details in it. Leave it off unless the front desk needs it: anything patients write there is health information.', verbose_name='let patients add a message')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when a page is shared on social media or in a messaging app and the page has no image of its own. At least 1200 × 630 pixels; it is cropped to that shape.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='default sharing image')),
            ],
            options={
                'verbose_name': 'clinic details',
            },
        ),
        migrations.CreateModel(
            name='ClinicOpeningHours',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('weekday', models.PositiveSmallIntegerField(choices=[(0, 'Monday'), (1, 'Tuesday'), (2, 'Wednesday'), (3, 'Thursday'), (4, 'Friday'), (5, 'Saturday'), (6, 'Sunday')])),
                ('opens', models.TimeField(help_text='e.g. 08:00')),
                ('closes', models.TimeField(help_text='e.g. 17:00')),
                ('settings', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='hours', to='clinic.clinicsettings')),
            ],
            options={
                'verbose_name': 'opening hours',
                'verbose_name_plural': 'opening hours',
                'ordering': ['weekday', 'opens'],
                'abstract': False,
            },
        ),
    ]
