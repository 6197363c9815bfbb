# The admin account moves off the profile page into a link of its own (PhysicianAccount), so
# that linking an account needs no publishing. Existing links are kept.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def keep_links(apps, schema_editor):
    PhysicianPage = apps.get_model("physicians", "PhysicianPage")
    PhysicianAccount = apps.get_model("physicians", "PhysicianAccount")
    PhysicianAccount.objects.bulk_create(
        PhysicianAccount(physician_id=page_id, account_id=account_id)
        for page_id, account_id in PhysicianPage.objects.filter(
            reviewer_account__isnull=False
        ).values_list("pk", "reviewer_account_id")
    )


def put_links_back(apps, schema_editor):
    PhysicianPage = apps.get_model("physicians", "PhysicianPage")
    PhysicianAccount = apps.get_model("physicians", "PhysicianAccount")
    for link in PhysicianAccount.objects.all():
        PhysicianPage.objects.filter(pk=link.physician_id).update(
            reviewer_account_id=link.account_id
        )


class Migration(migrations.Migration):

    dependencies = [
        ('physicians', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PhysicianAccount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('account', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='physician_account', to=settings.AUTH_USER_MODEL)),
                ('physician', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='admin_account', to='physicians.physicianpage')),
            ],
            options={
                'verbose_name': "physician's admin account",
            },
        ),
        migrations.RunPython(keep_links, put_links_back),
        migrations.RemoveField(
            model_name='physicianpage',
            name='reviewer_account',
        ),
    ]
