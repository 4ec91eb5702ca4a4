"""Departure statuses are stored as the English member names (core.workflow), lower-cased
(`en_cours` → `in_progress`, hence 12 characters); the one-per-contract constraint names a
status, so it is dropped and made again around the rewrite. The French labels do not change."""

from django.conf import settings
from django.db import migrations, models

from effectif.core.migrating import rewrite_values

MAPPINGS = {
    "Departure": {
        "en_cours": "in_progress",
        "termine": "ended",
        "clos": "closed",
        "abandonne": "cancelled",
    }
}


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
        rewrite_values("departures", MAPPINGS),
        migrations.AddConstraint(
            model_name="departure",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "cancelled"), _negated=True),
                fields=("contract",),
                name="departure_one_per_contract",
            ),
        ),
    ]
