"""Reading the payslip reference cases kept in the repository (`reference_cases/` beside this
module; see its README for where the expected figures come from)."""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from effectif.rules.payroll.results import Payslip

#: The reference cases, in the repository: a fresh clone runs the same tests as any machine.
CASES_DIR = Path(__file__).resolve().parent / "reference_cases"

#: Our line codes that the reference model reports under one of its codes.
REFERENCE_CODE = {
    "retraite_complementaire_t1": "retraite_complementaire",
    "retraite_complementaire_t2": "retraite_complementaire",
    "ceg_t1": "ceg",
    "ceg_t2": "ceg",
    "complementaire_sante": "mutuelle",
    "taxe_apprentissage_solde": "taxe_apprentissage",
    "fnal_plafonnee": "fnal",
    "fnal_deplafonnee": "fnal",
    "reduction_generale_retraite": "reduction_generale",
}


def reference_items() -> list[dict[str, Any]]:
    """Every {"case", "expected"} item of the files of `CASES_DIR` (a later file wins for a case
    of the same id)."""
    by_id: dict[str, dict[str, Any]] = {}
    for path in sorted(CASES_DIR.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal):
            by_id[str(item["case"]["id"])] = item
    return list(by_id.values())


def amounts_by_reference_code(payslip: Payslip) -> dict[tuple[str, str], Decimal]:
    """Our line amounts summed under the reference's (code, side) keys."""
    totals: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for line in payslip.lines:
        code = REFERENCE_CODE.get(line.code, line.code)
        if line.employee_amount:
            totals[code, "employee"] += line.employee_amount
        if line.employer_amount:
            totals[code, "employer"] += line.employer_amount
    return dict(totals)
