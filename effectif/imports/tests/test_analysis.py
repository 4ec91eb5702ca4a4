"""The preview: every row checked with the application's own rules, errors in French naming the
row and the column, and nothing written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from effectif.contracts.models import Contract
from effectif.contracts.tests.factories import hire
from effectif.employees.models import Employee
from effectif.employees.tests.factories import EmployeeFactory
from effectif.imports.analysis import analyse
from effectif.imports.tests.files import HEADERS, csv_bytes, person_row, xlsx_bytes
from effectif.organisation.tests.factories import (
    DepartmentFactory,
    EmployerFactory,
    EstablishmentFactory,
)
from effectif.rules.identity.generate import make_nir, make_siret

pytestmark = pytest.mark.django_db


def check(employer, rows, headers=None, *, fmt="csv", **options):
    data = csv_bytes(rows, headers, **options) if fmt == "csv" else xlsx_bytes(rows, headers)
    return analyse(data, f"salaries.{fmt}", employer)


def listing(analysis):
    return [(e.row, e.column, e.message) for e in analysis.errors]


def assert_error(analysis, row, column, fragment):
    found = [e for e in analysis.errors if e.row == row and e.column == column]
    assert any(fragment in e.message for e in found), listing(analysis)


def test_a_valid_file_plans_files_and_contracts_as_the_services_would(employer, establishment):
    rows = [person_row(establishment.siret, n) for n in (1, 2, 3)]
    analysis = check(employer, rows)
    assert analysis.errors == []
    assert analysis.is_valid
    assert (analysis.data_rows, analysis.rows_ok, analysis.rows_in_error) == (3, 3, 0)
    assert (analysis.employees_to_create, analysis.contracts_to_create) == (3, 3)
    plan = analysis.plans[0]
    assert plan.employee.first_names == "Élise"
    assert plan.contract.number == "001"
    assert plan.contract.trial_end_date == dt.date(2025, 10, 31)  # 2 months for an employee
    assert plan.terms.effective_date == dt.date(2025, 9, 1)
    assert plan.terms.monthly_gross_amount == Decimal("2150.50")
    assert plan.terms.hourly_rate_amount == Decimal("14.1788")  # 2150.50 / 151.67
    assert plan.terms.reason == "Embauche"
    assert Employee.objects.count() == 0
    assert Contract.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "column", "fragment"),
    [
        ({"NIR": "290047505600112"}, "NIR", "La clé du NIR est incorrecte"),
        (
            {
                "NIR": make_nir(
                    sex="M", birth_date=dt.date(1990, 4, 2), department="75", commune=1, order=1
                )
            },
            "NIR",
            "ne correspond pas au sexe déclaré",
        ),
        ({"NIR": "29004"}, "NIR", "Le NIR doit comporter 15 caractères"),
        (
            {"SIRET établissement": "12345678901234"},
            "SIRET établissement",
            "clé de contrôle (Luhn)",
        ),
        ({"IBAN": "FR7630006000011234567890188"}, "IBAN", "clé de contrôle ne correspond pas"),
        (
            {"Nature du contrat": "CDD", "Date de fin": "31/12/2025"},
            "Motif de recours",
            "motif précis de recours",
        ),
        (
            {"Nature du contrat": "CDD", "Motif de recours": "accroissement"},
            "Date de fin",
            "doit indiquer sa date de fin",
        ),
        ({"Date de fin": "31/08/2025"}, "Date de fin", "ne peut pas précéder la date de début"),
        (
            {"Date de début": "31/02/2025"},
            "Date de début",
            "« 31/02/2025 » n'est pas une date qui existe",
        ),
        ({"Date de naissance": "1990-02-30"}, "Date de naissance", "n'est pas une date qui existe"),
        ({"Salaire brut mensuel": "deux mille"}, "Salaire brut mensuel", "n'est pas un nombre"),
        ({"Salaire brut mensuel": "-5"}, "Salaire brut mensuel", "supérieure ou égale à 0"),
        ({"Emploi": ""}, "Emploi", "Valeur obligatoire manquante"),
        ({"Nom": ""}, "Nom", "Valeur obligatoire pour créer le dossier d'un salarié"),
        ({"Sexe": "X"}, "Sexe", "n'est pas une valeur acceptée"),
        ({"Nature du contrat": "CDII"}, "Nature du contrat", "Valeurs possibles : CDI, CDD"),
        (
            {"Temps de travail": "temps partiel", "Heures mensuelles": ""},
            "Heures mensuelles",
            "durée mensuelle",
        ),
        (
            {"Temps de travail": "forfait jours"},
            "Temps de travail",
            "forfait jours est réservé aux cadres",
        ),
        (
            {
                "Nature du contrat": "CDD",
                "Motif de recours": "remplacement",
                "Date de fin": "31/12/2025",
            },
            "Personne remplacée",
            "nom et la qualification de la personne remplacée",
        ),
        (
            {"Nature du contrat": "CDI", "Motif de recours": "accroissement"},
            "Motif de recours",
            "Seuls les CDD",
        ),
        ({"Nom": "X" * 120}, "Nom", "au plus 100 caractères"),
    ],
)
def test_each_bad_value_is_refused_in_french_on_its_row_and_column(
    employer, establishment, overrides, column, fragment
):
    rows = [person_row(establishment.siret, 1), person_row(establishment.siret, 2, **overrides)]
    analysis = check(employer, rows)
    assert_error(analysis, 3, column, fragment)
    assert {e.row for e in analysis.errors} == {3}
    assert not analysis.is_valid
    assert (analysis.rows_ok, analysis.rows_in_error) == (1, 1)


def test_an_impossible_date_gives_one_error_not_a_cascade(employer, establishment):
    analysis = check(
        employer, [person_row(establishment.siret, 1, **{"Date de début": "31/02/2025"})]
    )
    assert listing(analysis) == [
        (
            2,
            "Date de début",
            "« 31/02/2025 » n'est pas une date qui existe : le mois 02/2025 n'a que 28 jours.",
        )
    ]
    assert analysis.errors[0].letter == "K"
    assert analysis.errors[0].value == "31/02/2025"


def test_siret_of_another_employer_is_refused(employer, establishment):
    other = EstablishmentFactory(employer=EmployerFactory())
    analysis = check(employer, [person_row(other.siret, 1)])
    assert_error(
        analysis,
        2,
        "SIRET établissement",
        "n'est pas celui d'un établissement de Boulangeries Dupain",
    )


def test_unknown_establishment_of_the_employer_is_refused(employer, establishment):
    siret = make_siret(employer.siren, 9876)
    analysis = check(employer, [person_row(siret, 1)])
    assert_error(analysis, 2, "SIRET établissement", f"Aucun établissement de SIRET {siret}")


def test_employer_siren_column_must_match(employer, establishment):
    headers = [*HEADERS, "SIREN employeur"]
    rows = [person_row(establishment.siret, 1, **{"SIREN employeur": EmployerFactory().siren})]
    analysis = check(employer, rows, headers)
    assert_error(analysis, 2, "SIREN employeur", "n'est pas celui de l'employeur choisi")


def test_duplicate_matricule_in_the_file_for_another_person(employer, establishment):
    rows = [
        person_row(establishment.siret, 1),
        person_row(establishment.siret, 2, Matricule="T0001"),
    ]
    analysis = check(employer, rows)
    assert_error(
        analysis, 3, "Matricule", "Le matricule T0001 figure déjà ligne 2 pour un autre salarié"
    )


def test_duplicate_matricule_in_the_database_for_another_person(employer, establishment):
    EmployeeFactory(employer=employer, matricule="T0001", last_name="Bernard", first_names="Paul")
    analysis = check(employer, [person_row(establishment.siret, 1)])
    assert_error(
        analysis,
        2,
        "Matricule",
        "Le matricule T0001 est déjà attribué à un autre salarié de cet employeur (BERNARD Paul)",
    )


def test_successive_contracts_of_one_new_employee(employer, establishment):
    rows = [
        person_row(
            establishment.siret,
            1,
            **{
                "Nature du contrat": "CDD",
                "Motif de recours": "Accroissement temporaire d'activité",
                "Date de début": "01/01/2025",
                "Date de fin": "30/06/2025",
            },
        ),
        {
            "Matricule": "T0001",
            "SIRET établissement": establishment.siret,
            "Nature du contrat": "CDI",
            "Date de début": "01/07/2025",
            "Emploi": "Comptable",
            "Catégorie": "cadre",
            "Temps de travail": "forfait jours",
            "Salaire brut mensuel": "3500",
        },
    ]
    headers = [*HEADERS, "Jours par an"]
    rows[1]["Jours par an"] = "218"
    analysis = check(employer, rows, headers)
    assert analysis.errors == [], listing(analysis)
    assert (analysis.employees_to_create, analysis.contracts_to_create) == (1, 2)
    assert [p.contract.number for p in analysis.plans] == ["001", "002"]
    assert analysis.plans[0].employee is analysis.plans[1].employee
    assert analysis.plans[1].terms.hourly_rate_amount is None  # a days package has no rate


def test_overlapping_contracts_within_the_file(employer, establishment):
    rows = [
        person_row(establishment.siret, 1, **{"Date de début": "01/01/2025"}),
        {
            "Matricule": "T0001",
            "SIRET établissement": establishment.siret,
            "Nature du contrat": "CDD",
            "Motif de recours": "saisonnier",
            "Date de début": "01/06/2025",
            "Date de fin": "31/08/2025",
            "Emploi": "Vendeuse",
            "Catégorie": "employé",
            "Temps de travail": "temps plein",
            "Salaire brut mensuel": "1900",
        },
    ]
    analysis = check(employer, rows)
    assert_error(
        analysis,
        3,
        "Date de début",
        "Ce contrat chevauche celui de la ligne 2 pour le même salarié (du 01/01/2025 sans date de fin)",
    )
    assert analysis.rows_ok == 1


def test_overlapping_contract_with_the_database(employer, establishment):
    row = person_row(establishment.siret, 1)
    employee = EmployeeFactory(
        employer=employer,
        matricule="T0001",
        last_name="Durand1",
        first_names="Élise",
        nir=row["NIR"],
    )
    existing = hire(employee, start=dt.date(2024, 1, 1), establishment=establishment)
    analysis = check(employer, [row])
    assert_error(
        analysis,
        2,
        "Date de début",
        f"Ce contrat chevauche le contrat n° {existing.number} déjà enregistré pour ce salarié (du 01/01/2024 sans date de fin)",
    )


def test_a_row_adds_a_contract_to_an_existing_file(employer, establishment):
    employee = EmployeeFactory(
        employer=employer, matricule="T0001", last_name="Durand1", first_names="Élise"
    )
    existing = hire(
        employee,
        start=dt.date(2024, 1, 1),
        end=dt.date(2024, 12, 31),
        kind="cdd",
        establishment=establishment,
    )
    identity_free = {
        "Matricule": "T0001",
        "Nom": "",
        "Prénoms": "",
        "Sexe": "",
        "Date de naissance": "",
        "NIR": "",
    }
    rows = [person_row(establishment.siret, 1, **identity_free), person_row(establishment.siret, 2)]
    analysis = check(employer, rows)
    assert analysis.errors == [], listing(analysis)
    assert (analysis.employees_to_create, analysis.contracts_to_create) == (1, 2)
    assert analysis.contracts_for_existing == 1
    plan = analysis.plans[0]
    assert plan.employee.pk == employee.pk
    assert not plan.creates_employee
    assert plan.contract.number not in {existing.number}
    assert any("seules les colonnes du contrat sont lues" in note for note in analysis.notes)


def test_contract_number_already_used(employer, establishment):
    employee = EmployeeFactory(employer=employer, matricule="T0001", last_name="Durand1")
    existing = hire(
        employee,
        start=dt.date(2020, 1, 1),
        end=dt.date(2020, 6, 30),
        kind="cdd",
        establishment=establishment,
    )
    headers = [*HEADERS, "Numéro de contrat"]
    analysis = check(
        employer,
        [person_row(establishment.siret, 1, **{"Numéro de contrat": existing.number})],
        headers,
    )
    assert_error(analysis, 2, "Numéro de contrat", "déjà utilisé pour ce salarié")


def test_departments_are_found_by_name_and_unknown_ones_refused(employer, establishment):
    department = DepartmentFactory(employer=employer, name="Comptabilité")
    DepartmentFactory(employer=EmployerFactory(), name="Logistique")  # another employer's
    headers = [*HEADERS, "Service"]
    rows = [
        person_row(establishment.siret, 1, Service="COMPTABILITE"),
        person_row(establishment.siret, 2, Service="Logistique"),
    ]
    analysis = check(employer, rows, headers)
    assert analysis.plans[0].employee.department == department
    assert_error(analysis, 3, "Service", "Aucun service « Logistique » chez Boulangeries Dupain")


def test_missing_required_column_is_reported_on_the_header_row(employer, establishment):
    headers = [h for h in HEADERS if h != "Emploi"]
    analysis = check(employer, [person_row(establishment.siret, 1)], headers)
    assert listing(analysis) == [
        (1, "Emploi", "Colonne obligatoire absente de la ligne d'en-tête.")
    ]
    assert analysis.rows_in_error == 0


def test_duplicate_and_unknown_headers(employer, establishment):
    headers = [*HEADERS, "Nom de naissance", "Couleur préférée"]
    analysis = check(employer, [person_row(establishment.siret, 1)], headers)
    assert_error(analysis, 1, "Nom", "Cette colonne figure deux fois (déjà en colonne C)")
    assert any("Couleur préférée" in note and "ignorée" in note for note in analysis.notes)


def test_a_file_with_a_header_only(employer, establishment):
    analysis = check(employer, [])
    assert listing(analysis) == [(0, "Fichier", "Le fichier ne contient aucune ligne.")]


def test_cp1252_semicolon_capital_headers_without_accents(employer, establishment):
    headers = [h.upper().replace("É", "E").replace("Â", "A") for h in HEADERS]
    rows = [{h.upper().replace("É", "E"): v for h, v in person_row(establishment.siret, 1).items()}]
    analysis = check(employer, rows, headers, encoding="cp1252")
    assert analysis.errors == [], listing(analysis)
    assert analysis.description == "CSV, encodage Windows-1252, séparateur point-virgule"
    assert analysis.plans[0].employee.first_names == "Élise"


@pytest.mark.parametrize(
    ("separator", "encoding", "described"),
    [
        (",", "utf-8", "UTF-8, séparateur virgule"),
        ("\t", "utf-16", "UTF-16, séparateur tabulation"),
    ],
)
def test_comma_and_tab_separated_files(employer, establishment, separator, encoding, described):
    row = person_row(
        establishment.siret,
        1,
        **{"Salaire brut mensuel": "2 150,50", "Date de début": "2025-09-01"},
    )
    analysis = check(employer, [row], separator=separator, encoding=encoding)
    assert analysis.errors == [], listing(analysis)
    assert described in analysis.description
    assert analysis.plans[0].terms.monthly_gross_amount == Decimal("2150.50")


def test_xlsx_with_typed_cells_and_a_title_row(employer, establishment):
    row = person_row(establishment.siret, 1)
    row.update(
        {
            "Matricule": 1001,
            "NIR": int(row["NIR"]),
            "SIRET établissement": int(establishment.siret),
            # a spreadsheet's dates are read as date and time, without a time zone
            "Date de naissance": dt.datetime.combine(dt.date(1990, 4, 2), dt.time()),
            "Date de début": dt.datetime.combine(dt.date(2025, 9, 1), dt.time()),
            "Salaire brut mensuel": 2150.5,
            "Heures mensuelles": 151.67,
        }
    )
    bad = person_row(establishment.siret, 2, **{"Date de début": "31/02/2025"})
    data = xlsx_bytes([row, bad], title_rows=1)
    analysis = analyse(data, "export.xlsx", employer)
    assert listing(analysis) == [
        (
            4,
            "Date de début",
            "« 31/02/2025 » n'est pas une date qui existe : le mois 02/2025 n'a que 28 jours.",
        )
    ]
    plan = analysis.plans[0]
    assert plan.row == 3
    assert plan.employee.matricule == "1001"
    assert plan.terms.monthly_gross_amount == Decimal("2150.5")
    assert "Classeur Excel" in analysis.description


def test_errors_are_sorted_by_row_then_column(employer, establishment):
    rows = [
        person_row(establishment.siret, 1, Emploi="", NIR="1"),
        person_row(establishment.siret, 2, IBAN="FR00"),
    ]
    analysis = check(employer, rows)
    assert [(e.row, e.column) for e in analysis.errors] == [(2, "NIR"), (2, "Emploi"), (3, "IBAN")]


def test_checking_does_not_query_per_row(employer, establishment):
    def queries(count):
        rows = [person_row(establishment.siret, n) for n in range(1, count + 1)]
        data = csv_bytes(rows)
        with CaptureQueriesContext(connection) as context:
            analysis = analyse(data, "f.csv", employer)
        assert analysis.errors == []
        return len(context.captured_queries)

    assert queries(3) == queries(120)


def test_a_known_person_is_recognised_by_name_and_birth_date_only(employer, establishment):
    """For a known file, the row's other columns (here a mistyped NIR) are not read."""
    employee = EmployeeFactory(
        employer=employer, matricule="T0001", last_name="Durand1", first_names="Élise Marie"
    )
    hire(
        employee,
        start=dt.date(2020, 1, 1),
        end=dt.date(2020, 12, 31),
        kind="cdd",
        establishment=establishment,
    )
    analysis = check(employer, [person_row(establishment.siret, 1, NIR="290047505600112")])
    assert analysis.errors == [], listing(analysis)
    assert analysis.plans[0].employee.pk == employee.pk
    assert analysis.contracts_for_existing == 1
