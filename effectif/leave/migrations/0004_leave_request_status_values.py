"""Leave requests' stored statuses take the shared vocabulary (core.workflow): en_attente,
validee, refusee, annulee become submitted, approved, rejected, cancelled. Labels unchanged."""

from django.db import migrations, models

from effectif.core.migrating import rewrite_values

FORWARD = {
    "en_attente": "submitted",
    "validee": "approved",
    "refusee": "rejected",
    "annulee": "cancelled",
}


class Migration(migrations.Migration):
    dependencies = [
        ("leave", "0003_leave_type_shown_by_category"),
    ]

    operations = [
        rewrite_values("leave", {"LeaveRequest": FORWARD}),
        migrations.AlterField(
            model_name="leaverequest",
            name="status",
            field=models.CharField(
                choices=[
                    ("submitted", "En attente"),
                    ("approved", "Validée"),
                    ("rejected", "Refusée"),
                    ("cancelled", "Annulée"),
                ],
                default="submitted",
                max_length=12,
                verbose_name="statut",
            ),
        ),
    ]
