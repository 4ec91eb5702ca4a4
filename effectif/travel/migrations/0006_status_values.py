"""Trip and expense report statuses are stored as the English words of core.workflow
(`soumis` → `submitted`…); the French labels do not change."""

from typing import Any

from django.db import migrations, models

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
MAPPINGS = {"Trip": TRIP, "ExpenseReport": REPORT}


def _rewrite(apps: Any, backwards: bool) -> None:
    for model_name, mapping in MAPPINGS.items():
        model = apps.get_model("travel", model_name)
        pairs = {new: old for old, new in mapping.items()} if backwards else mapping
        for old, new in pairs.items():
            model.objects.filter(status=old).update(status=new)


def forwards(apps: Any, schema_editor: Any) -> None:
    _rewrite(apps, backwards=False)


def backwards(apps: Any, schema_editor: Any) -> None:
    _rewrite(apps, backwards=True)


class Migration(migrations.Migration):
    dependencies = [("travel", "0005_approval_fields")]

    operations = [
        migrations.RunPython(forwards, backwards),
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
