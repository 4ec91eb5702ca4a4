from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "effectif.privacy"
    label = "privacy"
    verbose_name = _("Données personnelles et journal d'audit")
