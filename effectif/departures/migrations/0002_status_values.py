"""Departure statuses are stored as the English member names (core.workflow), lower-cased
(`en_cours` → `in_progress`, hence 12 characters); the one-per-contract constraint names a
status, so it is dropped and made again around the rewrite. The French labels do not change."""

from django.conf import settings
from typing import Any

from django.db import migrations, models

MAPPINGS = {
    "Departure": {
        "en_cours": "in_progress",
        "termine": "ended",
        "clos": "closed",
        "abandonne": "cancelled",
    }
}


def _rewrite(apps: Any, backwards: bool) -> None:
    for model_name, mapping in MAPPINGS.items():
        model = apps.get_model("departures", model_name)
        pairs = {new: old for old, new in mapping.items()} if backwards else mapping
        for old, new in pairs.items():
            model.objects.filter(status=old).update(status=new)


def forwards(apps: Any, schema_editor: Any) -> None:
    _rewrite(apps, backwards=False)


def backwards(apps: Any, schema_editor: Any) -> None:
    _rewrite(apps, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("contracts", "0002_recruitment_and_onboarding"),
        ("departures", "0001_departures_notice_policies_renewals"),
        ("employees", "0002_employee_file_closed_at"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="departure",
            name="departure_one_per_contract",
        ),
        migrations.AlterField(
            model_name="departure",
            name="status",
            field=models.CharField(
                choices=[
                    ("in_progress", "En cours"),
                    ("ended", "Contrat terminé"),
                    ("closed", "Dossier clos"),
                    ("cancelled", "Abandonné"),
                ],
                default="in_progress",
                max_length=12,
                verbose_name="état",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.AddConstraint(
            model_name="departure",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "cancelled"), _negated=True),
                fields=("contract",),
                name="departure_one_per_contract",
            ),
        ),
    ]
