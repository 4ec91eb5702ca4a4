"""Install the default « Ordre de mission » template (the installation's, without employer)."""

from typing import Any

from django.db import migrations

KIND = "ordre_mission"


def install(apps: Any, schema_editor: Any) -> None:
    from effectif.documents.defaults import default_body

    template = apps.get_model("documents", "DocumentTemplate")
    if template.objects.filter(employer__isnull=True, kind=KIND).exists():
        return
    template.objects.create(
        employer=None, kind=KIND, name="Ordre de mission", body=default_body(KIND)
    )


def uninstall(apps: Any, schema_editor: Any) -> None:
    template = apps.get_model("documents", "DocumentTemplate")
    template.objects.filter(employer__isnull=True, kind=KIND, generated__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("travel", "0001_policy_trips_expenses"),
        ("documents", "0005_mission_order_kind"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
