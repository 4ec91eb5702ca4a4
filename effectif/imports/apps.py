from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import HR_ROLES


class ImportsConfig(AppConfig):
    name = "effectif.imports"
    label = "imports"
    verbose_name = _("Import de données")
    navigation = [
        NavItem(
            _("Importer des salariés"), "imports:start", "upload", _("Personnel"), HR_ROLES, 130
        )
    ]

    def ready(self) -> None:
        from effectif.core.retention import retention
        from effectif.imports import privacy

        privacy.register(retention)
