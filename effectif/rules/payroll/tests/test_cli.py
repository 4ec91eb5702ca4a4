"""`python -m effectif.rules.payroll`: simulate, errors with exit status 2, bench."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from effectif.rules.payroll.bench import run_bench
from effectif.rules.payroll.cli import main

CASE: dict[str, Any] = {
    "id": "c1",
    "month": "2026-01",
    "gross_monthly": 1823.03,
    "hours_per_month": 151.67,
    "cadre": False,
    "headcount": 5,
    "alsace_moselle": False,
    "at_rate": 0.009,
}
EXPECTED_FIELDS = {
    "id",
    "gross",
    "net_before_tax",
    "net_social",
    "net_taxable",
    "pas_amount",
    "pas_rate",
    "net_after_tax",
    "employee_contributions_total",
    "employer_contributions_total",
    "reduction_generale",
    "employer_cost",
    "lines",
}


def _write(tmp_path: Path, content: object) -> Path:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def test_simulate_accepts_bare_cases_and_case_expected_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, [CASE, {"case": {**CASE, "id": "c2"}, "expected": {}}])
    assert main(["simulate", str(path)]) == 0
    results = json.loads(capsys.readouterr().out)
    assert [result["id"] for result in results] == ["c1", "c2"]
    assert set(results[0]) >= EXPECTED_FIELDS
    assert results[0]["gross"] == 1823.03
    assert results[0]["reduction_generale"] == 725.75
    line = next(item for item in results[0]["lines"] if item["code"] == "vieillesse_plafonnee")
    assert {"code", "side", "label", "base", "rate", "amount"} <= set(line)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"salaire": 1}, "salaire", "champ inconnu"),
        ({"hours_per_month": -3}, "hours_per_month", "négatif"),
        ({"at_rate": 1.5}, "at_rate", "entre 0 et 1"),
        ({"mutuelle_employer_share": 2}, "mutuelle_employer_share", "entre 0 et 1"),
        ({"month": "2024-01"}, "month", "mois sans paramètres"),
        ({"month": "janvier"}, "month", "AAAA-MM"),
        ({"cadre": "oui"}, "cadre", "true ou false"),
        ({"contract": "stage"}, "contract", "cdi"),
        ({"overtime_hours_25": 3, "hours_per_month": 100}, "overtime_hours_25", "temps plein"),
    ],
)
def test_bad_cases_stop_with_a_french_message_and_status_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, Any],
    field: str,
    words: str,
) -> None:
    path = _write(tmp_path, [CASE, {**CASE, "id": "mauvais", **change}])
    assert main(["simulate", str(path)]) == 2
    message = capsys.readouterr().err
    assert "cas « mauvais »" in message
    assert f"champ « {field} »" in message
    assert words in message


def test_unreadable_file_is_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cases.json"
    path.write_text("[{", encoding="utf-8")
    assert main(["simulate", str(path)]) == 2
    assert "illisible" in capsys.readouterr().err


def test_module_entry_point(tmp_path: Path) -> None:
    path = _write(tmp_path, [CASE])
    completed = subprocess.run(
        [sys.executable, "-m", "effectif.rules.payroll", "simulate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)[0]["id"] == "c1"


def test_run_bench_reports_its_figures() -> None:
    figures = run_bench(300)
    assert {"employees", "seconds", "peak_mib", "single_payslip_ms"} <= set(figures)
    assert figures["employees"] == 300
    assert figures["agreement"] == 1.0


@pytest.mark.parametrize(
    ("missing", "words"), [("cadre", "catégorie"), ("hours_per_month", "durée")]
)
def test_a_case_without_category_or_working_time_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], missing: str, words: str
) -> None:
    """Never taken as non-cadre or full time: the case's field is named."""
    case = {name: value for name, value in CASE.items() if name != missing}
    path = _write(tmp_path, [{**case, "id": "incomplet"}])
    assert main(["simulate", str(path)]) == 2
    message = capsys.readouterr().err
    assert f"champ « {missing} »" in message
    assert words in message


def test_a_forfait_needs_no_monthly_hours(tmp_path: Path) -> None:
    case = {name: value for name, value in CASE.items() if name != "hours_per_month"}
    path = _write(tmp_path, [{**case, "forfait_days": 218, "cadre": True}])
    assert main(["simulate", str(path)]) == 0
