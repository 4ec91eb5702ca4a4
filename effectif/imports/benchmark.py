"""Timing an import of N rows, preview and confirmation, for `make bench`.

`import_rows_benchmark(10_000)` creates a fictional employer with one establishment and an HR
user granted it, builds a valid N-row file (a new personnel file and its contract per row:
CDIs, CDDs and part-time contracts, each with a NIR and an IBAN to check), then times
`import_upload` (reading and checking every row: the preview) and `import_confirm` (checked
again, then written with its audit trail). It writes to the configured database: run it on a
throwaway one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction

from effectif.accounts.models import User
from effectif.core.exporting import new_workbook, workbook_bytes
from effectif.core.roles import Role
from effectif.imports.models import ImportBatch
from effectif.imports.services import import_confirm, import_upload
from effectif.organisation.models import Employer, EmployerAccess, Establishment
from effectif.rules.identity.generate import make_french_iban, make_nir, make_siren, make_siret

HEADERS = [
    "Matricule",
    "SIRET établissement",
    "Nom",
    "Prénoms",
    "Sexe",
    "Date de naissance",
    "Lieu de naissance",
    "NIR",
    "Adresse",
    "Code postal",
    "Commune",
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
LAST_NAMES = ("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois")
FIRST_NAMES = (("Camille", "F"), ("Louis", "M"), ("Léa", "F"), ("Hugo", "M"), ("Chloé", "F"))
IBAN = make_french_iban(bank=30006, branch=1, account=12345678901)


def _setup() -> tuple[Employer, Establishment, User]:
    number = 90_000_000
    while Employer.objects.filter(siren=make_siren(number)).exists():
        number += 1
    siren = make_siren(number)
    with transaction.atomic():
        employer = Employer.objects.create(
            name=f"Banc d'essai import {siren}", siren=siren, legal_form="SAS", naf_code="62.01Z"
        )
        establishment = Establishment.objects.create(
            employer=employer,
            name="Siège",
            siret=make_siret(siren, 1),
            address="1 rue de la Paix",
            postal_code="75002",
            city="Paris",
            department="75",
            at_rate="0.0208",
        )
        user = User.objects.create(username=f"bench-import-{siren}", role=Role.HR_ASSISTANT)
        EmployerAccess.objects.create(user=user, employer=employer)
    return employer, establishment, user


def benchmark_rows(siret: str, rows: int) -> list[dict[str, Any]]:
    """`rows` valid rows, each a new employee and their contract."""
    out = []
    for index in range(rows):
        first_name, sex = FIRST_NAMES[index % len(FIRST_NAMES)]
        birth = dt.date(1960 + index % 40, 1 + index % 12, 1 + index % 28)
        row: dict[str, Any] = {
            "Matricule": f"B{index + 1:06d}",
            "SIRET établissement": siret,
            "Nom": f"{LAST_NAMES[index % len(LAST_NAMES)]}-{index}",
            "Prénoms": first_name,
            "Sexe": sex,
            "Date de naissance": birth,
            "Lieu de naissance": "Paris",
            "NIR": make_nir(
                sex=sex, birth_date=birth, department="75", commune=index // 1000, order=index
            ),
            "Adresse": f"{1 + index % 120} rue de la République",
            "Code postal": "69003",
            "Commune": "Lyon",
            "IBAN": IBAN,
            "Nature du contrat": "CDI",
            "Date de début": dt.date(2020 + index % 5, 1 + index % 12, 1),
            "Emploi": "Agent administratif",
            "Catégorie": "employé",
            "Temps de travail": "temps plein",
            "Salaire brut mensuel": f"{2000 + index % 900},50",
        }
        if index % 10 == 1:
            row.update(
                {
                    "Nature du contrat": "CDD",
                    "Motif de recours": "Accroissement temporaire d'activité",
                    "Date de fin": dt.date(2025, 12, 31),
                }
            )
        elif index % 10 == 2:
            row.update({"Temps de travail": "temps partiel", "Heures mensuelles": "121,34"})
        out.append(row)
    return out


def benchmark_file(siret: str, rows: int, file_format: str = "csv") -> bytes:
    """A valid file of `rows` rows: CSV as Excel saves it in France (`;`, Windows-1252, dates
    JJ/MM/AAAA, decimal commas) or .xlsx with typed cells."""
    data = benchmark_rows(siret, rows)
    if file_format == "xlsx":
        workbook = new_workbook(write_only=True)
        sheet = workbook.create_sheet("Salariés")
        sheet.append(HEADERS)
        for row in data:
            sheet.append([row.get(header) for header in HEADERS])
        return workbook_bytes(workbook)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in data:
        writer.writerow(
            [
                value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else value
                for value in (row.get(header, "") for header in HEADERS)
            ]
        )
    return buffer.getvalue().encode("cp1252")


def import_rows_benchmark(rows: int = 10_000, *, file_format: str = "csv") -> dict[str, Any]:
    """Time the preview and the confirmation of a valid `rows`-row import."""
    employer, establishment, user = _setup()
    data = benchmark_file(establishment.siret, rows, file_format)
    upload = SimpleUploadedFile(f"banc-essai.{file_format}", data)
    started = time.perf_counter()
    batch = import_upload(employer=employer, upload=upload, by=user)
    previewed = time.perf_counter()
    if batch.error_count:
        raise AssertionError(f"the benchmark file has errors: {batch.errors[:3]}")
    batch = import_confirm(batch=ImportBatch.objects.get(pk=batch.pk), by=user)
    confirmed = time.perf_counter()
    return {
        "database": connection.vendor,
        "rows": rows,
        "format": file_format,
        "file_kb": round(len(data) / 1024),
        "columns": len(HEADERS),
        "preview_s": round(previewed - started, 2),
        "confirm_s": round(confirmed - previewed, 2),
        "total_s": round(confirmed - started, 2),
        "employees_created": batch.employees_created,
        "contracts_created": batch.contracts_created,
    }


__all__ = ["benchmark_file", "import_rows_benchmark"]
