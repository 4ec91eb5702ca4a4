from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import HR_ROLES, Role

_SECTION = _("Planning")
_PLANNERS = HR_ROLES | {Role.MANAGER}


class PlanningConfig(AppConfig):
    name = "effectif.planning"
    label = "planning"
    verbose_name = _("Planning")
    navigation = [
        NavItem(_("Planning"), "planning:grid", "calendar3", _SECTION, _PLANNERS, 250),
        NavItem(
            _("Mon planning"),
            "planning:mine",
            "calendar-week",
            _SECTION,
            order=260,
            visible=lambda user: hasattr(user, "employee"),
        ),
        NavItem(_("Effectifs minimum"), "planning:staffing", "people", _SECTION, _PLANNERS, 270),
    ]

    def ready(self) -> None:
        from effectif.core.retention import retention
        from effectif.planning import privacy

        privacy.register(retention)
