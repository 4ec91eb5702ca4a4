from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import HR_ROLES, Role

_SECTION = _("Congés et absences")


class LeaveConfig(AppConfig):
    name = "effectif.leave"
    label = "leave"
    verbose_name = _("Congés et absences")
    navigation = [
        NavItem(
            _("Mes congés"),
            "leave:mine",
            "sun",
            _SECTION,
            order=300,
            visible=lambda user: hasattr(user, "employee"),
        ),
        NavItem(
            _("Demandes de congés"),
            "leave:requests",
            "calendar-check",
            _SECTION,
            HR_ROLES | {Role.MANAGER},
            310,
        ),
        NavItem(_("Soldes de congés"), "leave:balances", "list-ol", _SECTION, HR_ROLES, 320),
        NavItem(_("Indemnités de congés"), "leave:pay", "cash-coin", _SECTION, HR_ROLES, 330),
        NavItem(_("Clôture annuelle"), "leave:closing", "calendar-x", _SECTION, HR_ROLES, 340),
        NavItem(_("Types d'absence"), "leave:types", "tags", _SECTION, HR_ROLES, 350),
        NavItem(_("Notifications"), "leave:notifications", "bell", _SECTION, order=360),
    ]

    def ready(self) -> None:
        from effectif.core.deadlines import deadlines
        from effectif.core.panels import panels
        from effectif.core.retention import retention
        from effectif.leave import deadlines as leave_deadlines
        from effectif.leave import privacy
        from effectif.leave.absences import approved_days_off
        from effectif.leave.panels import EMPLOYEE_LEAVE
        from effectif.timekeeping.absences import absence_sources

        panels.register("employee", EMPLOYEE_LEAVE)
        absence_sources.register("leave", approved_days_off)
        deadlines.register("leave", _("Congés à prendre"), leave_deadlines.leave_to_take, 60)
        privacy.register(retention)
