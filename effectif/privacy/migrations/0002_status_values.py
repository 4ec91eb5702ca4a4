"""Rights requests' and archives' statuses are stored as their English member names
(core.workflow), lower-cased: a request is `received`, `in_progress` (hence 12 characters),
`answered` or `refused`; an archive `pending`, `running`, `ready` or `failed`. The constraint
that an answered request has its date names statuses, so it is dropped and made again around
the rewrite. The French labels do not change."""

from django.conf import settings
from django.db import migrations, models

from effectif.core.migrating import rewrite_values

MAPPINGS = {
    "RightsRequest": {
        "recue": "received",
        "en_cours": "in_progress",
        "repondue": "answered",
        "refusee": "refused",
    },
    "DataExport": {
        "attente": "pending",
        "en_cours": "running",
        "prete": "ready",
        "echec": "failed",
    },
}


class Migration(migrations.Migration):
    dependencies = [
        ("employees", "0002_employee_file_closed_at"),
        ("organisation", "0001_initial"),
        ("privacy", "0001_rights_requests_exports_erasures"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="rightsrequest",
            name="rights_request_answer_dated",
        ),
        migrations.AlterField(
            model_name="dataexport",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "En attente"),
                    ("running", "En préparation"),
                    ("ready", "Prête"),
                    ("failed", "Échec"),
                ],
                default="pending",
                max_length=10,
                verbose_name="état",
            ),
        ),
        migrations.AlterField(
            model_name="rightsrequest",
            name="status",
            field=models.CharField(
                choices=[
                    ("received", "Reçue"),
                    ("in_progress", "En cours"),
                    ("answered", "Répondue"),
                    ("refused", "Refusée (motivée)"),
                ],
                default="received",
                max_length=12,
                verbose_name="état",
            ),
        ),
        rewrite_values("privacy", MAPPINGS),
        migrations.AddConstraint(
            model_name="rightsrequest",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status__in", ["answered", "refused"]), _negated=True),
                    ("answered_date__isnull", False),
                    _connector="OR",
                ),
                name="rights_request_answer_dated",
            ),
        ),
    ]
