from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import HR_ROLES


class RegisterConfig(AppConfig):
    name = "effectif.register"
    label = "register"
    verbose_name = _("Registre unique du personnel")
    navigation = [
        NavItem(
            _("Registre du personnel"),
            "register:index",
            "journal-text",
            _("Personnel"),
            HR_ROLES,
            135,
        ),
    ]

    def ready(self) -> None:
        from effectif.core.retention import retention
        from effectif.register import privacy

        privacy.register(retention)
