"""Time sheets take the shared approval fields (core.workflow.Approvable): the manager's
validation and comment keep their data under the common names."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("timekeeping", "0001_schedules_time_sheets_settings_clock_imports"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("timesheet", "validated_at", "manager_decided_at"),
        migrations.RenameField("timesheet", "validated_by", "manager_decided_by"),
        migrations.RenameField("timesheet", "comment", "decision_comment"),
        migrations.AlterField(
            model_name="timesheet",
            name="decision_comment",
            field=models.TextField(blank=True, verbose_name="commentaire de la décision"),
        ),
        migrations.AlterField(
            model_name="timesheet",
            name="manager_decided_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="date de la décision du manager"
            ),
        ),
        migrations.AlterField(
            model_name="timesheet",
            name="manager_decided_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="décision du manager par",
            ),
        ),
        migrations.AlterField(
            model_name="timesheet",
            name="submitted_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="date de soumission"),
        ),
    ]
