"""Reading cells as French offices fill them in."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from effectif.core.cells import (
    CellError,
    normalise,
    read_boolean,
    read_code,
    read_date,
    read_decimal,
    read_integer,
)
from effectif.imports.choices import CATEGORY, KIND, REASON, SEX, WORKING_TIME
from effectif.imports.columns import normalise_header


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("31/01/2025", dt.date(2025, 1, 31)),
        ("1/2/2025", dt.date(2025, 2, 1)),
        (" 05-03-2025 ", dt.date(2025, 3, 5)),
        ("05.03.2025", dt.date(2025, 3, 5)),
        ("2025-03-05", dt.date(2025, 3, 5)),
        ("2025-03-05T00:00:00", dt.date(2025, 3, 5)),
        ("05/03/2025 00:00", dt.date(2025, 3, 5)),
        ("29/02/2024", dt.date(2024, 2, 29)),
        # a spreadsheet's date and time, without a time zone
        (dt.datetime.combine(dt.date(2025, 3, 5), dt.time()), dt.date(2025, 3, 5)),
        (dt.date(2025, 3, 5), dt.date(2025, 3, 5)),
        (45721, dt.date(2025, 3, 5)),  # Excel's serial number of 05/03/2025
    ],
)
def test_dates_are_read_in_french_and_iso_forms(cell, expected) -> None:
    assert read_date(cell) == expected


@pytest.mark.parametrize(
    ("cell", "fragment"),
    [
        ("31/02/2025", "le mois 02/2025 n'a que 28 jours"),
        ("29/02/2025", "le mois 02/2025 n'a que 28 jours"),
        ("31/04/2025", "n'a que 30 jours"),
        ("12/13/2025", "le mois 13 n'existe pas"),
        ("2025-02-30", "n'a que 28 jours"),
        ("05/03/25", "l'année doit comporter 4 chiffres"),
        ("demain", "le format attendu est JJ/MM/AAAA"),
        ("03/2025", "le format attendu est JJ/MM/AAAA"),
        ("01/01/1850", "n'est pas plausible"),
    ],
)
def test_impossible_or_malformed_dates_are_refused_in_french(cell, fragment) -> None:
    with pytest.raises(CellError) as error:
        read_date(cell)
    assert fragment in str(error.value)
    assert f"« {cell}" in str(error.value) or "format" in str(error.value)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2 150,50", Decimal("2150.50")),
        ("2\u00a0150,50", Decimal("2150.50")),
        ("2\u202f150,50 €", Decimal("2150.50")),
        ("2150.50", Decimal("2150.50")),
        ("1.234,56", Decimal("1234.56")),
        ("1,234.56", Decimal("1234.56")),
        ("151,67 h", Decimal("151.67")),
        ("0", Decimal("0")),
        (2150, Decimal("2150")),
        (2150.1, Decimal("2150.1")),
        (0.1 + 0.2, Decimal("0.3")),
        (151.67, Decimal("151.67")),
    ],
)
def test_decimals_accept_comma_point_and_thousands_spaces(cell, expected) -> None:
    assert read_decimal(cell) == expected


@pytest.mark.parametrize("cell", ["deux mille", "12,5,3", "1h30", "--3"])
def test_non_numbers_are_refused(cell) -> None:
    with pytest.raises(CellError, match="n'est pas un nombre"):
        read_decimal(cell)


def test_integers_refuse_fractions() -> None:
    assert read_integer("218") == 218
    assert read_integer(218.0) == 218
    with pytest.raises(CellError, match="nombre entier"):
        read_integer("2,5")


@pytest.mark.parametrize(
    ("cell", "expected"), [("oui", True), ("Non", False), ("X", True), ("0", False), (True, True)]
)
def test_booleans(cell, expected) -> None:
    assert read_boolean(cell) is expected


def test_boolean_refusal_says_what_to_type() -> None:
    with pytest.raises(CellError, match="répondez oui ou non"):
        read_boolean("peut-être")


def test_codes_typed_as_numbers_get_their_zeros_back() -> None:
    assert read_code(1000, digits=5) == "01000"
    assert read_code(1000.0, digits=5) == "01000"
    assert read_code("01000", digits=5) == "01000"
    assert read_code(123) == "123"
    with pytest.raises(CellError):
        read_code(12.5)


@pytest.mark.parametrize(
    ("reader", "cell", "code"),
    [
        (SEX, "f", "F"),
        (SEX, "Homme", "M"),
        (SEX, "H", "M"),
        (SEX, "Mme", "F"),
        (KIND, "cdi", "cdi"),
        (KIND, "Intérim", "interim"),
        (KIND, "Contrat d'apprentissage", "apprentissage"),
        (KIND, "CONVENTION DE STAGE", "stage"),
        (REASON, "Accroissement temporaire d'activité", "accroissement"),
        (REASON, "remplacement", "remplacement"),
        (REASON, "saisonnier", "saisonnier"),
        (CATEGORY, "Employé", "employe"),
        (CATEGORY, "EMPLOYE", "employe"),
        (CATEGORY, "agent de maitrise", "tam"),
        (CATEGORY, "Technicien / agent de maîtrise", "tam"),
        (WORKING_TIME, "Temps partiel", "temps_partiel"),
        (WORKING_TIME, "forfait jours", "forfait_jours"),
        (WORKING_TIME, "temps_plein", "temps_plein"),
    ],
)
def test_choices_match_codes_labels_and_synonyms_without_case_or_accents(
    reader, cell, code
) -> None:
    assert reader(cell) == code


def test_unknown_choice_lists_the_accepted_values() -> None:
    with pytest.raises(CellError) as error:
        KIND("CDII")
    message = str(error.value)
    assert "« CDII » n'est pas une valeur acceptée" in message
    assert "CDI, CDD, intérim" in message


def test_headers_match_without_case_accents_or_marks() -> None:
    assert normalise("Prénoms") == "prenoms"
    assert normalise_header("PRENOM(S) *") == "prenoms"
    assert normalise_header("Date de début (obligatoire)") == "date de debut"
    assert normalise_header("  N° de sécurité sociale ") == "n de securite sociale"
