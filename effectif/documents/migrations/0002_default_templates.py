"""Install the default template of each kind (the installation's library, in French)."""

from django.db import migrations


def install(apps, schema_editor):
    from effectif.documents.defaults import install_defaults

    install_defaults(apps.get_model("documents", "DocumentTemplate"))


def uninstall(apps, schema_editor):
    template = apps.get_model("documents", "DocumentTemplate")
    template.objects.filter(employer__isnull=True, generated__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_templates_letterheads_generated")]

    operations = [migrations.RunPython(install, uninstall)]
