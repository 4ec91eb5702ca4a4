"""Import files built in the tests (no binary fixture is committed)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook

from effectif.rules.identity.generate import make_nir

HEADERS = [
    "Matricule",
    "SIRET établissement",
    "Nom",
    "Prénoms",
    "Sexe",
    "Date de naissance",
    "NIR",
    "IBAN",
    "Nature du contrat",
    "Motif de recours",
    "Date de début",
    "Date de fin",
    "Emploi",
    "Catégorie",
    "Temps de travail",
    "Heures mensuelles",
    "Salaire brut mensuel",
]
IBAN = "FR7630006000011234567890189"


def person_row(siret: str, n: int = 1, **overrides: Any) -> dict[str, Any]:
    """A valid row: a woman born on 02/04/1990 hired on a CDI on 01/09/2025."""
    birth = dt.date(1990, 4, 2)
    row: dict[str, Any] = {
        "Matricule": f"T{n:04d}",
        "SIRET établissement": siret,
        "Nom": f"Durand{n}",
        "Prénoms": "Élise",
        "Sexe": "F",
        "Date de naissance": birth.strftime("%d/%m/%Y"),
        "NIR": make_nir(sex="F", birth_date=birth, department="75", commune=56, order=n),
        "IBAN": IBAN,
        "Nature du contrat": "CDI",
        "Motif de recours": "",
        "Date de début": "01/09/2025",
        "Date de fin": "",
        "Emploi": "Comptable",
        "Catégorie": "employé",
        "Temps de travail": "temps plein",
        "Heures mensuelles": "151,67",
        "Salaire brut mensuel": "2 150,50",
    }
    row.update(overrides)
    return row


def csv_bytes(
    rows: Iterable[dict[str, Any]],
    headers: list[str] | None = None,
    *,
    separator: str = ";",
    encoding: str = "utf-8-sig",
) -> bytes:
    headers = headers or HEADERS
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(header, "") for header in headers])
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(
    rows: Iterable[dict[str, Any]],
    headers: list[str] | None = None,
    *,
    title_rows: int = 0,
) -> bytes:
    headers = headers or HEADERS
    workbook = Workbook()
    sheet = workbook.active
    for _ in range(title_rows):
        sheet.append(["Export du logiciel de paie"])
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
