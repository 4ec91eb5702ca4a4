from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import HR_ROLES, Role

_SECTION = _("Temps de travail")
_VALIDATORS = HR_ROLES | {Role.MANAGER}


class TimekeepingConfig(AppConfig):
    name = "effectif.timekeeping"
    label = "timekeeping"
    verbose_name = _("Temps de travail")
    navigation = [
        NavItem(
            _("Mes heures"),
            "timekeeping:my_week",
            "clock",
            _SECTION,
            order=400,
            visible=lambda user: hasattr(user, "employee"),
        ),
        NavItem(
            _("Heures à valider"),
            "timekeeping:to_validate",
            "check2-square",
            _SECTION,
            _VALIDATORS,
            410,
        ),
        NavItem(_("Feuilles de temps"), "timekeeping:sheet_list", "table", _SECTION, HR_ROLES, 420),
        NavItem(
            _("Horaires"), "timekeeping:schedule_list", "calendar-week", _SECTION, HR_ROLES, 430
        ),
        NavItem(
            _("Contrôles légaux"), "timekeeping:checks", "shield-check", _SECTION, _VALIDATORS, 440
        ),
        NavItem(
            _("Éléments variables de paie"),
            "timekeeping:variable_elements",
            "cash-coin",
            _SECTION,
            HR_ROLES,
            450,
        ),
        NavItem(
            _("Import de pointages"), "timekeeping:clock_start", "upload", _SECTION, HR_ROLES, 460
        ),
    ]

    def ready(self) -> None:
        from effectif.core.panels import panels
        from effectif.core.retention import retention
        from effectif.timekeeping import privacy
        from effectif.timekeeping.panels import EMPLOYEE_SCHEDULE

        panels.register("employee", EMPLOYEE_SCHEDULE)
        privacy.register(retention)
