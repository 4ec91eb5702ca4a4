"""Reference cases beyond those of `reference_cases/`, for 2026. Each expected figure is computed
by hand in the docstring or comment next to it (r() = rounding to the cent, half up), from the
rules cited. Rates: the 2026 parameters of `effectif/rules/parameters/` (each citing its CSS
article, decree or official scale); SMIC 12,02 € (1 823,03 €/month, décret n° 2025-1228 du
17/12/2025), PSS 4 005 € (arrêté du 22/12/2025)."""

from __future__ import annotations

from datetime import date

from effectif.rules.payroll.inputs import (
    AbsenceMethod,
    ContractKind,
    Employee,
    Employer,
    MonthVariables,
)
from effectif.rules.payroll.results import Payslip
from effectif.rules.payroll.tests.builders import D, gross_line, line, payslip

JANUARY = date(2026, 1, 1)


def test_overtime_premiums_reductions_and_exempt_csg() -> None:
    """Full time, 2 000 €, 10 h at +25 % and 2 h at +50 % (C. trav. L3121-36), 20 employees.

    Overtime: r(2000 × 10 × 1.25 / 151.67) = 164.83 and r(2000 × 2 × 1.5 / 151.67) = 39.56,
    gross 2 204.39. Old-age and pension employee lines: 152.10 + 8.82 + 69.44 + 18.96 = 249.32,
    effective rate 249.32 / 2204.39 = 11.3102 % > 11.31 %, so the reduction (CSS D241-21) is
    min(r(204.39 × 11.31 %), r(204.39 × 249.32 / 2204.39)) = 23.12. Exempt overtime 204.39: CSG
    base r(0.9825 × 2204.39) = 2165.81, of which r(0.9825 × 204.39) = 200.81 on overtime (CSG
    9.2 % = 18.47, CRDS 1.00) and 1 965.00 on the rest (6.8 % = 133.62, 2.4 % = 47.16,
    0.5 % = 9.83). Employer deduction 12 h × 0.50 € = 6.00 (CSS L241-18, ≥ 20 employees).
    Net taxable: 2204.39 − 204.39 − (249.32 + 133.62 − 23.12) = 1 640.18.
    RGDU: SMIC 1823.03 + r(12 × 12.02) = 1 967.27; ratio (3 × 1967.27 − 2204.39) / (2 × 2204.39)
    = 0.838649; C = r4(0.02 + 0.3781 × ratio^1.75) = 0.2979; reduction r(2204.39 × 0.2979)
    = 656.69."""
    result = payslip(
        JANUARY,
        Employer(headcount=20, at_rate=D("0.01")),
        Employee(base_salary_amount=D("2000.00"), pas_rate=D("0")),
        MonthVariables(overtime_hours_25=D("10"), overtime_hours_50=D("2")),
    )
    assert gross_line(result, "heures_supplementaires_25") == D("164.83")
    assert gross_line(result, "heures_supplementaires_50") == D("39.56")
    assert result.gross_amount == D("2204.39")
    assert line(result, "reduction_heures_supplementaires").employee_amount == D("-23.12")
    assert line(result, "csg_heures_supplementaires").employee_base_amount == D("200.81")
    assert line(result, "csg_heures_supplementaires").employee_amount == D("18.47")
    assert line(result, "crds_heures_supplementaires").employee_amount == D("1.00")
    assert line(result, "csg_deductible").employee_base_amount == D("1965.00")
    assert line(result, "deduction_heures_supplementaires").employer_amount == D("-6.00")
    assert result.employee_contributions_amount == D("436.28")
    assert result.net_before_tax_amount == D("1768.11")
    assert result.net_taxable_amount == D("1640.18")
    assert result.exempt_overtime_amount == D("204.39")
    assert result.general_reduction_coefficient == D("0.2979")
    assert result.general_reduction_amount == D("656.69")


def test_unpaid_absence_at_actual_hours_corrects_the_smic() -> None:
    """14 h of unpaid absence in a month of 154 workable hours (Cass. soc. 13/07/2010): deduction
    r(2500 × 14 / 154) = 227.27, gross 2 272.73. The RGDU's SMIC is corrected by the share of
    salary paid (CSS D241-7 I): r(1823.03 × 2272.73 / 2500) = 1 657.30; ratio
    (3 × 1657.30 − 2272.73) / (2 × 2272.73) gives C = 0.1719, reduction r(2272.73 × 0.1719) =
    390.68."""
    result = payslip(
        date(2026, 2, 1),
        Employer(headcount=12, at_rate=D("0.012"), absence_method=AbsenceMethod.ACTUAL_HOURS),
        Employee(base_salary_amount=D("2500.00"), pas_rate=D("0.05")),
        MonthVariables(absence_hours=D("14"), month_workable_hours=D("154")),
    )
    assert gross_line(result, "absence") == D("-227.27")
    assert result.gross_amount == D("2272.73")
    assert result.year_to_date.reduction_smic_amount == D("1657.30")
    assert result.general_reduction_coefficient == D("0.1719")
    assert result.general_reduction_amount == D("390.68")
    assert result.withholding.amount == D("93.19")  # r(1863.84 × 5 %)


def test_entry_during_the_month_prorates_pay_and_ceiling() -> None:
    """A cadre hired on 16 March (16 of 31 days): pay r(9300 × 16 / 31) = 4 800.00; ceiling
    r(4005 × 16 / 30) = 2 136.00 (CSS R242-2), so tranche 2 = 4800 − 2136 = 2 664.00. Pension:
    vieillesse plafonnée r(2136 × 6.9 %) = 147.38; AGIRC-ARRCO T2 r(2664 × 8.64 %) = 230.17 and
    12.95 % = 344.99; cadres' prévoyance r(2136 × 1.5 %) = 32.04. No reduction: the SMIC
    r(1823.03 × 4800 / 9300) = 940.92 gives 3 SMIC = 2 822.76 < 4 800."""
    result = payslip(
        date(2026, 3, 1),
        Employer(headcount=60, at_rate=D("0.01")),
        Employee(
            base_salary_amount=D("9300.00"),
            cadre=True,
            entry_date=date(2026, 3, 16),
            pas_rate=D("0.1"),
        ),
    )
    assert gross_line(result, "entree_sortie") == D("-4500.00")
    assert line(result, "vieillesse_plafonnee").employee_base_amount == D("2136.00")
    assert line(result, "vieillesse_plafonnee").employee_amount == D("147.38")
    assert line(result, "retraite_complementaire_t2").employee_base_amount == D("2664.00")
    assert line(result, "retraite_complementaire_t2").employee_amount == D("230.17")
    assert line(result, "retraite_complementaire_t2").employer_amount == D("344.99")
    assert line(result, "prevoyance_cadre").employer_amount == D("32.04")
    assert result.year_to_date.reduction_smic_amount == D("940.92")
    assert result.general_reduction_amount == D("0.00")


def test_paid_leave_takes_the_tenth_when_higher() -> None:
    """5 days of leave out of 22 working days; 25 days acquired on 30 000 € of reference pay
    (C. trav. L3141-24): maintenance r(2400 × 5 / 22) = 545.45, tenth r(30000 × 5 / 250) =
    600.00, paid the higher: gross 2400 − 545.45 + 600.00 = 2 454.55."""
    result = payslip(
        date(2026, 4, 1),
        Employer(headcount=30, at_rate=D("0.015")),
        Employee(base_salary_amount=D("2400.00"), pas_rate=D("0.03")),
        MonthVariables(
            paid_leave_days=D("5"),
            month_working_days=D("22"),
            paid_leave_acquired_days=D("25"),
            paid_leave_reference_gross_amount=D("30000.00"),
        ),
    )
    assert gross_line(result, "absence_conges_payes") == D("-545.45")
    assert gross_line(result, "indemnite_conges_payes") == D("600.00")
    assert result.gross_amount == D("2454.55")


def test_apprentice_below_half_the_smic_pays_nothing() -> None:
    """Apprentice (contract of 1 September 2025, 18-20 years, first year: 43 % of the SMIC =
    r(0.43 × 1823.03) = 783.90) at an employer of 8: pay under 50 % of the SMIC (911.52) bears no
    employee contribution nor CSG/CRDS (C. trav. L6243-2, CSS L136-1-1, LFSS 2025 art. 22), no
    taxe d'apprentissage nor CFP (< 11 employees), is not taxable (CGI 81 bis), and gets the
    maximum coefficient: r(783.90 × 0.3981) = 312.07."""
    result = payslip(
        JANUARY,
        Employer(headcount=8, at_rate=D("0.02")),
        Employee(
            base_salary_amount=D("783.90"),
            contract=ContractKind.APPRENTICESHIP,
            entry_date=date(2025, 9, 1),
        ),
    )
    assert result.employee_contributions_amount == D("0")
    assert result.net_before_tax_amount == D("783.90")
    assert result.net_taxable_amount == D("0.00")
    assert result.line("taxe_apprentissage") is None
    assert result.line("formation_professionnelle") is None
    assert result.line("csg_deductible") is None
    assert result.general_reduction_amount == D("312.07")


def test_apprentice_above_half_the_smic_pays_on_the_excess() -> None:
    """Same apprentice rules, pay 1 400 €: employee contributions on 1400 − 911.52 = 488.48
    (vieillesse r(488.48 × 6.9 %) = 33.71), CSG on r(0.9825 × 488.48) = 479.93."""
    result = payslip(
        JANUARY,
        Employer(headcount=30, at_rate=D("0.02")),
        Employee(
            base_salary_amount=D("1400.00"),
            contract=ContractKind.APPRENTICESHIP,
            entry_date=date(2025, 9, 1),
        ),
    )
    assert line(result, "vieillesse_plafonnee").employee_base_amount == D("488.48")
    assert line(result, "vieillesse_plafonnee").employee_amount == D("33.71")
    assert line(result, "vieillesse_plafonnee").employer_base_amount == D("1400.00")
    assert line(result, "csg_deductible").employee_base_amount == D("479.93")


def test_apprentice_contract_before_march_2025_keeps_the_79_percent_rule() -> None:
    """Contract of 2 September 2024: exempt up to 79 % of the SMIC = r(0.79 × 1823.03) = 1440.19
    and wholly exempt of CSG/CRDS; pay 1 500 € → employee base 59.81."""
    result = payslip(
        JANUARY,
        Employer(headcount=30, at_rate=D("0.02")),
        Employee(
            base_salary_amount=D("1500.00"),
            contract=ContractKind.APPRENTICESHIP,
            entry_date=date(2024, 9, 2),
        ),
    )
    assert line(result, "vieillesse_plafonnee").employee_base_amount == D("59.81")
    assert result.line("csg_deductible") is None
    assert result.employee_contributions_amount == D("6.76")  # 4.13 + 0.24 + 1.88 + 0.51


def test_neutral_grid_with_short_contract_abatement() -> None:
    """CDD of 2 February to 31 March 2026 (initial term ≤ 2 months, CGI 204 H III 2°), no
    personalised rate. Net taxable 2200 − 248.82 − r(2161.50 × 6.8 %) = 1 804.20; the abatement
    of 748 € leaves 1 056.20, under the first threshold (1 620 €) of the grid in force until
    30 April 2026: 0 %. Ending on 2 April instead (two months and a day), no abatement: 2.1 %
    (1 791 ≤ 1 804.20 < 1 911), r(1804.20 × 2.1 %) = 37.89."""

    def result(end: date) -> Payslip:
        return payslip(
            date(2026, 3, 1),
            Employer(headcount=11, at_rate=D("0.01")),
            Employee(
                base_salary_amount=D("2200.00"),
                contract=ContractKind.FIXED_TERM,
                entry_date=date(2026, 2, 2),
                initial_term_end_date=end,
            ),
        )

    short = result(date(2026, 3, 31))
    assert short.net_taxable_amount == D("1804.20")
    assert short.withholding.abatement_amount == D("748")
    assert short.withholding.rate == D("0")
    assert short.line("cpf_cdd") is not None
    longer = result(date(2026, 4, 2))
    assert longer.withholding.abatement_amount == D("0")
    assert longer.withholding.rate == D("0.021")
    assert longer.withholding.amount == D("37.89")


def test_neutral_grid_changes_on_1_may_2026() -> None:
    """Net taxable 1988 − 224.84 − 132.82 = 1 630.34: 0.5 % in April (2025 grid, 1 620 ≤ x <
    1 683), 0 % from May (LF 2026 grid, first threshold 1 635)."""
    april, may = (
        payslip(
            date(2026, month, 1),
            Employer(headcount=11, at_rate=D("0.01")),
            Employee(base_salary_amount=D("1988.00")),
        )
        for month in (4, 5)
    )
    assert april.net_taxable_amount == may.net_taxable_amount == D("1630.34")
    assert (april.withholding.rate, april.withholding.amount) == (D("0.005"), D("8.15"))
    assert (may.withholding.rate, may.withholding.amount) == (D("0"), D("0.00"))


def test_part_time_with_complementary_hours() -> None:
    """100 h a month for 1 300 €, 8 complementary hours at +10 % and 4 at +25 % (L3123-29):
    r(1300 × 8 × 1.10 / 100) = 114.40 and r(1300 × 4 × 1.25 / 100) = 65.00, gross 1 479.40.
    Ceiling r(4005 × 112 / 151.67) = 2 957.47 (R242-7). Reduction of employee contributions
    min(r(179.40 × 11.31 %), r(179.40 × 167.32 / 1479.40)) = 20.29; no employer deduction on
    complementary hours. RGDU SMIC r(100 × 12.02) + r(12 × 12.02) = 1 346.24, C = 0.3133."""
    result = payslip(
        JANUARY,
        Employer(headcount=25, at_rate=D("0.01")),
        Employee(base_salary_amount=D("1300.00"), monthly_hours=D("100"), pas_rate=D("0")),
        MonthVariables(complementary_hours_10=D("8"), complementary_hours_25=D("4")),
    )
    assert result.gross_amount == D("1479.40")
    assert line(result, "reduction_heures_supplementaires").employee_amount == D("-20.29")
    assert result.line("deduction_heures_supplementaires") is None
    assert result.year_to_date.reduction_smic_amount == D("1346.24")
    assert result.general_reduction_coefficient == D("0.3133")


def test_benefits_meal_vouchers_and_transport() -> None:
    """10 meals at 5.50 € (arrêté du 10/12/2002) = 55.00 and a vehicle benefit of 150.00 are
    pay in kind: gross 2 705.00, deducted again from the net. 20 vouchers of 10 € at 60 %:
    employer share 120.00 ≤ 20 × 7.32 = 146.40, exempt; employee share 80.00 deducted. Season
    ticket 86.40 € at 50 %: 43.20 paid, exempt (≤ 75 %). Net before tax = 2705 − 563.73 − 205
    − 80 + 43.20 + 30 (expenses) = 1 929.47; employer cost 2705 + 773.53 + 120 + 43.20 + 30 =
    3 671.73; net social 2705 − 563.73 = 2 141.27."""
    result = payslip(
        JANUARY,
        Employer(headcount=25, at_rate=D("0.01")),
        Employee(base_salary_amount=D("2500.00"), transit_pass_amount=D("86.40"), pas_rate=D("0")),
        MonthVariables(
            meals_provided=10,
            vehicle_benefit_amount=D("150.00"),
            meal_vouchers=20,
            meal_voucher_face_amount=D("10.00"),
            meal_voucher_employer_share=D("0.6"),
            expense_allowance_amount=D("30.00"),
        ),
    )
    assert result.gross_amount == D("2705.00")
    assert result.employee_contributions_amount == D("563.73")
    assert result.net_before_tax_amount == D("1929.47")
    assert result.employer_cost_amount == D("3671.73")
    assert result.net_social_amount == D("2141.27")


def test_meal_voucher_share_outside_the_band_is_all_pay() -> None:
    """At 65 % (outside 50-60 %), the whole employer share 130.00 is pay (gross 2 630.00)."""
    result = payslip(
        JANUARY,
        Employer(headcount=25, at_rate=D("0.01")),
        Employee(base_salary_amount=D("2500.00"), pas_rate=D("0")),
        MonthVariables(
            meal_vouchers=20,
            meal_voucher_face_amount=D("10.00"),
            meal_voucher_employer_share=D("0.65"),
        ),
    )
    assert gross_line(result, "titres_restaurant_imposable") == D("130.00")
    assert result.gross_amount == D("2630.00")


def test_payroll_tax_and_apprenticeship_tax_of_an_association() -> None:
    """An association (taxe sur les salaires, CGI 231): monthly brackets r(9229 / 12) = 769.08
    and r(18423 / 12) = 1 535.25; on 3 000 €: r(3000 × 4.25 %) + r(766.17 × 4.25 %) +
    r(1464.75 × 9.35 %) = 127.50 + 32.56 + 136.95 = 297.01. Taxe d'apprentissage due from
    March 2026 only (LF 2026)."""
    february, march = (
        payslip(
            date(2026, month, 1),
            Employer(headcount=15, at_rate=D("0.01"), payroll_tax_liable=True, non_profit=True),
            Employee(base_salary_amount=D("3000.00"), pas_rate=D("0")),
        )
        for month in (2, 3)
    )
    assert line(february, "taxe_sur_les_salaires").employer_amount == D("297.01")
    assert february.line("taxe_apprentissage") is None
    assert line(march, "taxe_apprentissage").employer_amount == D("17.70")


def test_forfait_jours_cadre_uses_the_whole_ceiling() -> None:
    """Forfait of 218 days (L3121-64): full ceiling 4 005 €, tranche 2 = 4500 − 4005 = 495.00,
    CET on the whole pay; RGDU ratio (5469.09 − 4500) / 9000 gives C = 0.0277."""
    result = payslip(
        date(2026, 2, 1),
        Employer(headcount=120, at_rate=D("0.01")),
        Employee(base_salary_amount=D("4500.00"), cadre=True, forfait_days=218, pas_rate=D("0.1")),
    )
    assert line(result, "vieillesse_plafonnee").employee_base_amount == D("4005")
    assert line(result, "retraite_complementaire_t2").employee_base_amount == D("495.00")
    assert line(result, "cet").employee_base_amount == D("4500.00")
    assert result.general_reduction_coefficient == D("0.0277")


def test_work_study_contribution_in_alsace_moselle_is_52_percent_of_the_national_rates() -> None:
    """Contribution supplémentaire à l'apprentissage (C. trav. L6242-1): 300 employees with 1,5 %
    of alternants owe 0,2 % nationally, r(3000 × 0.2 %) = 6.00; in the Bas-Rhin, the Haut-Rhin
    and the Moselle 52 % of it (L6242-1 VI): 0,104 %, r(3000 × 0.104 %) = 3.12. 2 500 employees
    with under 1 %: 0,6 %, and in Alsace-Moselle 0,312 %, r(3000 × 0.312 %) = 9.36."""

    def work_study_line(headcount: int, share: str, alsace_moselle: bool) -> tuple[D, D]:
        result = payslip(
            JANUARY,
            Employer(
                headcount=headcount,
                at_rate=D("0.01"),
                work_study_share=D(share),
                alsace_moselle=alsace_moselle,
            ),
            Employee(base_salary_amount=D("3000.00"), pas_rate=D("0")),
        )
        found = line(result, "contribution_supplementaire_apprentissage")
        return found.employer_rate, found.employer_amount

    assert work_study_line(300, "0.015", False) == (D("0.002"), D("6.00"))
    assert work_study_line(300, "0.015", True) == (D("0.00104"), D("3.12"))
    assert work_study_line(2500, "0.005", False) == (D("0.006"), D("18.00"))
    assert work_study_line(2500, "0.005", True) == (D("0.00312"), D("9.36"))


def test_work_study_contribution_rises_to_0_6_percent_only_above_2000_employees() -> None:
    """C. trav. L6242-1 IV 1°: 0,4 % under 1 % of alternants, « porté à 0,6 % lorsque l'effectif
    salarié annuel excède deux mille salariés »: 2 000 employees pay r(3000 × 0.4 %) = 12.00,
    2 001 pay r(3000 × 0.6 %) = 18.00."""
    rates = []
    for headcount in (2000, 2001):
        result = payslip(
            JANUARY,
            Employer(headcount=headcount, at_rate=D("0.01"), work_study_share=D("0.005")),
            Employee(base_salary_amount=D("3000.00"), pas_rate=D("0")),
        )
        found = line(result, "contribution_supplementaire_apprentissage")
        rates.append((found.employer_rate, found.employer_amount))
    assert rates == [(D("0.004"), D("12.00")), (D("0.006"), D("18.00"))]
