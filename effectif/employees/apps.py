from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import HR_ROLES, Role

_SECTION = _("Personnel")


class EmployeesConfig(AppConfig):
    name = "effectif.employees"
    label = "employees"
    verbose_name = _("Dossiers du personnel")
    navigation = [
        NavItem(
            _("Salariés"), "employees:list", "people", _SECTION, HR_ROLES | {Role.MANAGER}, 100
        ),
        NavItem(
            _("Mon dossier"),
            "employees:mine",
            "person-vcard",
            _SECTION,
            order=110,
            visible=lambda user: hasattr(user, "employee"),
        ),
        NavItem(
            _("Demandes de modification"),
            "employees:change_requests",
            "inbox",
            _SECTION,
            HR_ROLES,
            120,
        ),
    ]

    def ready(self) -> None:
        from effectif.core.deadlines import deadlines
        from effectif.core.retention import retention
        from effectif.employees import deadlines as files
        from effectif.employees import privacy

        deadlines.register("work_permit", _("Titres de travail"), files.work_permits_expiring, 40)
        deadlines.register("document", _("Documents du dossier"), files.documents_expiring, 50)
        privacy.register(retention)
