"""Every CSV and .xlsx the application writes goes through `effectif.core.exporting`, where a
text that a spreadsheet would read as a formula is neutralised. This test reads the source of
every module and fails, naming the file and line, when one writes a CSV or a spreadsheet cell
by itself."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]

#: Modules allowed to write CSV or cells directly, with the reason.
ALLOWED = {
    "core/exporting.py": "the one writer, which neutralises formulas",
    "imports/benchmark.py": "builds the input files of the import benchmark from generated "
    "data; never served to anyone",
}

#: What of openpyxl a module may import outside the one writer: styles, helpers, reading.
OPENPYXL_IMPORTS = (
    "openpyxl.styles",
    "openpyxl.utils",
    "openpyxl.worksheet.datavalidation",
)
OPENPYXL_NAMES_READ = {"load_workbook"}
#: Calls that make a workbook or a cell, in a module that works with spreadsheets.
FORBIDDEN_CALLS = {"Workbook", "WriteOnlyCell", "Cell"}


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return _name(node.func)
    if isinstance(node, ast.Subscript):
        return _name(node.value)
    return ""


def _uses_spreadsheets(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            ("openpyxl", "effectif.core.exporting")
        ):
            return True
        if isinstance(node, ast.Import) and any(a.name.startswith("openpyxl") for a in node.names):
            return True
    return False


def problems_in(source: str) -> list[str]:
    """What of `source` writes a CSV or a spreadsheet cell without `core.exporting`."""
    tree = ast.parse(source)
    found: list[str] = []
    sheets = _uses_spreadsheets(tree)

    def say(node: ast.AST, what: str) -> None:
        found.append(f"ligne {getattr(node, 'lineno', '?')} : {what}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "openpyxl" or alias.name.startswith("openpyxl.cell"):
                    say(node, f"import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module == "csv":
            names = {alias.name for alias in node.names} & {"writer", "DictWriter"}
            if names:
                say(node, f"from csv import {', '.join(sorted(names))}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("openpyxl"):
            module = node.module or ""
            if not module.startswith(OPENPYXL_IMPORTS):
                names = {alias.name for alias in node.names}
                if module != "openpyxl" or names - OPENPYXL_NAMES_READ:
                    say(node, f"from {module} import {', '.join(sorted(names))}")
        elif isinstance(node, ast.Call):
            called = _name(node.func)
            last = called.rsplit(".", 1)[-1]
            if called in {"csv.writer", "csv.DictWriter"} or (sheets and last in FORBIDDEN_CALLS):
                say(node, f"appel de {called}()")
            elif (
                sheets
                and last == "cell"
                and (len(node.args) > 2 or any(k.arg == "value" for k in node.keywords))
            ):
                say(node, f"{called}(…, valeur) : utiliser exporting.put()")
            elif sheets and last == "append" and "sheet" in called.lower():
                say(node, f"{called}() : utiliser exporting.append_row()")
        elif sheets and isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr == "value":
                    say(node, f"{_name(target)} = … : utiliser exporting.put()")
                if isinstance(target, ast.Subscript) and "sheet" in _name(target).lower():
                    say(node, f"{_name(target)}[…] = … : utiliser exporting.put()")
    return found


def _modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.relative_to(PACKAGE).parts
        and "migrations" not in path.relative_to(PACKAGE).parts
    )


def test_no_module_writes_csv_or_cells_by_itself() -> None:
    offenders = {}
    for path in _modules():
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in ALLOWED:
            continue
        problems = problems_in(path.read_text(encoding="utf-8"))
        if problems:
            offenders[relative] = problems
    assert offenders == {}, (
        "Ces modules écrivent un CSV ou des cellules sans passer par effectif.core.exporting "
        f"(qui neutralise les formules) : {offenders}"
    )


def test_the_guard_sees_every_way_of_writing() -> None:
    source = """
import csv
import openpyxl
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from effectif.core.exporting import new_workbook

def export(rows, out):
    csv.writer(out).writerow(rows)
    book = Workbook()
    sheet = book.active
    sheet["A1"] = rows[0]
    sheet.cell(1, 2, rows[1])
    sheet.cell(row=1, column=3, value=rows[2])
    sheet.cell(1, 4).value = rows[3]
    sheet.append(rows)
    help_sheet = new_workbook().active
    help_sheet.append(rows)
    WriteOnlyCell(sheet, value=rows[0])
"""
    problems = problems_in(source)
    assert len(problems) == 12, problems
    assert len(problems_in("from csv import writer\n")) == 1
    assert problems_in("import csv\nrows = []\nrows.append(1)\ncsv.reader([])\n") == []
    assert (
        problems_in("from openpyxl import load_workbook\nfrom openpyxl.styles import Font\n") == []
    )


def test_the_allowed_modules_exist() -> None:
    for relative in ALLOWED:
        assert (PACKAGE / relative).is_file(), relative
