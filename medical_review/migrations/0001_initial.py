
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('physicians', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='MedicalReview',
            fields=[
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='medical_review', serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('last_reviewed', models.DateField(help_text='The day a medical reviewer approved the page.')),
                ('next_review_due', models.DateField(help_text='12 months after the last review unless a reviewer chose an earlier date.')),
                ('reviewer', models.ForeignKey(blank=True, help_text='The physician who approved the page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='medical_reviews', to='physicians.physicianpage', verbose_name='reviewed by')),
            ],
            options={
                'verbose_name': 'medical review',
                'verbose_name_plural': 'medical reviews',
            },
        ),
        migrations.CreateModel(
            name='MedicalReviewTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'medical review task',
                'verbose_name_plural': 'medical review tasks',
            },
            bases=('wagtailcore.task',),
        ),
    ]
