from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import AUDIT_READER_ROLES


class PrivacyConfig(AppConfig):
    name = "effectif.privacy"
    label = "privacy"
    verbose_name = _("Données personnelles et journal d'audit")
    navigation = [
        NavItem(
            _("Journal d'audit"),
            "privacy:audit_log",
            "journal-text",
            _("Administration"),
            AUDIT_READER_ROLES,
            810,
        )
    ]
