"""Change requests waiting for HR are stored as "submitted" (core.workflow), no longer
"pending"; approved and rejected keep their values. The French labels do not change."""

from django.db import migrations, models

from effectif.core.migrating import rewrite_values


class Migration(migrations.Migration):
    dependencies = [
        ("employees", "0002_employee_file_closed_at"),
    ]

    operations = [
        migrations.AlterField(
            model_name="changerequest",
            name="status",
            field=models.CharField(
                choices=[
                    ("submitted", "En attente"),
                    ("approved", "Validée"),
                    ("rejected", "Refusée"),
                ],
                default="submitted",
                max_length=10,
                verbose_name="statut",
            ),
        ),
        rewrite_values("employees", {"ChangeRequest": {"pending": "submitted"}}),
    ]
