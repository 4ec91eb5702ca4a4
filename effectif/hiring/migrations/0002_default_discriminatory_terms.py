"""Data: the shipped list of discriminatory wording (HR edits it afterwards)."""

from django.db import migrations


def install(apps, schema_editor):
    from effectif.hiring.defaults import install_default_terms

    install_default_terms(apps.get_model("hiring", "DiscriminatoryTerm"))


def remove(apps, schema_editor):
    from effectif.hiring.defaults import DEFAULT_TERMS

    apps.get_model("hiring", "DiscriminatoryTerm").objects.filter(
        term__in=[term for term, _ground, _suggestion in DEFAULT_TERMS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("hiring", "0001_recruitment_and_onboarding")]

    operations = [migrations.RunPython(install, remove)]
