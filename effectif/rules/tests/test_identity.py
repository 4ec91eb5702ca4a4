"""Identifier checks. Valid examples are public specimens (INSEE, URSSAF, banks' IBAN examples)."""

from __future__ import annotations

from datetime import date

import pytest

from effectif.rules.identity.checks import (
    InvalidIdentifier,
    check_bic,
    check_iban,
    check_idcc,
    check_naf,
    check_nir,
    check_siren,
    check_siret,
    check_temporary_number,
    department_of_postal_code,
    is_alsace_moselle,
    nir_consistency_errors,
    nir_key,
)


def test_valid_nir_is_normalised() -> None:
    # Specimen used on ameli.fr and in INSEE's documentation.
    assert check_nir("2 55 08 14 168 025 38") == "255081416802538"


def test_nir_key_is_97_minus_the_number_modulo_97() -> None:
    body = "2550814168025"
    assert nir_key(body) == 97 - int(body) % 97 == 38


def test_corsica_nir_uses_19_for_2a_and_18_for_2b() -> None:
    body_2a = "185052A123456"
    assert nir_key(body_2a) == 97 - int("1850519123456") % 97
    body_2b = "185052B123456"
    assert nir_key(body_2b) == 97 - int("1850518123456") % 97
    assert check_nir(body_2a + f"{nir_key(body_2a):02d}") == body_2a + f"{nir_key(body_2a):02d}"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("255081416802539", "La clé du NIR est incorrecte : 39 saisie, 38 attendue"),
        ("25508141680253", "15 caractères"),
        ("955081416802538", "n'a pas la bonne forme"),
        ("2550814168025AB", "n'a pas la bonne forme"),
    ],
)
def test_invalid_nir_says_what_is_wrong(value: str, message: str) -> None:
    with pytest.raises(InvalidIdentifier, match=message):
        check_nir(value)


def test_nir_must_agree_with_sex_and_birth_date() -> None:
    nir = "255081416802538"
    assert nir_consistency_errors(nir, sex="F", birth_date=date(1955, 8, 3)) == []
    errors = nir_consistency_errors(nir, sex="M", birth_date=date(1956, 8, 3))
    assert any("sexe" in e for e in errors)
    assert any("année" in e for e in errors)
    errors = nir_consistency_errors(nir, sex="F", birth_date=date(1955, 9, 3))
    assert errors == ["Le mois de naissance du NIR (08) ne correspond pas à la date de naissance."]


def test_an_invalid_nir_is_left_to_its_own_check() -> None:
    # Fifteen characters, but not a NIR: `check_nir` says why; no disagreement is computed.
    for nir in ("Classe ou tarif", "2550814168025AB", "95508141680253"):
        assert nir_consistency_errors(nir, sex="F", birth_date=date(1955, 8, 3)) == []


def test_temporary_number() -> None:
    assert check_temporary_number("2 732829320 00042") == "273282932000042"
    with pytest.raises(InvalidIdentifier, match="11 à 40"):
        check_temporary_number("ABC")


def test_siren_and_siret_use_luhn() -> None:
    assert check_siren("732 829 320") == "732829320"
    assert check_siret("732 829 320 00074") == "73282932000074"
    with pytest.raises(InvalidIdentifier, match="Luhn"):
        check_siret("73282932000075")
    with pytest.raises(InvalidIdentifier, match="14 chiffres"):
        check_siret("7328293200007")
    with pytest.raises(InvalidIdentifier, match="Luhn"):
        check_siren("732829321")


def test_la_poste_siret_uses_the_sum_of_digits() -> None:
    # La Poste's establishments (SIREN 356 000 000) are checked modulo 5 by INSEE.
    assert check_siret("35600000000010") == "35600000000010"
    with pytest.raises(InvalidIdentifier):
        check_siret("35600000000011")


def test_iban() -> None:
    assert check_iban("fr76 3000 6000 0112 3456 7890 189") == "FR7630006000011234567890189"
    with pytest.raises(InvalidIdentifier, match="clé de contrôle"):
        check_iban("FR7630006000011234567890188")
    with pytest.raises(InvalidIdentifier, match="27 caractères ; 26 saisis"):
        check_iban("FR763000600001123456789018")
    with pytest.raises(InvalidIdentifier, match="zone SEPA"):
        check_iban("US12345678901234567890")


def test_bic_naf_idcc() -> None:
    assert check_bic("bnpafrpp") == "BNPAFRPP"
    assert check_naf("6201z") == "62.01Z"
    assert check_naf("88.10A") == "88.10A"
    assert check_idcc("1486") == "1486"
    assert check_idcc("16") == "0016"
    with pytest.raises(InvalidIdentifier):
        check_naf("620")


@pytest.mark.parametrize(
    ("postal_code", "department", "local_law"),
    [
        ("57000", "57", True),
        ("67000", "67", True),
        ("68100", "68", True),
        ("75011", "75", False),
        ("20000", "2A", False),
        ("20200", "2B", False),
        ("97400", "974", False),
    ],
)
def test_department_and_alsace_moselle(postal_code: str, department: str, local_law: bool) -> None:
    assert department_of_postal_code(postal_code) == department
    assert is_alsace_moselle(department) is local_law
