"""Install the default templates of the departure letters (the kinds added in 0003)."""

from django.db import migrations

KINDS = (
    "lettre_licenciement",
    "convention_rupture",
    "accuse_demission",
    "rupture_periode_essai",
    "mise_retraite",
)


def install(apps, schema_editor):
    from effectif.documents.defaults import install_defaults

    install_defaults(apps.get_model("documents", "DocumentTemplate"))


def uninstall(apps, schema_editor):
    template = apps.get_model("documents", "DocumentTemplate")
    template.objects.filter(employer__isnull=True, kind__in=KINDS, generated__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_departure_letter_kinds")]

    operations = [migrations.RunPython(install, uninstall)]
