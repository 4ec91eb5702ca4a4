"""Trip and expense report statuses are stored as the English words of core.workflow
(`soumis` → `submitted`…); the French labels do not change."""

from django.db import migrations, models

from effectif.core.migrating import rewrite_values

TRIP = {
    "brouillon": "draft",
    "soumis": "submitted",
    "valide_manager": "manager_approved",
    "approuve": "approved",
    "refuse": "rejected",
    "annule": "cancelled",
}
REPORT = {
    "brouillon": "draft",
    "soumise": "submitted",
    "validee_manager": "manager_approved",
    "controlee": "checked",
    "remboursee": "reimbursed",
    "refusee": "rejected",
}


class Migration(migrations.Migration):
    dependencies = [("travel", "0005_approval_fields")]

    operations = [
        rewrite_values("travel", {"Trip": TRIP, "ExpenseReport": REPORT}),
        migrations.AlterField(
            model_name="expensereport",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "Brouillon"),
                    ("submitted", "En attente du manager"),
                    ("manager_approved", "En attente du contrôle"),
                    ("checked", "Contrôlée, à rembourser"),
                    ("reimbursed", "Remboursée"),
                    ("rejected", "Refusée"),
                ],
                default="draft",
                max_length=20,
                verbose_name="statut",
            ),
        ),
        migrations.AlterField(
            model_name="trip",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "Brouillon"),
                    ("submitted", "En attente du manager"),
                    ("manager_approved", "En attente des RH"),
                    ("approved", "Approuvé"),
                    ("rejected", "Refusé"),
                    ("cancelled", "Annulé"),
                ],
                default="draft",
                max_length=20,
                verbose_name="statut",
            ),
        ),
    ]
