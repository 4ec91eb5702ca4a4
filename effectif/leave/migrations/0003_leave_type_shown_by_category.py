"""Existing leave types: a manager reads the nature of those that tell nothing of health or
family life (paid leave, RTT, time off in lieu, unpaid leave, training); the others stay
« Absence » to them, as the new field's default says. HR may change each type afterwards."""

from django.db import migrations

#: The natures shown to managers, as they are on the day of this migration.
NON_SENSITIVE = ("conges_payes", "rtt", "repos_compensateur", "sans_solde", "formation")


def show_non_sensitive_natures(apps, schema_editor):
    LeaveType = apps.get_model("leave", "LeaveType")
    LeaveType.objects.filter(category__in=NON_SENSITIVE).update(shown_to_managers=True)


def hide_every_nature(apps, schema_editor):
    LeaveType = apps.get_model("leave", "LeaveType")
    LeaveType.objects.update(shown_to_managers=False)


class Migration(migrations.Migration):
    dependencies = [
        ("leave", "0002_leave_type_shown_to_managers"),
    ]

    operations = [
        migrations.RunPython(show_non_sensitive_natures, hide_every_nature),
    ]
