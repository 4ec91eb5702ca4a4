from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem


class AccountsConfig(AppConfig):
    name = "effectif.accounts"
    label = "accounts"
    verbose_name = _("Comptes")
    navigation = [
        NavItem(
            _("Sécurité du compte"), "accounts:security", "shield-lock", _("Mon compte"), order=900
        ),
    ]

    def ready(self) -> None:
        from effectif.accounts import privacy, signals  # noqa: F401
        from effectif.accounts.panels import EMPLOYEE_API_TOKENS
        from effectif.core.panels import panels
        from effectif.core.retention import retention

        panels.register("employee", EMPLOYEE_API_TOKENS)
        privacy.register(retention)
