from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import EMPLOYER_EDITOR_ROLES, HR_ROLES

_SECTION = _("Personnel")


class HealthConfig(AppConfig):
    name = "effectif.health"
    label = "health"
    verbose_name = _("Santé au travail")
    navigation = [
        NavItem(_("Visites médicales"), "health:list", "heart-pulse", _SECTION, HR_ROLES, 125),
        NavItem(
            _("Mon suivi médical"),
            "health:mine",
            "heart-pulse",
            _SECTION,
            order=115,
            visible=lambda user: hasattr(user, "employee"),
        ),
        NavItem(
            _("Paramètres du suivi médical"),
            "health:settings",
            "sliders",
            _SECTION,
            EMPLOYER_EDITOR_ROLES,
            127,
        ),
    ]

    def ready(self) -> None:
        from effectif.core.deadlines import deadlines
        from effectif.core.panels import panels
        from effectif.core.retention import retention
        from effectif.documents.merging import registry
        from effectif.health import deadlines as health_deadlines
        from effectif.health import privacy
        from effectif.health.merging import GROUP, SUBJECT
        from effectif.health.panels import EMPLOYEE_HEALTH

        registry.register_group(GROUP)
        registry.register_subject(SUBJECT)
        panels.register("employee", EMPLOYEE_HEALTH)
        deadlines.register(
            "medical_visit", _("Visites médicales"), health_deadlines.visits_to_organise, 30
        )
        deadlines.register("unfit", _("Inaptitudes"), health_deadlines.unfit_salary, 32)
        privacy.register(retention)
