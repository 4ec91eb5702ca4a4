from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.deadlines import reads_deadlines
from effectif.core.navigation import NavItem


class DashboardsConfig(AppConfig):
    name = "effectif.dashboards"
    label = "dashboards"
    verbose_name = _("Tableaux de bord")
    navigation = [
        NavItem(_("Accueil"), "dashboards:home", "house", _("Général"), order=0),
        NavItem(
            _("Échéancier"),
            "dashboards:deadlines",
            "calendar-check",
            _("Général"),
            order=5,
            visible=reads_deadlines,
        ),
    ]
