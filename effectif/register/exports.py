"""The register as a spreadsheet and as a landscape PDF with its header repeated on each page."""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string

from effectif.core.exporting import Column, xlsx_bytes
from effectif.documents.printing import pdf_bytes
from effectif.organisation.models import Establishment
from effectif.register.selectors import Entry

COLUMNS = [
    Column("N°", lambda e: e.number, 6),
    Column("Nom", lambda e: e.last_name, 18),
    Column("Nom d'usage", lambda e: e.usage_name, 16),
    Column("Prénoms", lambda e: e.first_names, 18),
    Column("Nationalité", lambda e: e.nationality, 14),
    Column("Date de naissance", lambda e: e.birth_date, 14),
    Column("Sexe", lambda e: e.sex, 8),
    Column("Emploi", lambda e: e.job, 24),
    Column("Qualification", lambda e: e.qualification, 24),
    Column("Date d'entrée", lambda e: e.hire_date, 13),
    Column("Date de sortie", lambda e: e.departure_date, 13),
    Column("Type de contrat", lambda e: e.contract_type, 22),
    Column("Entreprise de travail temporaire", lambda e: e.agency, 28),
    Column("Titre de travail (type et n°)", lambda e: e.work_permit, 28),
    Column("Stagiaire : tuteur et lieu", lambda e: e.intern, 32),
]


def register_xlsx(establishment: Establishment, entries: list[Entry]) -> bytes:
    return xlsx_bytes(COLUMNS, entries, "Registre du personnel")


def register_html(establishment: Establishment, entries: list[Entry], today: dt.date) -> str:
    return render_to_string(
        "register/print.html",
        {"establishment": establishment, "entries": entries, "today": today},
    )


def register_pdf(establishment: Establishment, entries: list[Entry], today: dt.date) -> bytes:
    return pdf_bytes(register_html(establishment, entries, today))
