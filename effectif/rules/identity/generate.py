"""Valid identifiers built from their parts: for fictional demo data and for tests."""

from __future__ import annotations

from datetime import date

from effectif.rules.identity.checks import luhn_valid, nir_key


def _luhn_complete(partial: str) -> str:
    for digit in "0123456789":
        if luhn_valid(partial + digit):
            return partial + digit
    raise AssertionError("unreachable: one digit always completes a Luhn number")


def make_siren(number: int) -> str:
    """A valid SIREN from an 8-digit number."""
    return _luhn_complete(f"{number % 10**8:08d}")


def make_siret(siren: str, establishment: int) -> str:
    """A valid SIRET for `siren` from a 4-digit establishment number."""
    return _luhn_complete(f"{siren}{establishment % 10**4:04d}")


def make_nir(*, sex: str, birth_date: date, department: str, commune: int, order: int) -> str:
    """A valid NIR for someone born in a French département (sex 'M' or 'F')."""
    body = (
        f"{1 if sex == 'M' else 2}{birth_date.year % 100:02d}{birth_date.month:02d}"
        f"{department:>02}{commune % 1000:03d}{order % 1000:03d}"
    )
    return f"{body}{nir_key(body):02d}"


def _rib_key(bank: str, branch: str, account: str) -> int:
    letters = {c: str((ord(c) - 55) % 9 or 9) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    digits = "".join(letters.get(c, c) for c in account)
    return 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(digits)) % 97


def make_french_iban(*, bank: int, branch: int, account: int) -> str:
    """A valid French IBAN from a bank code, a branch code and an account number."""
    bank_code, branch_code, account_number = f"{bank:05d}", f"{branch:05d}", f"{account:011d}"
    bban = f"{bank_code}{branch_code}{account_number}{_rib_key(bank_code, branch_code, account_number):02d}"
    numeric = "".join(str(int(c, 36)) for c in bban + "FR00")
    check = 98 - int(numeric) % 97
    return f"FR{check:02d}{bban}"
