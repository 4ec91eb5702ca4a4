"""The management commands and the benchmark entry point (not timed here)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from effectif.contracts.models import Contract
from effectif.imports.benchmark import benchmark_file, import_rows_benchmark
from effectif.imports.models import ImportBatch, ImportStatus

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_benchmark_entry_point_imports_a_valid_generated_file(file_format):
    figures = import_rows_benchmark(25, file_format=file_format)
    assert figures["rows"] == 25
    assert figures["employees_created"] == 25
    assert figures["contracts_created"] == 25
    assert {"preview_s", "confirm_s", "total_s", "database"} <= set(figures)
    assert Contract.objects.filter(kind="cdd").count() >= 2
    assert ImportBatch.objects.get().status == ImportStatus.CONFIRMED


def test_benchmark_file_is_a_french_office_csv():
    data = benchmark_file("73282932000074", 3)
    text = data.decode("cp1252")
    assert text.startswith("Matricule;SIRET établissement;Nom;Prénoms")
    assert ";01/" in text


def test_commands_run(hr, employer, establishment):
    out = io.StringIO()
    call_command("purge_imports", "--days", "7", stdout=out)
    assert "0 import(s) annulé(s)." in out.getvalue()
    out = io.StringIO()
    call_command("bench_imports", "--rows", "5", stdout=out)
    assert "rows = 5" in out.getvalue()
