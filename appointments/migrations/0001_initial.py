
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('locations', '0001_initial'),
        ('physicians', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AppointmentRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100)),
                ('phone', models.CharField(blank=True, max_length=30)),
                ('email', models.EmailField(blank=True, max_length=254)),
                ('patient_type', models.CharField(choices=[('new', 'New patient'), ('returning', 'Returning patient')], max_length=10, verbose_name='new or returning')),
                ('preferred_days', models.JSONField(blank=True, default=list)),
                ('preferred_times', models.JSONField(blank=True, default=list)),
                ('message', models.TextField(blank=True, max_length=500)),
                ('consent_at', models.DateTimeField(verbose_name='agreed to the privacy notice at')),
                ('status', models.CharField(choices=[('new', 'New'), ('contacted', 'Contacted'), ('booked', 'Booked'), ('closed', 'Closed')], db_index=True, default='new', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='received')),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('notified_at', models.DateTimeField(blank=True, null=True)),
                ('notify_attempts', models.PositiveSmallIntegerField(default=0)),
                ('next_notify_at', models.DateTimeField(blank=True, null=True)),
                ('about_page', models.ForeignKey(blank=True, help_text='The procedure, condition or physician page the patient started from.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='sent from the page')),
                ('preferred_location', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='locations.locationpage')),
                ('preferred_physician', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='physicians.physicianpage')),
            ],
            options={
                'verbose_name': 'appointment request',
                'ordering': ['-created_at'],
            },
        ),
        migrations.CreateModel(
            name='AppointmentAccessLog',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('request_number', models.PositiveIntegerField(db_index=True)),
                ('username', models.CharField(max_length=150)),
                ('action', models.CharField(choices=[('list', 'Listed'), ('view', 'Opened'), ('export', 'Exported')], max_length=10)),
                ('at', models.DateTimeField(auto_now_add=True, db_index=True)),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('request', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='access_log', to='appointments.appointmentrequest')),
            ],
            options={
                'verbose_name': 'appointment request access',
                'verbose_name_plural': 'appointment request access log',
                'ordering': ['-at', '-pk'],
            },
        ),
    ]
