"""Change requests waiting for HR are stored as "submitted" (core.workflow), no longer
"pending"; approved and rejected keep their values. The French labels do not change."""

from typing import Any

from django.db import migrations, models


def _rename(old: str, new: str) -> Any:
    def rewrite(apps: Any, schema_editor: Any) -> None:
        apps.get_model("employees", "ChangeRequest").objects.filter(status=old).update(status=new)

    return rewrite


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
        migrations.RunPython(_rename("pending", "submitted"), _rename("submitted", "pending")),
    ]
