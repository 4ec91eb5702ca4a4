"""The kinds of variable element, by code: what the quantity counts, which of quantity, base,
rate and amount an element needs, and where the engine takes it (`MonthVariables`).

Gathered elements (leave, time sheets, expenses) and manual or imported ones use the same codes,
so that one check applies to all and the payslip page explains each element the same way.

A sickness or work-accident stop (« MALADIE », « AT_MP ») is not summed: each element is one
stop of the month, its quantity the hours (or working days) the stop takes from the month and its
detail the other facts of the engine's `SickLeave` (see `sick_leave_of`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, Protocol

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from effectif.rules.payroll.inputs import MonthVariables, SickLeave

ZERO = Decimal(0)

#: The engine's field of the stops: their elements are turned into `SickLeave`, not summed.
SICK_LEAVES = "sick_leaves"


class Unit(StrEnum):
    HOURS = "hours"
    DAYS = "days"
    COUNT = "count"
    AMOUNT = "amount"


class ElementValues(Protocol):
    """What the catalogue reads of an element: a stored one or a collector's draft."""

    @property
    def code(self) -> str: ...
    @property
    def quantity(self) -> Decimal | None: ...
    @property
    def base_amount(self) -> Decimal | None: ...
    @property
    def rate(self) -> Decimal | None: ...
    @property
    def amount(self) -> Decimal | None: ...
    @property
    def detail(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class ElementKind:
    code: str
    label: Promise
    unit: Unit
    #: The engine's field that sums the quantity (or the amount, for a money element).
    field: str
    manual: bool = True
    help: Promise | str = ""

    @property
    def needs_amount(self) -> bool:
        return self.unit is Unit.AMOUNT


KINDS: dict[str, ElementKind] = {
    kind.code: kind
    for kind in (
        ElementKind("HS25", _("Heures supplémentaires à 25 %"), Unit.HOURS, "overtime_hours_25"),
        ElementKind("HS50", _("Heures supplémentaires à 50 %"), Unit.HOURS, "overtime_hours_50"),
        ElementKind(
            "HC10", _("Heures complémentaires à 10 %"), Unit.HOURS, "complementary_hours_10"
        ),
        ElementKind(
            "HC25", _("Heures complémentaires à 25 %"), Unit.HOURS, "complementary_hours_25"
        ),
        ElementKind("ABS_H", _("Absence non rémunérée (heures)"), Unit.HOURS, "absence_hours"),
        ElementKind("ABS_J", _("Absence non rémunérée (jours)"), Unit.DAYS, "absence_days"),
        ElementKind(
            "CP",
            _("Congés payés pris"),
            Unit.DAYS,
            "paid_leave_days",
            manual=False,
            help=_("Base : brut de la période de référence ; taux : jours acquis."),
        ),
        ElementKind(
            "MALADIE",
            _("Arrêt de travail : maladie"),
            Unit.HOURS,
            SICK_LEAVES,
            manual=False,
            help=_(
                "Quantité : heures d'absence du mois (jours ouvrés sous cette méthode) ; "
                "carence, maintien de salaire et IJSS calculés par le moteur."
            ),
        ),
        ElementKind(
            "AT_MP",
            _("Arrêt de travail : accident du travail ou maladie professionnelle"),
            Unit.HOURS,
            SICK_LEAVES,
            manual=False,
            help=_(
                "Quantité : heures d'absence du mois (jours ouvrés sous cette méthode) ; "
                "maintien de salaire et indemnités journalières calculés par le moteur."
            ),
        ),
        ElementKind("PRIME", _("Prime soumise à cotisations"), Unit.AMOUNT, "bonus_amount"),
        ElementKind(
            "FRAIS",
            _("Remboursement de frais professionnels"),
            Unit.AMOUNT,
            "expense_allowance_amount",
        ),
        ElementKind(
            "FRAIS_SOUMIS",
            _("Remboursement de frais soumis à cotisations"),
            Unit.AMOUNT,
            "bonus_amount",
            manual=False,
            help=_("La part des frais au-delà des limites URSSAF, réintégrée au brut."),
        ),
        ElementKind("REPAS", _("Repas fournis (avantage en nature)"), Unit.COUNT, "meals_provided"),
        ElementKind(
            "LOGEMENT", _("Avantage en nature logement"), Unit.AMOUNT, "housing_benefit_amount"
        ),
        ElementKind(
            "VEHICULE", _("Avantage en nature véhicule"), Unit.AMOUNT, "vehicle_benefit_amount"
        ),
        ElementKind(
            "TR",
            _("Titres-restaurant"),
            Unit.COUNT,
            "meal_vouchers",
            help=_("Base : valeur faciale ; taux : part patronale (0,5 à 0,6)."),
        ),
    )
}


def kind_of(code: str) -> ElementKind | None:
    return KINDS.get(code)


def manual_choices() -> list[tuple[str, str]]:
    return [(kind.code, f"{kind.code} — {kind.label}") for kind in KINDS.values() if kind.manual]


def month_variables(
    elements: Iterable[ElementValues],
    *,
    month_workable_hours: Decimal | None = None,
    month_working_days: Decimal | None = None,
) -> MonthVariables:
    """The engine's variable elements of the month: quantities and amounts summed per field.

    Paid leave carries its valuation facts (reference gross pay as the base, days acquired as the
    rate); meal vouchers their face value (base) and the employer's share (rate); each stop its
    `SickLeave`.
    """
    totals: dict[str, Decimal] = {}
    extra: dict[str, Decimal] = {}
    stops: list[SickLeave] = []
    for element in elements:
        kind = KINDS.get(element.code)
        if kind is None:
            continue
        if kind.field == SICK_LEAVES:
            stops.append(sick_leave_of(element))
            continue
        value = element.amount if kind.needs_amount else element.quantity
        totals[kind.field] = totals.get(kind.field, ZERO) + (value or ZERO)
        if kind.code == "CP":
            if element.base_amount is not None:
                extra["paid_leave_reference_gross_amount"] = element.base_amount
            if element.rate is not None:
                extra["paid_leave_acquired_days"] = element.rate
        elif kind.code == "TR":
            if element.base_amount is not None:
                extra["meal_voucher_face_amount"] = element.base_amount
            if element.rate is not None:
                extra["meal_voucher_employer_share"] = element.rate
    values: dict[str, Any] = {**totals, **extra}
    if stops:
        values[SICK_LEAVES] = tuple(sorted(stops, key=lambda stop: stop.start_date))
    for count_field in ("meals_provided", "meal_vouchers"):
        if count_field in values:
            values[count_field] = int(totals[count_field])
    if month_workable_hours is not None:
        values["month_workable_hours"] = month_workable_hours
    if month_working_days is not None:
        values["month_working_days"] = month_working_days
    return replace(MonthVariables(), **values)


def sick_leave_of(element: ElementValues) -> SickLeave:
    """The engine's facts of the stop of a « MALADIE » or « AT_MP » element: the stop's whole
    dates, seniority, reference gross, days already maintained and subrogation from the detail
    the leave collector wrote; the quantity is hours, or working days when `detail["unit"]` says
    so (the employer's method when the element was gathered)."""
    detail = element.detail
    quantity = element.quantity or ZERO
    try:
        by_days = Unit(detail.get("unit", Unit.HOURS)) is Unit.DAYS
        return SickLeave(
            start_date=dt.date.fromisoformat(detail["request_start_date"]),
            end_date=dt.date.fromisoformat(detail["request_end_date"]),
            seniority_years=int(detail["seniority_years"]),
            reference_gross_amounts=tuple(
                Decimal(amount) for amount in detail["reference_gross_amounts"]
            ),
            absence_hours=ZERO if by_days else quantity,
            absence_days=quantity if by_days else ZERO,
            occupational=element.code == "AT_MP",
            previous_maintained_days=int(detail.get("previous_maintained_days", 0)),
            subrogation=bool(detail.get("subrogation", False)),
        )
    except (KeyError, TypeError, ValueError, InvalidOperation) as error:
        raise ValueError(
            _("Élément %(code)s incomplet (%(error)s) : collectez à nouveau les éléments.")
            % {"code": element.code, "error": error}
        ) from error
