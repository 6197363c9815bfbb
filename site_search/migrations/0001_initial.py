
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='SearchSynonym',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('term', models.CharField(help_text='The words a patient might type, e.g. “slipped disc” or “shot”. Case does not matter.', max_length=80, unique=True, verbose_name='when someone searches for')),
                ('replacements', models.TextField(help_text='The words the site uses for the same thing, one per line, e.g. “herniated disc”.', verbose_name='also search for')),
            ],
            options={
                'verbose_name': 'search synonym',
                'ordering': ['term'],
            },
        ),
    ]
