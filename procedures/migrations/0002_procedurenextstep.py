
import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('procedures', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='ProcedureNextStep',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('explanation', models.TextField(help_text='One or two plain sentences on when a patient may have it, e.g. “If the numbing medicine relieves your pain for a short time only, your physician may talk with you about …”. Make no promise of a result.', max_length=300, verbose_name='when and why')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='next_steps', to='procedures.procedurepage')),
                ('procedure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='procedures.procedurepage', verbose_name='next procedure')),
            ],
            options={
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
    ]
