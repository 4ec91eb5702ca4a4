from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import HR_ROLES, Role

_SECTION = _("Recrutement et intégration")
_FOLLOWERS = HR_ROLES | {Role.MANAGER}


class HiringConfig(AppConfig):
    name = "effectif.hiring"
    label = "hiring"
    verbose_name = _("Recrutement et intégration")
    navigation = [
        NavItem(
            _("Demandes de recrutement"),
            "hiring:requisitions",
            "clipboard-plus",
            _SECTION,
            _FOLLOWERS,
            300,
        ),
        NavItem(_("Offres d'emploi"), "hiring:postings", "megaphone", _SECTION, _FOLLOWERS, 310),
        NavItem(
            _("Candidats"), "hiring:candidates", "person-lines-fill", _SECTION, _FOLLOWERS, 320
        ),
        NavItem(_("DPAE"), "hiring:dpaes", "send-check", _SECTION, HR_ROLES, 330),
        NavItem(_("Intégrations"), "hiring:onboardings", "list-check", _SECTION, order=340),
        NavItem(_("Offres internes"), "hiring:board", "pin-angle", _SECTION, order=350),
        NavItem(_("Termes à éviter"), "hiring:terms", "spellcheck", _SECTION, HR_ROLES, 360),
    ]

    def ready(self) -> None:
        from effectif.core.deadlines import deadlines
        from effectif.core.panels import panels
        from effectif.core.retention import retention
        from effectif.documents.merging import registry
        from effectif.hiring import deadlines as hiring_deadlines
        from effectif.hiring import privacy
        from effectif.hiring.merging import GROUPS, subjects
        from effectif.hiring.panels import EMPLOYEE_ONBOARDING

        for group in GROUPS:
            registry.register_group(group)
        for subject in subjects():
            registry.register_subject(subject)
        panels.register("employee", EMPLOYEE_ONBOARDING)
        # Same key as the contracts app's reminder of hires, which this one replaces: the
        # to-do shows each hire once, with its DPAE to file (and no longer once it is done).
        deadlines.register("hire", _("DPAE et embauches"), hiring_deadlines.dpae_to_file, 10)
        deadlines.register(
            "onboarding",
            _("Intégrations en retard"),
            hiring_deadlines.onboarding_tasks_overdue,
            35,
        )
        privacy.register(retention)
