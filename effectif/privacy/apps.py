from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import AUDIT_READER_ROLES
from effectif.privacy.permissions import has_own_file

_SECTION = _("Données personnelles")


class PrivacyConfig(AppConfig):
    name = "effectif.privacy"
    label = "privacy"
    verbose_name = _("Données personnelles et journal d'audit")
    navigation = [
        NavItem(
            _("Mes données"),
            "privacy:my_data",
            "person-vcard",
            _("Mon compte"),
            order=890,
            visible=has_own_file,
        ),
        NavItem(
            _("Demandes de droits"),
            "privacy:requests",
            "person-check",
            _SECTION,
            AUDIT_READER_ROLES,
            800,
        ),
        NavItem(
            _("Conservation des données"),
            "privacy:schedule",
            "hourglass-split",
            _SECTION,
            AUDIT_READER_ROLES,
            802,
        ),
        NavItem(
            _("Registre des traitements"),
            "privacy:record",
            "journal-bookmark",
            _SECTION,
            AUDIT_READER_ROLES,
            804,
        ),
        NavItem(
            _("Journal d'audit"),
            "privacy:audit_log",
            "journal-text",
            _("Administration"),
            AUDIT_READER_ROLES,
            810,
        ),
    ]

    def ready(self) -> None:
        from effectif.core.deadlines import deadlines
        from effectif.core.retention import retention
        from effectif.privacy import processings
        from effectif.privacy import retention as own_kinds
        from effectif.privacy.deadlines import requests_to_answer

        processings.register(retention)
        own_kinds.register(retention)
        deadlines.register(
            "rights_request", _("Demandes d'exercice des droits"), requests_to_answer, 70
        )
