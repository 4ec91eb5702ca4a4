"""Time sheet statuses are stored as the English words of core.workflow (`validee` →
`approved`…); the French labels do not change."""

from typing import Any

from django.db import migrations, models

SHEET = {"brouillon": "draft", "soumise": "submitted", "validee": "approved"}


def _rewrite(apps: Any, mapping: dict[str, str]) -> None:
    sheets = apps.get_model("timekeeping", "TimeSheet").objects
    for old, new in mapping.items():
        sheets.filter(status=old).update(status=new)


def forwards(apps: Any, schema_editor: Any) -> None:
    _rewrite(apps, SHEET)


def backwards(apps: Any, schema_editor: Any) -> None:
    _rewrite(apps, {new: old for old, new in SHEET.items()})


class Migration(migrations.Migration):
    dependencies = [("timekeeping", "0002_time_sheet_approval_fields")]

    operations = [
        migrations.RunPython(forwards, backwards),
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
