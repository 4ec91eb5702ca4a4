from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.budgets.permissions import may_read
from effectif.core.navigation import NavItem

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
            order=560,
            visible=may_read,
        ),
    ]
