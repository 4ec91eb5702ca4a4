"""The roles of Effectif users and what each may do.

Scope (which rows a user sees) is applied by each app's selectors; this module only names the
roles and their broad capabilities.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrateur")
    HR_MANAGER = "hr_manager", _("Responsable RH/paie")
    HR_ASSISTANT = "hr_assistant", _("Gestionnaire RH")
    MANAGER = "manager", _("Manager")
    EMPLOYEE = "employee", _("Salarié")


#: Roles that administer personnel files of the employers they are granted.
HR_ROLES = frozenset({Role.ADMIN, Role.HR_MANAGER, Role.HR_ASSISTANT})
#: Roles that may read the audit trail.
AUDIT_READER_ROLES = frozenset({Role.ADMIN, Role.HR_MANAGER})
#: Roles that may edit employers and establishments (legal identity, rates).
EMPLOYER_EDITOR_ROLES = frozenset({Role.ADMIN, Role.HR_MANAGER})
