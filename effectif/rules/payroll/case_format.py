"""The JSON case format of the reference cases, `tests/reference_cases/` (read) and of the simulator's results (written).

A case holds the reference fields — `id`, `month` (YYYY-MM), `gross_monthly`,
`hours_per_month`, `cadre`, `headcount`, `alsace_moselle`, `at_rate`, `mutuelle_total_monthly`,
`mutuelle_employer_share`, `pas_rate` — and may use these extensions: `contract` (cdi, cdd,
apprentissage), `forfait_days`, `entry_date`, `exit_date`, `initial_term_end_date` (YYYY-MM-DD),
`mobility_rate`, `payroll_tax_liable`, `non_profit`, `work_study_share`, `absence_method`
(taux_horaire, horaire_reel, jours_ouvres), `prevoyance_total_monthly`,
`prevoyance_employer_share`, `transit_pass_monthly`, `transit_employer_share`, the month's
variables (`overtime_hours_25`, `overtime_hours_50`, `complementary_hours_10`,
`complementary_hours_25`, `bonus`, `expense_allowance`, `absence_hours`, `absence_days`,
`month_workable_hours`, `month_working_days`, `paid_leave_days`, `paid_leave_reference_gross`,
`paid_leave_acquired_days`, `meals_provided`, `housing_benefit`, `vehicle_benefit`,
`meal_vouchers`, `meal_voucher_value`, `meal_voucher_employer_share`), `sick_leaves` (a list
of objects: `start_date`, `end_date`, `seniority_years`, `reference_gross` (a list of one to
three amounts), and optionally `absence_hours`, `absence_days`, `occupational`,
`previous_maintained_days`, `subrogation`, `maintenance_rates` (two rates)) and `year_to_date`
(`gross`, `taxable`, `withheld`, `exempt_overtime`, `reduction_pay`, `reduction_smic`,
`reduction`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from effectif.rules.payroll.inputs import (
    AbsenceMethod,
    ContractKind,
    Employee,
    Employer,
    MonthVariables,
    PayslipInput,
    SickLeave,
    YearToDate,
)
from effectif.rules.payroll.results import Payslip


class CaseError(ValueError):
    """A case the simulator cannot read; the message is in French and names case and field."""

    def __init__(self, case_id: str, field: str, reason: str) -> None:
        super().__init__(f"cas « {case_id} », champ « {field} » : {reason}")
        self.case_id = case_id
        self.field = field


Converter = Callable[[object], object]


def _decimal(value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError("un nombre est attendu")
    return Decimal(value)


def _optional_decimal(value: object) -> object:
    return None if value is None else _decimal(value)


def _boolean(value: object) -> object:
    if not isinstance(value, bool):
        raise ValueError("true ou false est attendu")
    return value


def _integer(value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("un nombre entier est attendu")
    return value


def _optional_integer(value: object) -> object:
    return None if value is None else _integer(value)


def _day(value: object) -> object:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("une date AAAA-MM-JJ est attendue")
    return date.fromisoformat(value)


def _choice(kind: type[ContractKind] | type[AbsenceMethod]) -> Converter:
    def convert(value: object) -> object:
        choices = ", ".join(item.value for item in kind)
        if not isinstance(value, str) or value not in {item.value for item in kind}:
            raise ValueError(f"valeur attendue parmi : {choices}")
        return kind(value)

    return convert


#: sick leave's case field → (input field, converter); the first four are required
SICK_LEAVE_FIELDS: dict[str, tuple[str, Converter]] = {
    "start_date": ("start_date", _day),
    "end_date": ("end_date", _day),
    "seniority_years": ("seniority_years", _integer),
    "reference_gross": ("reference_gross_amounts", lambda v: tuple(_list(v, _decimal))),
    "absence_hours": ("absence_hours", _decimal),
    "absence_days": ("absence_days", _decimal),
    "occupational": ("occupational", _boolean),
    "previous_maintained_days": ("previous_maintained_days", _integer),
    "subrogation": ("subrogation", _boolean),
    "maintenance_rates": ("maintenance_rates", lambda v: _pair(_list(v, _decimal))),
}


def _list(value: object, convert: Converter) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("une liste est attendue")
    return [convert(item) for item in value]


def _pair(values: list[Any]) -> tuple[Any, Any]:
    if len(values) != 2:
        raise ValueError("deux taux sont attendus")
    return values[0], values[1]


def _sick_leaves(value: object) -> object:
    leaves = []
    for item in _list(value, lambda item: item):
        if not isinstance(item, dict):
            raise ValueError("chaque arrêt est un objet JSON")
        unknown = set(item) - set(SICK_LEAVE_FIELDS)
        if unknown:
            raise ValueError(f"champ d'arrêt inconnu : {sorted(unknown)[0]}")
        missing = [name for name in list(SICK_LEAVE_FIELDS)[:4] if name not in item]
        if missing:
            raise ValueError(f"champ d'arrêt obligatoire absent : {missing[0]}")
        fields: dict[str, Any] = {}
        for name, raw in item.items():
            target, convert = SICK_LEAVE_FIELDS[name]
            fields[target] = convert(raw)
        leaves.append(SickLeave(**fields))
    return tuple(leaves)


#: case field → (section, input field, converter)
FIELDS: dict[str, tuple[str, str, Converter]] = {
    "gross_monthly": ("employee", "base_salary_amount", _decimal),
    "hours_per_month": ("employee", "monthly_hours", _decimal),
    "cadre": ("employee", "cadre", _boolean),
    "contract": ("employee", "contract", _choice(ContractKind)),
    "forfait_days": ("employee", "forfait_days", _optional_integer),
    "entry_date": ("employee", "entry_date", _day),
    "exit_date": ("employee", "exit_date", _day),
    "initial_term_end_date": ("employee", "initial_term_end_date", _day),
    "pas_rate": ("employee", "pas_rate", _optional_decimal),
    "mutuelle_total_monthly": ("employee", "health_premium_amount", _decimal),
    "mutuelle_employer_share": ("employee", "health_employer_share", _decimal),
    "prevoyance_total_monthly": ("employee", "prevoyance_premium_amount", _decimal),
    "prevoyance_employer_share": ("employee", "prevoyance_employer_share", _decimal),
    "transit_pass_monthly": ("employee", "transit_pass_amount", _decimal),
    "transit_employer_share": ("employee", "transit_employer_share", _decimal),
    "headcount": ("employer", "headcount", _integer),
    "at_rate": ("employer", "at_rate", _decimal),
    "alsace_moselle": ("employer", "alsace_moselle", _boolean),
    "mobility_rate": ("employer", "mobility_rate", _decimal),
    "payroll_tax_liable": ("employer", "payroll_tax_liable", _boolean),
    "non_profit": ("employer", "non_profit", _boolean),
    "work_study_share": ("employer", "work_study_share", _decimal),
    "absence_method": ("employer", "absence_method", _choice(AbsenceMethod)),
    "overtime_hours_25": ("variables", "overtime_hours_25", _decimal),
    "overtime_hours_50": ("variables", "overtime_hours_50", _decimal),
    "complementary_hours_10": ("variables", "complementary_hours_10", _decimal),
    "complementary_hours_25": ("variables", "complementary_hours_25", _decimal),
    "bonus": ("variables", "bonus_amount", _decimal),
    "expense_allowance": ("variables", "expense_allowance_amount", _decimal),
    "absence_hours": ("variables", "absence_hours", _decimal),
    "absence_days": ("variables", "absence_days", _decimal),
    "month_workable_hours": ("variables", "month_workable_hours", _optional_decimal),
    "month_working_days": ("variables", "month_working_days", _optional_decimal),
    "paid_leave_days": ("variables", "paid_leave_days", _decimal),
    "paid_leave_reference_gross": ("variables", "paid_leave_reference_gross_amount", _decimal),
    "paid_leave_acquired_days": ("variables", "paid_leave_acquired_days", _decimal),
    "meals_provided": ("variables", "meals_provided", _integer),
    "housing_benefit": ("variables", "housing_benefit_amount", _decimal),
    "vehicle_benefit": ("variables", "vehicle_benefit_amount", _decimal),
    "meal_vouchers": ("variables", "meal_vouchers", _integer),
    "meal_voucher_value": ("variables", "meal_voucher_face_amount", _decimal),
    "meal_voucher_employer_share": ("variables", "meal_voucher_employer_share", _decimal),
    "sick_leaves": ("variables", "sick_leaves", _sick_leaves),
}
YEAR_TO_DATE_FIELDS = {
    "gross": "gross_amount",
    "taxable": "taxable_amount",
    "withheld": "withheld_amount",
    "exempt_overtime": "exempt_overtime_amount",
    "reduction_pay": "reduction_pay_amount",
    "reduction_smic": "reduction_smic_amount",
    "reduction": "reduction_amount",
}
REQUIRED = ("id", "month", "gross_monthly", "headcount", "at_rate")

#: input field → case field, to name the case's field in validation errors
CASE_FIELD_OF: dict[str, str] = {
    **{input_name: case_name for case_name, (_, input_name, _) in FIELDS.items()},
    **{input_name: f"year_to_date.{name}" for name, input_name in YEAR_TO_DATE_FIELDS.items()},
}


def read_cases(path: Path) -> list[dict[str, Any]]:
    """The case objects of a JSON file: a list of cases or of {"case", "expected"} items."""
    data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    if not isinstance(data, list):
        raise CaseError("?", "(fichier)", "le fichier doit contenir une liste de cas")
    cases = []
    for index, item in enumerate(data):
        if isinstance(item, dict) and "case" in item:
            extra = set(item) - {"case", "expected"}
            if extra:
                raise CaseError(str(index), sorted(extra)[0], "champ inconnu")
            item = item["case"]
        if not isinstance(item, dict):
            raise CaseError(str(index), "(cas)", "un objet JSON est attendu")
        cases.append(item)
    return cases


def case_to_input(case: Mapping[str, Any]) -> PayslipInput:
    """The engine's input for one case; `CaseError` on unknown or ill-typed fields."""
    case_id = str(case.get("id", "?"))
    for name in REQUIRED:
        if name not in case:
            raise CaseError(case_id, name, "champ obligatoire absent")
    # Category and working time change every contribution: never assumed (non-cadre, full time).
    if "cadre" not in case:
        raise CaseError(case_id, "cadre", "catégorie absente (true pour un cadre, false sinon)")
    if "hours_per_month" not in case and case.get("forfait_days") is None:
        raise CaseError(
            case_id, "hours_per_month", "durée du travail absente (heures par mois ou forfait_days)"
        )
    sections: dict[str, dict[str, Any]] = {"employee": {}, "employer": {}, "variables": {}}
    for name, value in case.items():
        if name in ("id", "month", "year_to_date"):
            continue
        if name not in FIELDS:
            raise CaseError(case_id, name, "champ inconnu")
        section, target, convert = FIELDS[name]
        try:
            sections[section][target] = convert(value)
        except ValueError as error:
            raise CaseError(case_id, name, str(error)) from None
    return PayslipInput(
        period_date=_month(case_id, case["month"]),
        employer=Employer(**sections["employer"]),
        employee=Employee(**sections["employee"]),
        variables=MonthVariables(**sections["variables"]),
        year_to_date=_year_to_date(case_id, case.get("year_to_date", {})),
        reference=case_id,
    )


def _month(case_id: str, value: object) -> date:
    try:
        if not isinstance(value, str) or len(value) != 7:
            raise ValueError
        return date.fromisoformat(value + "-01")
    except ValueError:
        raise CaseError(case_id, "month", "un mois AAAA-MM est attendu") from None


def _year_to_date(case_id: str, value: object) -> YearToDate:
    if not isinstance(value, dict):
        raise CaseError(case_id, "year_to_date", "un objet est attendu")
    amounts: dict[str, Any] = {}
    for name, amount in value.items():
        if name not in YEAR_TO_DATE_FIELDS:
            raise CaseError(case_id, f"year_to_date.{name}", "champ inconnu")
        try:
            amounts[YEAR_TO_DATE_FIELDS[name]] = _decimal(amount)
        except ValueError as error:
            raise CaseError(case_id, f"year_to_date.{name}", str(error)) from None
    return YearToDate(**amounts)


def result_record(payslip: Payslip) -> dict[str, Any]:
    """A payslip in the field names of the cases' `expected` objects (numbers as JSON numbers)."""
    lines = []
    for line in payslip.lines:
        for side, base, rate, amount in (
            ("employee", line.employee_base_amount, line.employee_rate, line.employee_amount),
            ("employer", line.employer_base_amount, line.employer_rate, line.employer_amount),
        ):
            if rate is not None or amount:
                lines.append(
                    {
                        "code": line.code,
                        "side": side,
                        "label": line.label,
                        "heading": line.heading.label,
                        "base": _number(base),
                        "rate": None if rate is None else _number(rate),
                        "amount": _number(amount),
                        "dsn": {
                            "base": line.dsn.base,
                            "contribution": line.dsn.contribution,
                            "ctp": line.dsn.ctp,
                        },
                    }
                )
    withholding = payslip.withholding
    record = {
        "id": payslip.reference,
        "gross": _number(payslip.gross_amount),
        "net_before_tax": _number(payslip.net_before_tax_amount),
        "net_social": _number(payslip.net_social_amount),
        "net_taxable": _number(payslip.net_taxable_amount),
        "pas_amount": _number(withholding.amount),
        "pas_rate": _number(withholding.rate),
        "net_after_tax": _number(payslip.net_paid_amount),
        "employee_contributions_total": _number(payslip.employee_contributions_amount),
        "employer_contributions_total": _number(payslip.employer_contributions_amount),
        "reduction_generale": _number(payslip.general_reduction_amount),
        "employer_cost": _number(payslip.employer_cost_amount),
        "lines": lines,
        "parameters_version": payslip.parameters_version,
    }
    if payslip.after_net_lines:
        record["after_net"] = [
            {"code": line.code, "label": line.label, "amount": _number(line.amount)}
            for line in payslip.after_net_lines
        ]
    return record


def _number(value: Decimal) -> float | int:
    """A JSON number that prints as the decimal it stands for (cents or rate digits)."""
    return int(value) if value == value.to_integral_value() else float(value)
