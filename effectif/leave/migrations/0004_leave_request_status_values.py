"""Leave requests' stored statuses take the shared vocabulary (core.workflow): en_attente,
validee, refusee, annulee become submitted, approved, rejected, cancelled. Labels unchanged."""

from django.db import migrations, models

FORWARD = {
    "en_attente": "submitted",
    "validee": "approved",
    "refusee": "rejected",
    "annulee": "cancelled",
}
BACKWARD = {new: old for old, new in FORWARD.items()}


def _rename(apps, mapping):
    LeaveRequest = apps.get_model("leave", "LeaveRequest")
    for old, new in mapping.items():
        LeaveRequest.objects.filter(status=old).update(status=new)


def english_values(apps, schema_editor):
    _rename(apps, FORWARD)


def french_values(apps, schema_editor):
    _rename(apps, BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("leave", "0003_leave_type_shown_by_category"),
    ]

    operations = [
        migrations.RunPython(english_values, french_values),
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
