"""Checks of identifiers, each returning the normalised value or raising `InvalidIdentifier`.

The message of the error is in French and meant for the user: it says what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


class InvalidIdentifier(ValueError):
    """An identifier that fails its format or its check key."""


def _compact(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value or "").upper()


def luhn_valid(digits: str) -> bool:
    """The Luhn checksum used by SIREN and SIRET."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        digit = int(char)
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


# La Poste's establishments carry SIRETs checked by the sum of digits modulo 5 (INSEE rule).
_LA_POSTE_SIREN = "356000000"


def check_siren(value: str) -> str:
    siren = _compact(value)
    if not re.fullmatch(r"\d{9}", siren):
        raise InvalidIdentifier("Le SIREN doit comporter 9 chiffres.")
    if not luhn_valid(siren):
        raise InvalidIdentifier(
            "Le SIREN est invalide : sa clé de contrôle (Luhn) ne correspond pas."
        )
    return siren


def check_siret(value: str) -> str:
    siret = _compact(value)
    if not re.fullmatch(r"\d{14}", siret):
        raise InvalidIdentifier("Le SIRET doit comporter 14 chiffres.")
    if siret.startswith(_LA_POSTE_SIREN) and siret != _LA_POSTE_SIREN + "00001":
        valid = sum(int(c) for c in siret) % 5 == 0
    else:
        valid = luhn_valid(siret)
    if not valid:
        raise InvalidIdentifier(
            "Le SIRET est invalide : sa clé de contrôle (Luhn) ne correspond pas."
        )
    return siret


def check_naf(value: str) -> str:
    """An APE/NAF rev. 2 code, normalised as `62.01Z`."""
    code = re.sub(r"\s", "", value or "").upper().replace(".", "")
    if not re.fullmatch(r"\d{4}[A-Z]", code):
        raise InvalidIdentifier(
            "Le code NAF doit avoir la forme 62.01Z (4 chiffres et une lettre)."
        )
    return f"{code[:2]}.{code[2:]}"


def check_idcc(value: str) -> str:
    code = _compact(value)
    if not re.fullmatch(r"\d{1,4}", code):
        raise InvalidIdentifier("L'IDCC est un numéro de 4 chiffres au plus (p. ex. 1486).")
    return code.zfill(4)


# --- NIR -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NirFacts:
    """What a NIR says of its holder."""

    sex_digit: int
    birth_year_2: int
    birth_month: int
    department: str


def nir_key(body: str) -> int:
    """The key of a 13-character NIR body: 97 − (n mod 97), Corsica 2A → 19, 2B → 18."""
    number = body.replace("2A", "19", 1) if body[5:7] == "2A" else body
    number = number.replace("2B", "18", 1) if body[5:7] == "2B" else number
    return 97 - int(number) % 97


def check_nir(value: str) -> str:
    """A NIR (numéro de sécurité sociale, 13 characters and a 2-digit key), or a NIA (7 or 8)."""
    nir = _compact(value)
    if len(nir) != 15:
        raise InvalidIdentifier(
            "Le NIR doit comporter 15 caractères (13 et une clé de 2 chiffres) ; "
            f"{len(nir)} saisis."
        )
    body, key = nir[:13], nir[13:]
    if not re.fullmatch(r"[1-478]\d{4}(\d{2}|2A|2B)\d{6}", body) or not key.isdigit():
        raise InvalidIdentifier(
            "Le NIR n'a pas la bonne forme : un chiffre pour le sexe, l'année et le mois de "
            "naissance, le département (2A/2B pour la Corse), la commune, le rang et la clé."
        )
    if body[5:7] in {"2A", "2B"} and not body.startswith(("1", "2", "3", "4")):
        raise InvalidIdentifier("Le NIR n'a pas la bonne forme.")
    if nir_key(body) != int(key):
        raise InvalidIdentifier(
            f"La clé du NIR est incorrecte : {key} saisie, {nir_key(body):02d} attendue pour ces "
            "13 premiers caractères. Vérifiez le numéro."
        )
    return nir


def nir_facts(nir: str) -> NirFacts:
    return NirFacts(
        sex_digit=int(nir[0]),
        birth_year_2=int(nir[1:3]),
        birth_month=int(nir[3:5]),
        department=nir[5:7],
    )


def nir_consistency_errors(nir: str, *, sex: str | None, birth_date: date | None) -> list[str]:
    """Disagreements between a valid NIR and the civil status (sex 'M'/'F', birth date); none
    for an invalid NIR, which `check_nir` refuses with its own message."""
    try:
        check_nir(nir)
    except InvalidIdentifier:
        return []
    facts = nir_facts(nir)
    errors = []
    if sex in {"M", "F"} and facts.sex_digit in {1, 2}:
        expected = 1 if sex == "M" else 2
        if facts.sex_digit != expected:
            errors.append(
                "Le premier chiffre du NIR ne correspond pas au sexe déclaré "
                f"(1 pour un homme, 2 pour une femme ; {facts.sex_digit} saisi)."
            )
    if birth_date is not None and facts.sex_digit in {1, 2}:
        if facts.birth_year_2 != birth_date.year % 100:
            errors.append(
                "L'année de naissance du NIR "
                f"({facts.birth_year_2:02d}) ne correspond pas à la date de naissance."
            )
        elif 1 <= facts.birth_month <= 12 and facts.birth_month != birth_date.month:
            errors.append(
                f"Le mois de naissance du NIR ({facts.birth_month:02d}) ne correspond pas "
                "à la date de naissance."
            )
    return errors


def check_temporary_number(value: str) -> str:
    """A numéro technique temporaire (NTT) used until the NIR is known: 11 to 40 characters."""
    number = _compact(value)
    if not re.fullmatch(r"[A-Z0-9]{11,40}", number):
        raise InvalidIdentifier(
            "Le numéro provisoire (NTT) doit comporter 11 à 40 lettres ou chiffres."
        )
    return number


# --- IBAN / BIC ------------------------------------------------------------------------------

# Lengths of the SEPA countries' IBANs (ISO 13616 registry).
IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28,
    "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31,
    "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
    "VA": 22,
}  # fmt: skip


def iban_checksum_valid(iban: str) -> bool:
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


def check_iban(value: str) -> str:
    iban = _compact(value)
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", iban):
        raise InvalidIdentifier("L'IBAN doit commencer par le code pays et 2 chiffres (FR76…).")
    expected = IBAN_LENGTHS.get(iban[:2])
    if expected is None:
        raise InvalidIdentifier(f"Le pays {iban[:2]} de cet IBAN n'est pas dans la zone SEPA.")
    if len(iban) != expected:
        raise InvalidIdentifier(
            f"Un IBAN {iban[:2]} comporte {expected} caractères ; {len(iban)} saisis."
        )
    if not iban_checksum_valid(iban):
        raise InvalidIdentifier("L'IBAN est invalide : sa clé de contrôle ne correspond pas.")
    return iban


def format_iban(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def check_bic(value: str) -> str:
    bic = _compact(value)
    if not re.fullmatch(r"[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?", bic):
        raise InvalidIdentifier("Le BIC comporte 8 ou 11 caractères (p. ex. BNPAFRPPXXX).")
    return bic


# --- Addresses -------------------------------------------------------------------------------

ALSACE_MOSELLE_DEPARTMENTS = frozenset({"57", "67", "68"})


def check_postal_code(value: str) -> str:
    code = _compact(value)
    if not re.fullmatch(r"\d{5}", code):
        raise InvalidIdentifier("Le code postal doit comporter 5 chiffres.")
    return code


def department_of_postal_code(postal_code: str) -> str:
    """The département of a French postal code (2A/2B for Corsica, 3 digits overseas)."""
    code = check_postal_code(postal_code)
    if code.startswith("20"):
        return "2A" if code[:3] in {"200", "201"} else "2B"
    if code.startswith(("97", "98")):
        return code[:3]
    return code[:2]


def is_alsace_moselle(department: str) -> bool:
    """Bas-Rhin, Haut-Rhin and Moselle keep their local law (C. trav. L1226-23, L3134-1…)."""
    return department in ALSACE_MOSELLE_DEPARTMENTS
