from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.core.roles import EMPLOYER_EDITOR_ROLES, HR_ROLES, Role

_SECTION = _("Organisation")


class OrganisationConfig(AppConfig):
    name = "effectif.organisation"
    label = "organisation"
    verbose_name = _("Organisation")
    navigation = [
        NavItem(_("Employeurs"), "organisation:employer_list", "building", _SECTION, HR_ROLES, 200),
        NavItem(
            _("Services"), "organisation:department_list", "diagram-2", _SECTION, HR_ROLES, 210
        ),
        NavItem(
            _("Fiches de poste"),
            "organisation:position_list",
            "card-checklist",
            _SECTION,
            HR_ROLES,
            220,
        ),
        NavItem(_("Organigramme"), "organisation:org_chart", "diagram-3", _SECTION, order=230),
        NavItem(
            _("Santé au travail"),
            "organisation:health_service_list",
            "heart-pulse",
            _SECTION,
            EMPLOYER_EDITOR_ROLES,
            240,
        ),
        NavItem(
            _("Comptes utilisateurs"),
            "organisation:user_list",
            "person-gear",
            _("Administration"),
            frozenset({Role.ADMIN}),
            800,
        ),
    ]

    def ready(self) -> None:
        from django.conf import settings
        from django.db.models.signals import post_delete, post_save

        from effectif.accounts.grants import registry as account_grants
        from effectif.core.roles import register_department_tree
        from effectif.organisation.models import Department, EmployerAccess
        from effectif.organisation.selectors import managed_department_ids
        from effectif.organisation.services import EmployerGrants

        register_department_tree(managed_department_ids)
        account_grants.set_grants(EmployerGrants())

        # A scope kept for the rest of a request (core.request_cache) is made of who runs
        # which department, who is granted which employer, and the user's role.
        for model in (Department, EmployerAccess, settings.AUTH_USER_MODEL):
            for signal in (post_save, post_delete):
                signal.connect(_forget_scopes, sender=model, dispatch_uid=f"scope-{model}-{signal}")


def _forget_scopes(**kwargs: object) -> None:
    from effectif.core.request_cache import forget

    forget()
