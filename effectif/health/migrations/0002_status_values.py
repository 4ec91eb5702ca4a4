"""Medical visit statuses are stored as the English member names (core.workflow), lower-cased;
the constraints that name a status are dropped and made again around the rewrite. The French
labels do not change."""

from django.db import migrations, models

from effectif.core.migrating import rewrite_values

MAPPINGS = {
    "MedicalVisit": {
        "a_planifier": "to_plan",
        "planifiee": "planned",
        "realisee": "done",
        "annulee": "cancelled",
        "non_honoree": "missed",
    }
}


class Migration(migrations.Migration):
    dependencies = [
        ("employees", "0002_employee_file_closed_at"),
        ("health", "0001_medical_visits_and_settings"),
        ("organisation", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="medicalvisit",
            name="medical_visit_outcome_only_when_done",
        ),
        migrations.RemoveConstraint(
            model_name="medicalvisit",
            name="medical_visit_done_has_date_and_outcome",
        ),
        migrations.RemoveConstraint(
            model_name="medicalvisit",
            name="medical_visit_one_open_per_obligation",
        ),
        migrations.AlterField(
            model_name="medicalvisit",
            name="status",
            field=models.CharField(
                choices=[
                    ("to_plan", "À planifier"),
                    ("planned", "Planifiée"),
                    ("done", "Réalisée"),
                    ("cancelled", "Annulée"),
                    ("missed", "Non honorée"),
                ],
                default="to_plan",
                max_length=15,
                verbose_name="statut",
            ),
        ),
        rewrite_values("health", MAPPINGS),
        migrations.AddConstraint(
            model_name="medicalvisit",
            constraint=models.CheckConstraint(
                condition=models.Q(("outcome", ""), ("status", "done"), _connector="OR"),
                name="medical_visit_outcome_only_when_done",
            ),
        ),
        migrations.AddConstraint(
            model_name="medicalvisit",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "done"), _negated=True),
                    models.Q(("held_on__isnull", False), models.Q(("outcome", ""), _negated=True)),
                    _connector="OR",
                ),
                name="medical_visit_done_has_date_and_outcome",
            ),
        ),
        migrations.AddConstraint(
            model_name="medicalvisit",
            constraint=models.UniqueConstraint(
                condition=models.Q(
                    ("status__in", ("to_plan", "planned")), models.Q(("key", ""), _negated=True)
                ),
                fields=("employee", "key"),
                name="medical_visit_one_open_per_obligation",
            ),
        ),
    ]
