"""Time sheet statuses are stored as the English words of core.workflow (`validee` →
`approved`…); the French labels do not change."""

from django.db import migrations, models

from effectif.core.migrating import rewrite_values

SHEET = {"brouillon": "draft", "soumise": "submitted", "validee": "approved"}


class Migration(migrations.Migration):
    dependencies = [("timekeeping", "0002_time_sheet_approval_fields")]

    operations = [
        rewrite_values("timekeeping", {"TimeSheet": SHEET}),
        migrations.AlterField(
            model_name="timesheet",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "En cours de saisie"),
                    ("submitted", "À valider"),
                    ("approved", "Validée"),
                ],
                default="draft",
                max_length=10,
                verbose_name="statut",
            ),
        ),
    ]
