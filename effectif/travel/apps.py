from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import EMPLOYER_EDITOR_ROLES, HR_ROLES, Role

_SECTION = _("Déplacements et frais")
_APPROVERS = frozenset({Role.MANAGER, *HR_ROLES})


def _has_file(user: object) -> bool:
    return hasattr(user, "employee")


class TravelConfig(AppConfig):
    name = "effectif.travel"
    label = "travel"
    verbose_name = _("Déplacements et notes de frais")
    navigation = [
        NavItem(
            _("Mes déplacements"),
            "travel:my_trips",
            "suitcase",
            _SECTION,
            order=500,
            visible=_has_file,
        ),
        NavItem(
            _("Mes notes de frais"),
            "travel:my_reports",
            "receipt",
            _SECTION,
            order=505,
            visible=_has_file,
        ),
        NavItem(_("Ordres de mission"), "travel:trips", "airplane", _SECTION, _APPROVERS, 510),
        NavItem(_("Notes de frais"), "travel:reports", "receipt-cutoff", _SECTION, _APPROVERS, 520),
        NavItem(_("Remboursements"), "travel:payments", "bank", _SECTION, HR_ROLES, 530),
        NavItem(_("Grille tarifaire"), "travel:fares", "table", _SECTION, HR_ROLES, 540),
        NavItem(
            _("Politique de déplacement"),
            "travel:policy",
            "sliders",
            _SECTION,
            EMPLOYER_EDITOR_ROLES,
            550,
        ),
    ]

    def ready(self) -> None:
        from effectif.core.deadlines import deadlines
        from effectif.core.panels import panels
        from effectif.core.retention import retention
        from effectif.documents.merging import registry
        from effectif.travel import deadlines as travel_deadlines
        from effectif.travel import privacy
        from effectif.travel.merging import GROUP, SUBJECT
        from effectif.travel.panels import EMPLOYEE_TRIPS

        registry.register_group(GROUP)
        registry.register_subject(SUBJECT)
        panels.register("employee", EMPLOYEE_TRIPS)
        deadlines.register(
            "trip_approval",
            _("Ordres de mission à approuver"),
            travel_deadlines.trips_to_approve,
            60,
        )
        deadlines.register(
            "expense_report",
            _("Notes de frais à valider ou contrôler"),
            travel_deadlines.reports_to_decide,
            61,
        )
        deadlines.register(
            "expense_payment",
            _("Notes de frais à rembourser"),
            travel_deadlines.reports_to_reimburse,
            62,
        )
        privacy.register(retention)
