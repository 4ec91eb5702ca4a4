"""Sick leave and work accidents (issue 12): IJSS, the employer's legal maintenance net of the
IJSS, subrogation, and the SMIC of the réduction générale during the stop.

Each expected figure is computed by hand in the docstring (r() = rounding to the cent, half up)
from the rules cited, with the method the public pages describe:
- ameli.fr, « Indemnités journalières en cas d'arrêt maladie » and service-public.fr, « Arrêt
  maladie : indemnités journalières versées au salarié » (salaire journalier de base = brut des
  3 mois / 91,25, IJ = 50 %, versée à partir du 4e jour, pour chaque jour calendaire, samedis et
  dimanches compris; CSG 6,2 % et CRDS 0,5 % = 6,7 % prélevés sur les IJ);
- service-public.fr, « Arrêt maladie : maintien du salaire par l'employeur » (un an
  d'ancienneté, carence de 7 jours, 90 % puis deux tiers de la rémunération brute, 30 + 30 jours
  portés de 10 jours par 5 ans d'ancienneté, IJSS déduites);
- the maximum IJ of 41,47 € for stops from 1 April 2025 (2 522,52 × 3 / 91,25 × 50 %) and
  53,31 € before (3 243,24 × 3 / 91,25 × 50 %), as published after the décret n° 2025-160
  (audit-de-paie.fr, cerfrance49.fr, chorum.fr, cftcbanques.fr).
Payslips: March 2026 (SMIC 1 823,03 €, the SMIC of February for the IJSS cap: 1,4 × 1 823,03 =
r(2 552,242) = 2 552,24), hourly absence method (salary × hours / 151,67), 10 employees.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from effectif.rules.parameters.sickness import LEGAL_MAINTENANCE
from effectif.rules.payroll.batch import Population
from effectif.rules.payroll.case_format import CaseError, case_to_input, result_record
from effectif.rules.payroll.engine import compute_payslip
from effectif.rules.payroll.inputs import (
    Employee,
    Employer,
    MonthVariables,
    PayslipInput,
    SickLeave,
)
from effectif.rules.payroll.results import Payslip
from effectif.rules.payroll.sickness import (
    compute_sick_leave,
    maintenance_band_days,
    sickness_daily_benefit,
    work_accident_daily_benefits,
)
from effectif.rules.payroll.tests.builders import D, gross_line
from effectif.rules.payroll.validation import PayslipInputError

MARCH = date(2026, 3, 1)
EMPLOYER = Employer(headcount=10, at_rate=D("0.01"))


def _input(salary: str, *leaves: SickLeave, absence_hours: str = "0") -> PayslipInput:
    return PayslipInput(
        MARCH,
        EMPLOYER,
        Employee(base_salary_amount=D(salary)),
        MonthVariables(absence_hours=D(absence_hours), sick_leaves=leaves),
    )


def _payslip(salary: str, *leaves: SickLeave) -> Payslip:
    return compute_payslip(_input(salary, *leaves))


def _codes(result: Payslip) -> list[str]:
    return [line.code for line in result.gross_lines]


def test_ten_days_of_illness_one_year_of_seniority_without_subrogation() -> None:
    """2 000 €, sick Monday 9 to Wednesday 18 March 2026 (10 calendar days, 8 working days =
    56 h), one year of seniority, 2 000 € in each of the 3 months before.

    Absence: r(2000 × 56 / 151,67) = 738,45. IJSS: 6 000 / 91,25 = 65,7534, × 50 % = r(32,8767)
    = 32,88 a day from day 4 (CSS R323-1): 7 days = 230,16, paid by the CPAM to the employee.
    Employer (D1226-3): from day 8, so 3 days at 90 % (band of 30 days, D1226-2) of the pay of
    the days, 738,45 / 10 a calendar day: r(738,45 × 3 × 0,9 / 10) = 199,38, less the IJSS of
    those 3 days 98,64 (D1226-5) = 100,74 « Maintien de salaire ». Gross 2 000 − 738,45 +
    100,74 = 1 362,29. Nothing after net (no subrogation).
    Réduction générale SMIC (D241-7): 1 823,03 × 1 362,29 / 2 000 = r(1 241,7475) = 1 241,75.
    """
    leave = SickLeave(
        date(2026, 3, 9), date(2026, 3, 18), 1, (D("2000"),) * 3, absence_hours=D("56")
    )
    pay = compute_sick_leave(leave, MARCH, D("738.45"))
    assert (pay.days, pay.benefit_waiting_days, pay.employer_waiting_days) == (10, 3, 7)
    assert pay.daily_benefits[0] == D("32.88")
    assert pay.benefit_amount == D("230.16")
    assert pay.maintained_days == (3, 0)
    assert pay.maintained_gross_amount == D("199.38")
    assert pay.complement_amount == D("100.74")
    result = _payslip("2000", leave)
    assert _codes(result) == ["salaire_base", "absence_maladie", "maintien_salaire"]
    assert gross_line(result, "absence_maladie") == D("-738.45")
    assert gross_line(result, "maintien_salaire") == D("100.74")
    assert result.gross_amount == D("1362.29")
    assert result.after_net_lines == ()
    assert result.withholding.base_amount == result.net_taxable_amount
    assert result.year_to_date.reduction_smic_amount == D("1241.75")


def test_twenty_days_of_illness_with_subrogation_and_six_years_of_seniority() -> None:
    """3 000 €, sick Monday 2 to Saturday 21 March 2026 (20 calendar days, 15 working days =
    105 h), 6 years of seniority, subrogation, 3 000 € in each of the 3 months before.

    IJSS: each month capped at 1,4 SMIC = 2 552,24 (décret n° 2025-160): 7 656,72 / 91,25 =
    83,9093, × 50 % = r(41,9547) = 41,95 a day, days 4 to 20 = 17 days = 713,15.
    Absence: r(3000 × 105 / 151,67) = 2 076,88. Employer: 6 years = 30 + 10 days a band
    (D1226-2); days 8 to 20 = 13 days at 90 %: r(2 076,88 × 13 × 0,9 / 20) = 1 214,97, less
    13 × 41,95 = 545,35: maintenance 669,62. Gross 3 000 − 2 076,88 + 669,62 = 1 592,74.
    After net: IJSS 713,15, CSG déductible r(3,8 %) = 27,10, CSG non déductible r(2,4 %) = 17,12,
    CRDS r(0,5 %) = 3,57: 665,36 paid over. Withholding base: net taxable + 713,15 − 27,10 =
    net taxable + 686,05 (IJSS received by subrogation are withheld on by the employer). The
    IJSS stay out of net taxable and net social (declared by the CPAM)."""
    leave = SickLeave(
        date(2026, 3, 2),
        date(2026, 3, 21),
        6,
        (D("3000"),) * 3,
        absence_hours=D("105"),
        subrogation=True,
    )
    result = _payslip("3000", leave)
    assert gross_line(result, "absence_maladie") == D("-2076.88")
    assert gross_line(result, "maintien_salaire") == D("669.62")
    assert result.gross_amount == D("1592.74")
    after = {line.code: line.amount for line in result.after_net_lines}
    assert after == {
        "ijss_subrogees": D("713.15"),
        "csg_deductible_ijss": D("-27.10"),
        "csg_non_deductible_ijss": D("-17.12"),
        "crds_ijss": D("-3.57"),
    }
    assert result.net_before_tax_amount == result.net_social_amount + D("665.36")
    assert result.withholding.base_amount == result.net_taxable_amount + D("686.05")
    assert result.year_to_date.taxable_amount == result.net_taxable_amount


def test_fifteen_days_of_work_accident_without_waiting_days() -> None:
    """2 500 €, work accident, stop Monday 2 to Monday 16 March 2026 (15 calendar days, 11
    working days = 77 h), 2 years of seniority, subrogation, 2 500 € in February.

    IJ (CSS L433-1: no waiting day; R433-1, R433-4): daily wage 2 500 / 30,42 = 82,1828,
    60 % = r(49,3097) = 49,31 a day for 15 days = 739,65. Employer: no waiting day (D1226-3),
    15 days at 90 % of the pay of the days: absence r(2500 × 77 / 151,67) = 1 269,20, × 0,9 =
    1 142,28, less 739,65: maintenance 402,63. After net: 739,65 − r(3,8 %) 28,11 −
    r(2,4 %) 17,75 − r(0,5 %) 3,70 = 690,09. Taxable (CGI 81 8°: half of work-accident IJ):
    r((739,65 − 28,11) × 50 %) = 355,77 added to the withholding base."""
    leave = SickLeave(
        date(2026, 3, 2),
        date(2026, 3, 16),
        2,
        (D("2500"),) * 3,
        absence_hours=D("77"),
        occupational=True,
        subrogation=True,
    )
    pay = compute_sick_leave(leave, MARCH, D("1269.20"))
    assert (pay.benefit_waiting_days, pay.employer_waiting_days) == (0, 0)
    assert pay.benefit_days == (15, 0)
    assert pay.benefit_amount == D("739.65")
    result = _payslip("2500", leave)
    assert _codes(result) == ["salaire_base", "absence_at_mp", "maintien_salaire"]
    assert gross_line(result, "absence_at_mp") == D("-1269.20")
    assert gross_line(result, "maintien_salaire") == D("402.63")
    assert sum(line.amount for line in result.after_net_lines) == D("690.09")
    assert result.withholding.base_amount == result.net_taxable_amount + D("355.77")


def test_under_one_year_of_seniority_no_employer_maintenance() -> None:
    """Same stop as the first case with 0 years of seniority: no maintenance (C. trav. L1226-1
    requires one year); the 230,16 € of IJSS are paid by the CPAM. Gross 2 000 − 738,45 =
    1 261,55; SMIC of the réduction générale 1 823,03 × 1 261,55 / 2 000 = r(1 149,916) =
    1 149,92."""
    leave = SickLeave(
        date(2026, 3, 9), date(2026, 3, 18), 0, (D("2000"),) * 3, absence_hours=D("56")
    )
    result = _payslip("2000", leave)
    assert _codes(result) == ["salaire_base", "absence_maladie"]
    assert result.gross_amount == D("1261.55")
    assert result.year_to_date.reduction_smic_amount == D("1149.92")


def test_published_maximum_daily_benefits_around_1_april_2025() -> None:
    """4 000 € a month: before 1 April 2025, 1,8 × 1 801,80 = 3 243,24 a month, 3 × 3 243,24 /
    91,25 × 50 % = r(53,3136) = 53,31; from 1 April 2025, 1,4 × 1 801,80 = 2 522,52, r(41,4661)
    = 41,47 (the published figures). Work accident, 2025: the daily wage is capped at 0,834 % of
    47 100 = 392,814: 60 % = r(235,6884) = 235,69; 80 % = r(314,2512) = 314,25 is above the net
    daily wage, 79 % = r(310,3231) = 310,32 (service-public.fr F175: « dans la limite du gain
    journalier net, le salaire journalier moins 21 % »)."""
    high = (D("4000"),) * 3
    assert sickness_daily_benefit(high, date(2025, 3, 31)) == D("53.31")
    assert sickness_daily_benefit(high, date(2025, 4, 1)) == D("41.47")
    assert work_accident_daily_benefits((D("20000"),), date(2025, 6, 1)) == (
        D("235.69"),
        D("310.32"),
    )


@pytest.mark.parametrize(
    ("years", "days"), [(0, 0), (1, 30), (5, 30), (6, 40), (11, 50), (26, 80), (31, 90), (40, 90)]
)
def test_maintenance_bands_by_seniority(years: int, days: int) -> None:
    """D1226-2: 30 days from one year, 10 more per whole 5 years beyond it, at most 90."""
    assert maintenance_band_days(LEGAL_MAINTENANCE.at(MARCH), years) == days


def test_previous_stops_use_up_the_first_band_then_two_thirds() -> None:
    """One year of seniority (30 + 30 days), 25 days already maintained in the last 12 months
    (D1226-4), a stop of the whole of March begun 1 March: days 8 to 12 at 90 % (ranks 26 to
    30), days 13 to 31 at two thirds (ranks 31 to 49). Pay of the days 1 000: r(1 000 × (5 ×
    0,9 + 19 × 2/3) / 31) = r(1 000 × 17,1667 / 31) = r(553,763) = 553,76."""
    leave = SickLeave(
        date(2026, 3, 1),
        date(2026, 3, 31),
        1,
        (D("1000"),) * 3,
        previous_maintained_days=25,
    )
    pay = compute_sick_leave(leave, MARCH, D("1000"))
    assert pay.maintained_days == (5, 19)
    assert pay.maintained_gross_amount == D("553.76")


def test_stop_begun_the_month_before_counts_its_days_from_its_start() -> None:
    """Illness from 20 February 2026 to 10 March 2026, one year of seniority: in March, days 10
    to 19 of the stop: no waiting day left, 10 days maintained at 90 %, 10 IJ."""
    leave = SickLeave(date(2026, 2, 20), date(2026, 3, 10), 1, (D("2000"),) * 3)
    pay = compute_sick_leave(leave, MARCH, D("700"))
    assert (pay.days, pay.benefit_waiting_days, pay.employer_waiting_days) == (10, 0, 0)
    assert pay.benefit_days == (10, 0)
    assert pay.maintained_days == (10, 0)
    assert pay.maintained_gross_amount == D("630.00")


def test_work_accident_benefit_rises_to_80_percent_from_day_29() -> None:
    """Work accident from 10 February 2026 to 15 March 2026, 2 years of seniority, 2 500 € in
    January: 1 March is day 20 of the stop. IJ (R433-1): daily wage 2 500 / 30,42 = 82,1828,
    60 % = 49,31 for days 20 to 28 (9 days); from day 29, 80 % = 65,75 is limited to the net
    daily wage, 79 % = r(64,9244) = 64,92, for days 29 to 34 (6 days): 443,79 + 389,52 =
    833,31. Employer (no waiting day, band of 30 days): days 20 to 30 at 90 % (11), days 31 to
    34 at two thirds (4); pay of the days 1 500: r(1 500 × (11 × 0,9 + 4 × 2/3) / 15) =
    r(1 256,667) = 1 256,67, less 833,31 = 423,36."""
    leave = SickLeave(date(2026, 2, 10), date(2026, 3, 15), 2, (D("2500"),), occupational=True)
    pay = compute_sick_leave(leave, MARCH, D("1500"))
    assert pay.daily_benefits == (D("49.31"), D("64.92"))
    assert pay.benefit_days == (9, 6)
    assert pay.benefit_amount == D("833.31")
    assert pay.maintained_days == (11, 4)
    assert pay.maintained_gross_amount == D("1256.67")
    assert pay.complement_amount == D("423.36")


def test_collective_agreement_rates_override_the_legal_ones() -> None:
    """100 % then 75 % instead of 90 % and two thirds: the first case's 3 days give
    r(738,45 × 3 × 1 / 10) = 221,54, less 98,64 = 122,90."""
    leave = SickLeave(
        date(2026, 3, 9),
        date(2026, 3, 18),
        1,
        (D("2000"),) * 3,
        absence_hours=D("56"),
        maintenance_rates=(D("1"), D("0.75")),
    )
    assert compute_sick_leave(leave, MARCH, D("738.45")).complement_amount == D("122.90")


def test_maintenance_below_the_ijss_gives_no_complement() -> None:
    """A low pay of the days (100 for 10 days) against 32,88 € of IJSS a day: 90 % of 30 = 27
    is below the 98,64 of IJSS, so the employer owes nothing (never a negative line)."""
    leave = SickLeave(date(2026, 3, 9), date(2026, 3, 18), 1, (D("2000"),) * 3)
    assert compute_sick_leave(leave, MARCH, D("100")).complement_amount == D("0")


@pytest.mark.parametrize(
    ("leave", "field"),
    [
        (SickLeave(date(2026, 3, 9), date(2026, 3, 8), 1, (D("2000"),)), "sick_leaves"),
        (SickLeave(date(2026, 4, 1), date(2026, 4, 8), 1, (D("2000"),)), "sick_leaves"),
        (SickLeave(date(2026, 3, 9), date(2026, 3, 12), 1, ()), "reference_gross_amounts"),
        (SickLeave(date(2026, 3, 9), date(2026, 3, 12), -1, (D("2000"),)), "seniority_years"),
        (
            SickLeave(date(2026, 3, 9), date(2026, 3, 12), 0, (D("2000"),), subrogation=True),
            "subrogation",
        ),
        (
            SickLeave(date(2026, 3, 9), date(2026, 3, 12), 1, (D("2000"),), absence_days=D("2")),
            "absence_days",
        ),
        (
            SickLeave(date(2026, 3, 9), date(2026, 3, 31), 1, (D("2000"),), absence_hours=D("160")),
            "absence_hours",
        ),
    ],
)
def test_impossible_stops_are_refused_in_french(leave: SickLeave, field: str) -> None:
    with pytest.raises(PayslipInputError) as error:
        compute_payslip(_input("2000", leave))
    assert error.value.field == field


def test_overlapping_stops_are_refused() -> None:
    first = SickLeave(date(2026, 3, 2), date(2026, 3, 10), 1, (D("2000"),))
    second = SickLeave(date(2026, 3, 10), date(2026, 3, 12), 1, (D("2000"),))
    with pytest.raises(PayslipInputError, match="chevauchent"):
        compute_payslip(_input("2000", first, second))


def test_the_batch_path_leaves_stops_to_the_one_by_one_path() -> None:
    leave = SickLeave(date(2026, 3, 9), date(2026, 3, 12), 1, (D("2000"),))
    with pytest.raises(ValueError, match="bulletin par bulletin"):
        Population.from_inputs([_input("2000", leave)])


def test_the_case_format_reads_stops_and_writes_the_lines_after_net() -> None:
    """The second case as a JSON case of the simulator (`simulate`)."""
    case = {
        "id": "arret-subrogation",
        "month": "2026-03",
        "gross_monthly": D("3000"),
        "hours_per_month": D("151.67"),
        "cadre": False,
        "headcount": 10,
        "at_rate": D("0.01"),
        "sick_leaves": [
            {
                "start_date": "2026-03-02",
                "end_date": "2026-03-21",
                "seniority_years": 6,
                "reference_gross": [D("3000"), D("3000"), D("3000")],
                "absence_hours": D("105"),
                "subrogation": True,
            }
        ],
    }
    given = case_to_input(case)
    assert given.variables.sick_leaves[0].reference_gross_amounts == (D("3000"),) * 3
    record = result_record(compute_payslip(given))
    assert record["gross"] == 1592.74
    assert [line["amount"] for line in record["after_net"]] == [713.15, -27.1, -17.12, -3.57]


@pytest.mark.parametrize(
    ("leave", "reason"),
    [
        ({"start_date": "2026-03-02", "end_date": "2026-03-03"}, "obligatoire"),
        ({"start_date": "2026-03-02", "unknown": 1}, "inconnu"),
        (
            {
                "start_date": "2026-03-02",
                "end_date": "2026-03-03",
                "seniority_years": 1,
                "reference_gross": [D("1")],
                "maintenance_rates": [D("1")],
            },
            "deux taux",
        ),
    ],
)
def test_the_case_format_names_the_wrong_stop_field(leave: dict[str, object], reason: str) -> None:
    case = {
        "id": "x",
        "month": "2026-03",
        "gross_monthly": 1,
        "hours_per_month": D("151.67"),
        "cadre": False,
        "headcount": 1,
        "at_rate": 0,
    }
    with pytest.raises(CaseError, match=reason):
        case_to_input({**case, "sick_leaves": [leave]})


@settings(max_examples=150, deadline=None)
@given(
    start_offset=st.integers(min_value=-120, max_value=30),
    length=st.integers(min_value=1, max_value=200),
    seniority=st.integers(min_value=0, max_value=40),
    previous=st.integers(min_value=0, max_value=200),
    occupational=st.booleans(),
    reference=st.integers(min_value=0, max_value=2_000_000).map(lambda cents: D(cents) / 100),
    pay=st.integers(min_value=0, max_value=500_000).map(lambda cents: D(cents) / 100),
)
def test_the_days_and_amounts_of_any_stop_add_up(
    start_offset: int,
    length: int,
    seniority: int,
    previous: int,
    occupational: bool,
    reference: D,
    pay: D,
) -> None:
    """Every day of the stop in the month is either waiting or paid an IJ; the maintained days
    are at most the month's days and the bands' total; the complement is never negative nor
    above the maintained share of the pay, itself at most the pay of the days."""
    start = MARCH + timedelta(days=start_offset)
    end = start + timedelta(days=length - 1)
    if end < MARCH or start > date(2026, 3, 31):
        return
    leave = SickLeave(
        start, end, seniority, (reference,) * 3, occupational=occupational,
        previous_maintained_days=previous,
    )  # fmt: skip
    result = compute_sick_leave(leave, MARCH, pay)
    assert result.benefit_waiting_days + sum(result.benefit_days) == result.days
    assert sum(result.maintained_days) <= result.days
    band = maintenance_band_days(LEGAL_MAINTENANCE.at(start), seniority)
    assert sum(result.maintained_days) <= 2 * band
    assert result.employer_waiting_days <= 7
    assert D(0) <= result.complement_amount <= result.maintained_gross_amount <= pay
    assert result.benefit_maintained_amount <= result.benefit_amount
