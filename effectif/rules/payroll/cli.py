"""Command line: `python -m effectif.rules.payroll simulate FILE.json` and `bench --employees N`.

`simulate` reads cases in the format of the reference cases (`tests/reference_cases/`) (see `case_format.py`) and
writes their results as a JSON list on stdout. A case it cannot compute — unknown field,
impossible value, month without parameters — stops it with a French message naming the case and
the field, on stderr, and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from effectif.rules.parameters.base import MissingParameter
from effectif.rules.payroll.bench import report, run_bench
from effectif.rules.payroll.case_format import (
    CASE_FIELD_OF,
    CaseError,
    case_to_input,
    read_cases,
    result_record,
)
from effectif.rules.payroll.engine import compute_payslip
from effectif.rules.payroll.month_parameters import month_parameters
from effectif.rules.payroll.validation import PayslipInputError

USAGE_ERROR = 2


def simulate(path: Path, reference_conventions: bool = False) -> list[dict[str, Any]]:
    """Results of every case of a file; raises `CaseError` on the first unusable case."""
    results = []
    for case in read_cases(path):
        payslip_input = case_to_input(case)
        case_id = payslip_input.reference
        try:
            params = month_parameters(payslip_input.period_date)
        except MissingParameter as error:
            raise CaseError(case_id, "month", f"mois sans paramètres ({error})") from None
        if reference_conventions:
            params = params.with_reference_conventions()
        try:
            payslip = compute_payslip(payslip_input, params)
        except PayslipInputError as error:
            field = CASE_FIELD_OF.get(error.field, error.field)
            raise CaseError(case_id, field, error.reason) from None
        results.append(result_record(payslip))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m effectif.rules.payroll",
        description="Moteur de paie d'Effectif : simulation de bulletins et mesure de performance.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    simulate_parser = commands.add_parser("simulate", help="calculer les cas d'un fichier JSON")
    simulate_parser.add_argument("file", type=Path, help="liste de cas (format payroll-cases)")
    simulate_parser.add_argument(
        "--reference-conventions",
        action="store_true",
        help="prévoyance patronale imposable, comme le modèle de référence (modele-social)",
    )
    bench_parser = commands.add_parser("bench", help="mesurer le calcul en lot")
    bench_parser.add_argument("--employees", type=int, default=100_000, help="taille du lot")
    arguments = parser.parse_args(argv)
    if arguments.command == "bench":
        if arguments.employees < 1:
            parser.error("--employees doit être un entier positif")
        print(report(run_bench(arguments.employees)))
        return 0
    try:
        results = simulate(arguments.file, arguments.reference_conventions)
    except CaseError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return USAGE_ERROR
    except (OSError, json.JSONDecodeError) as error:
        print(f"Erreur : fichier « {arguments.file} » illisible : {error}", file=sys.stderr)
        return USAGE_ERROR
    json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0
