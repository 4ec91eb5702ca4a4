"""Trips and expense reports take the shared approval fields (core.workflow.Approvable):
only their verbose names change."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _approval_fields(model: str) -> list[migrations.AlterField]:
    return [
        migrations.AlterField(
            model_name=model,
            name="submitted_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="date de soumission"),
        ),
        migrations.AlterField(
            model_name=model,
            name="manager_decided_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="décision du manager par",
            ),
        ),
        migrations.AlterField(
            model_name=model,
            name="manager_decided_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="date de la décision du manager"
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("travel", "0004_expense_line_version"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        *_approval_fields("trip"),
        *_approval_fields("expensereport"),
        migrations.AlterField(
            model_name="expensereport",
            name="decision_comment",
            field=models.TextField(blank=True, verbose_name="commentaire de la décision"),
        ),
    ]
