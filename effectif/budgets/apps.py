from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import HR_ROLES, Role

_SECTION = _("Déplacements et frais")


class BudgetsConfig(AppConfig):
    name = "effectif.budgets"
    label = "budgets"
    verbose_name = _("Budgets")
    navigation = [
        NavItem(
            _("Budgets de déplacement"),
            "budgets:list",
            "piggy-bank",
            _SECTION,
            HR_ROLES | {Role.MANAGER},
            560,
        ),
    ]
