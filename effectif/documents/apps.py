from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import HR_ROLES

_SECTION = _("Personnel")


class DocumentsConfig(AppConfig):
    name = "effectif.documents"
    label = "documents"
    verbose_name = _("Documents et modèles")
    navigation = [
        NavItem(
            _("Modèles de documents"),
            "documents:library",
            "file-earmark-text",
            _SECTION,
            HR_ROLES,
            140,
        ),
        NavItem(
            _("Papier à en-tête"),
            "documents:letterhead_list",
            "envelope-paper",
            _SECTION,
            HR_ROLES,
            145,
        ),
    ]

    def ready(self) -> None:
        from effectif.core.panels import panels
        from effectif.core.retention import retention
        from effectif.documents import privacy
        from effectif.documents.fields import GROUPS
        from effectif.documents.merging import registry
        from effectif.documents.panels import CONTRACT_DOCUMENTS, EMPLOYEE_DOCUMENTS
        from effectif.documents.subjects import subjects

        for group in GROUPS:
            registry.register_group(group)
        for subject in subjects():
            registry.register_subject(subject)
        panels.register("employee", EMPLOYEE_DOCUMENTS)
        panels.register("contract", CONTRACT_DOCUMENTS)
        privacy.register(retention)
