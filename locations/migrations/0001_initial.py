
import django.core.validators
import django.db.models.deletion
import modelcluster.fields
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.CreateModel(
            name='LocationIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='One or two sentences at the top of the page, in plain words.')),
                ('social_image', models.ForeignKey(blank=True, help_text="Optional. Shown when this page is shared on social media or in a messaging app. Without one, the page's own main image is used, or else the clinic's default. At least 1200 × 630 pixels; it is cropped to that shape.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='sharing image')),
            ],
            options={
                'verbose_name': 'location index page',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='LocationPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('summary', models.TextField(help_text='Two or three plain sentences (at most 320 characters) saying what this page is about. Shown in listings and search results, and to search engines unless you write a meta description on the Promote tab.', max_length=320, validators=[django.core.validators.MaxLengthValidator(320)])),
                ('street_address', models.TextField(default='', help_text='The street and building, one line per line as it should be printed.')),
                ('locality', models.CharField(default='', max_length=80, verbose_name='town or city')),
                ('region', models.CharField(default='', help_text='e.g. “IL” or “Illinois”.', max_length=40, verbose_name='state')),
                ('postal_code', models.CharField(default='', max_length=12, verbose_name='ZIP code')),
                ('country', models.CharField(default='US', help_text='Two-letter country code, e.g. “US”.', max_length=2)),
                ('phone', models.CharField(help_text="This location's number, written as patients should read it, e.g. “(312) 555-0147”.", max_length=30)),
                ('fax', models.CharField(blank=True, help_text='Optional. For referring doctors.', max_length=30)),
                ('latitude', models.DecimalField(blank=True, decimal_places=6, help_text='Optional, for the map and directions links, e.g. 41.878113.', max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(Decimal('-90')), django.core.validators.MaxValueValidator(Decimal('90'))])),
                ('longitude', models.DecimalField(blank=True, decimal_places=6, help_text='e.g. -87.629799', max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(Decimal('-180')), django.core.validators.MaxValueValidator(Decimal('180'))])),
                ('parking', models.TextField(blank=True, help_text='Where to park, what it costs, drop-off points. Plain sentences.')),
                ('access', models.TextField(blank=True, help_text='Step-free access, lifts, wheelchairs to borrow, public transport nearby.', verbose_name='getting in')),
                ('social_image', models.ForeignKey(blank=True, help_text="Optional. Shown when this page is shared on social media or in a messaging app. Without one, the page's own main image is used, or else the clinic's default. At least 1200 × 630 pixels; it is cropped to that shape.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='sharing image')),
            ],
            options={
                'verbose_name': 'location page',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='LocationOpeningHours',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('weekday', models.PositiveSmallIntegerField(choices=[(0, 'Monday'), (1, 'Tuesday'), (2, 'Wednesday'), (3, 'Thursday'), (4, 'Friday'), (5, 'Saturday'), (6, 'Sunday')])),
                ('opens', models.TimeField(help_text='e.g. 08:00')),
                ('closes', models.TimeField(help_text='e.g. 17:00')),
                ('location', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='hours', to='locations.locationpage')),
            ],
            options={
                'verbose_name': 'opening hours',
                'verbose_name_plural': 'opening hours',
                'ordering': ['weekday', 'opens'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='LocationOpeningException',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField()),
                ('reason', models.CharField(help_text='e.g. “Thanksgiving Day”.', max_length=80)),
                ('opens', models.TimeField(blank=True, help_text='Leave empty if closed all day.', null=True)),
                ('closes', models.TimeField(blank=True, null=True)),
                ('location', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='exceptions', to='locations.locationpage')),
            ],
            options={
                'verbose_name': 'day with different hours',
                'verbose_name_plural': 'days with different hours',
                'ordering': ['date'],
                'abstract': False,
            },
        ),
    ]
