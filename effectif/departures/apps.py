from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import HR_ROLES

_SECTION = _("Personnel")


class DeparturesConfig(AppConfig):
    name = "effectif.departures"
    label = "departures"
    verbose_name = _("Départs")
    navigation = [
        NavItem(_("Départs"), "departures:list", "box-arrow-right", _SECTION, HR_ROLES, 130),
    ]

    def ready(self) -> None:
        from effectif.core.deadlines import deadlines
        from effectif.core.panels import panels
        from effectif.core.retention import retention
        from effectif.departures import privacy
        from effectif.departures.deadlines import departures_due
        from effectif.departures.merging import GROUP, SUBJECT
        from effectif.departures.panels import CONTRACT_END, EMPLOYEE_DEPARTURE
        from effectif.documents.merging import registry

        registry.register_group(GROUP)
        registry.register_subject(SUBJECT)
        panels.register("employee", EMPLOYEE_DEPARTURE)
        panels.register("contract", CONTRACT_END)
        deadlines.register("departure", _("Départs en cours"), departures_due, 35)
        privacy.register(retention)
