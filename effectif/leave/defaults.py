"""The leave types every employer starts with (HR then adapts them or adds its own)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.services import save_audited
from effectif.leave.models import (
    SHOWN_TO_MANAGERS_BY_DEFAULT,
    AcquisitionEffect,
    BalancePolicy,
    Category,
    Counting,
    FamilyEvent,
    LeaveType,
    Unit,
)
from effectif.organisation.models import Employer


def default_types() -> list[dict[str, Any]]:
    cal, work = Counting.CALENDAR, AcquisitionEffect.WORK
    rows: list[dict[str, Any]] = [
        {
            "code": "cp",
            "label": _("Congés payés"),
            "category": Category.PAID_LEAVE,
            "unit": Unit.HALF_DAYS,
            "counting": Counting.OUVRABLES,
            "balance_policy": BalancePolicy.WARN,
            "validity_months": 12,
            "splitting": True,
            "colour": "#2e7d32",
        },
        {
            "code": "rtt",
            "label": _("RTT"),
            "category": Category.RTT,
            "unit": Unit.HALF_DAYS,
            "counting": Counting.OUVRES,
            "balance_policy": BalancePolicy.REFUSE,
            "period_start_month": 1,
            "validity_months": 0,
            "colour": "#0277bd",
        },
        {
            "code": "repos",
            "label": _("Repos compensateur"),
            "category": Category.TIME_OFF_IN_LIEU,
            "unit": Unit.HOURS,
            "counting": Counting.OUVRES,
            "balance_policy": BalancePolicy.REFUSE,
            "period_start_month": 1,
            "colour": "#00838f",
        },
        {
            "code": "maladie",
            "label": _("Maladie"),
            "category": Category.SICKNESS,
            "counting": cal,
            "requires_approval": False,
            "employee_can_request": False,
            "acquisition_effect": AcquisitionEffect.SICK,
            "colour": "#c62828",
        },
        {
            "code": "at_mp",
            "label": _("Accident du travail, maladie professionnelle"),
            "category": Category.WORK_ACCIDENT,
            "counting": cal,
            "requires_approval": False,
            "employee_can_request": False,
            "colour": "#ad1457",
        },
        {
            "code": "maternite",
            "label": _("Congé de maternité"),
            "category": Category.MATERNITY,
            "counting": cal,
            "requires_approval": False,
            "employee_can_request": False,
            "colour": "#6a1b9a",
        },
        {
            "code": "paternite",
            "label": _("Congé de paternité et d'accueil de l'enfant"),
            "category": Category.PATERNITY,
            "counting": cal,
            "colour": "#4527a0",
        },
        {
            "code": "sans_solde",
            "label": _("Congé sans solde"),
            "category": Category.UNPAID,
            "counting": Counting.OUVRES,
            "acquisition_effect": AcquisitionEffect.NONE,
            "colour": "#6d4c41",
        },
        {
            "code": "formation",
            "label": _("Formation"),
            "category": Category.TRAINING,
            "unit": Unit.HALF_DAYS,
            "counting": Counting.OUVRES,
            "colour": "#ef6c00",
        },
        {
            "code": "enfant_malade",
            "label": _("Enfant malade"),
            "category": Category.SICK_CHILD,
            "unit": Unit.HALF_DAYS,
            "counting": Counting.OUVRES,
            "requires_approval": False,
            "acquisition_effect": AcquisitionEffect.NONE,
            "colour": "#f9a825",
        },
    ]
    for event, label in (
        (FamilyEvent.MARRIAGE, _("Mariage ou PACS")),
        (FamilyEvent.BIRTH, _("Naissance ou adoption")),
        (FamilyEvent.CHILD_MARRIAGE, _("Mariage d'un enfant")),
        (FamilyEvent.PARENT_DEATH, _("Décès d'un proche (parent, conjoint, frère, sœur)")),
        (FamilyEvent.CHILD_DEATH, _("Décès d'un enfant")),
        (FamilyEvent.CHILD_DISABILITY, _("Annonce du handicap ou de la maladie d'un enfant")),
    ):
        rows.append(
            {
                "code": f"famille_{event.value}"[:30],
                "label": label,
                "category": Category.FAMILY_EVENT,
                "counting": Counting.OUVRABLES,
                "family_event": event,
                "acquisition_effect": work,
                "colour": "#5d4037",
            }
        )
    return rows


@transaction.atomic
def leave_types_install_defaults(*, employer: Employer, by: User | None) -> list[LeaveType]:
    """Create the default types the employer lacks (by code); those present are left alone."""
    present = set(LeaveType.objects.filter(employer=employer).values_list("code", flat=True))
    created = []
    for values in default_types():
        if values["code"] in present:
            continue
        shown = values["category"] in SHOWN_TO_MANAGERS_BY_DEFAULT
        leave_type = LeaveType(employer=employer, shown_to_managers=shown, **values)
        created.append(save_audited(instance=leave_type, by=by))
    return created
