"""The planning as a PDF, printed by WeasyPrint in landscape.

WeasyPrint lays out and draws every box one by one, in Python, so the PDF has markup of its
own rather than the page's (which printed a 200-person month in about 12 s): a cell is one
`<td>` holding its short code or times and a single class that says its look (rest, weekend,
holiday, a leave type's colours…), with no nested element, no inline style and no link. In a
month, the days of a week that look alike (a week of leave, a weekend, the same hours) share
one cell, which halves the cells. The grid's lines are the table's background between the
cells, not borders to draw; the stylesheet (`planning/planning-pdf.css`) has plain class
selectors only; the colours of the leave types become classes of the document's stylesheet.
The minimum staffing is printed once after the grid, the legend at the foot of every page.
`python -m effectif.bench --parts planning` times the 200-person month."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from effectif.documents.printing import pdf_bytes
from effectif.planning.cells import Cell
from effectif.planning.grid import Column, Grid
from effectif.planning.staffing import CLOSED, MISS, RISK, StaffingDay

#: The leave type's colours, as `cells` writes them for the page (validated again here: they
#: go into a stylesheet).
LEAVE_STYLE = re.compile(r"--pl-c:(#[0-9A-Fa-f]{6});--pl-bg:(#[0-9A-Fa-f]{6})")
FALLBACK_COLOURS = ("#1f3c88", "#c3cae0")

#: Widths in millimetres: the name column, then the days share what is left of the page.
NAME_MM = 34.0
PAGE_MM = 297.0 - 2 * 8.0  # A4 landscape between its margins


@dataclass(frozen=True)
class PrintedRow:
    name: str
    matricule: str
    cells: SafeString


@dataclass(frozen=True)
class PrintedGroup:
    name: str
    rows: list[PrintedRow]


@dataclass(frozen=True)
class PrintedLegend:
    code: str
    label: str
    css: str


def leave_colours(style: str) -> tuple[str, str]:
    """(accent, fill) of a leave type from the page's inline style, hex « #rrggbb »."""
    found = LEAVE_STYLE.fullmatch(style)
    return (found.group(1).lower(), found.group(2).lower()) if found else FALLBACK_COLOURS


def leave_class(style: str, css: str) -> str:
    """« lv1f3c88 », « lv1f3c88-p » when pending (hatched), « lv1f3c88-h » for half a day."""
    accent, _fill = leave_colours(style)
    base = f"lv{accent[1:]}"
    if "pl-pending" in css.split():
        return f"{base}-p"
    if "pl-half" in css.split():
        return f"{base}-h"
    return base


def cell_class(css: str, style: str) -> str:
    """The one class of a printed day, by precedence: leave, outside the contract, holiday off,
    holiday worked, weekend, rest; a day worked on a weekday has none."""
    classes = css.split()
    if "pl-leave" in classes:
        return leave_class(style, css)
    for page_class, printed in (
        ("pl-out", "o"),
        ("pl-holiday", "h"),
        ("pl-holiday-worked", "hw"),
        ("pl-we", "we"),
        ("pl-rest", "r"),
    ):
        if page_class in classes:
            return printed
    return ""


@lru_cache(maxsize=4096)
def _printed_cell(css: str, style: str, lines: tuple[str, ...], mark: str) -> tuple[str, str]:
    """(attributes, content) of a printed day, escaped."""
    printed = cell_class(css, style)
    text = "\n".join(escape(line) for line in lines)
    if mark:
        text += f'<span class="mk">{escape(mark)}</span>'
    return (f' class="{printed}"' if printed else ""), text


def cells_html(cells: list[Cell], merge: bool) -> SafeString:
    """A person's days, one `<td>` each; with `merge`, days in a row of the same week that
    look the same (a week of leave, a weekend, the same hours) share one cell."""
    out = []
    run: tuple[str, str] | None = None
    span = 0
    week = None
    for cell in cells:
        parts = _printed_cell(cell.css, cell.style, cell.lines, cell.mark)
        this_week = cell.day.isocalendar()[:2]
        if merge and parts == run and this_week == week:
            span += 1
            continue
        if run is not None:
            out.append(_td(run, span))
        run, span, week = parts, 1, this_week
    if run is not None:
        out.append(_td(run, span))
    return mark_safe("".join(out))  # escaped in `_printed_cell`


def _td(parts: tuple[str, str], span: int) -> str:
    attributes, text = parts
    if span > 1:
        attributes += f' colspan="{span}"'
    return f"<td{attributes}>{text}</td>"


def header_html(column: Column) -> str:
    """`<th>` of a day: weekday and number; « F » on a public holiday, « ! » below a minimum."""
    classes = []
    if column.holiday:
        classes.append("h")
    elif column.day.weekday() >= 5:
        classes.append("we")
    if column.today:
        classes.append("tdy")
    marks = []
    if column.holiday:
        marks.append("F")
    if column.missing:
        marks.append('<span class="mx">!</span>')
    attributes = f' class="{" ".join(classes)}"' if classes else ""
    text = f"{escape(column.weekday)}<br>{column.day.day}"
    if marks:
        text += "<br>" + " ".join(marks)
    return f"<th{attributes}>{text}</th>"


def _staffing_cell(day: StaffingDay) -> str:
    status = day.status
    weekend = day.day.weekday() >= 5
    if not status:
        return '<td class="we"></td>' if weekend else "<td></td>"
    if status == CLOSED:
        return '<td class="sc">F</td>'
    text = f"{day.present}/{day.required}"
    if status == MISS:
        return f'<td class="sm">! {text}</td>'
    if status == RISK:
        return f'<td class="sr">{text} ?</td>'
    return f'<td class="{"so-we" if weekend else "so"}">{text}</td>'


def leave_stylesheet(styles: set[str]) -> SafeString:
    """One rule per leave type's look (whole day, pending, half day), from validated colours."""
    rules = []
    for style in sorted(styles):
        accent, fill = leave_colours(style)
        base = f"lv{accent[1:]}"
        edge = f"border-left: 1.4pt solid {accent}; font-weight: 700;"
        rules.append(f".{base} {{ background: {fill}; {edge} }}")
        rules.append(
            f".{base}-p {{ background: repeating-linear-gradient(135deg, {fill} 0, {fill} 1.6pt,"
            f" #fff 1.6pt, #fff 3.2pt); {edge} }}"
        )
        rules.append(
            f".{base}-h {{ background: linear-gradient(to bottom right, {fill} 50%, #fff 50%);"
            f" {edge} }}"
        )
    return mark_safe("\n".join(rules))  # colours matched by LEAVE_STYLE


def _stylesheet() -> str:
    found = finders.find("planning/planning-pdf.css")
    path = found[0] if isinstance(found, list) else found
    return Path(path).read_text(encoding="utf-8") if path else ""


def pdf_context(grid: Grid) -> dict[str, Any]:
    """What `planning/pdf.html` prints, most of it already as markup."""
    styles = {item.style for item in grid.legend if item.style}
    groups = []
    for group in grid.groups:
        rows = []
        for row in group.rows:
            styles.update(cell.style for cell in row.cells if cell.style)
            rows.append(
                PrintedRow(
                    row.name, row.employee.matricule, cells_html(row.cells, merge=not grid.week)
                )
            )
        groups.append(PrintedGroup(group.name, rows))
    legend = [
        PrintedLegend(
            item.code,
            item.label,
            leave_class(item.style, "") if item.style else cell_class(item.css, ""),
        )
        for item in grid.legend
    ]
    day_mm = (PAGE_MM - NAME_MM) / max(len(grid.columns), 1)
    staffing = [
        (row.name, mark_safe("".join(_staffing_cell(day) for day in row.days)))  # escaped
        for row in grid.staffing
    ]
    return {
        "grid": grid,
        "header": mark_safe("".join(header_html(c) for c in grid.columns)),  # escaped
        "groups": groups,
        "staffing": staffing,
        "legend": legend,
        "holidays": [
            f"{date_format(c.day, 'j F')} : {c.holiday}" for c in grid.columns if c.holiday
        ],
        "has_today": any(c.today for c in grid.columns),
        "has_misses": any(c.missing for c in grid.columns),
        "leave_css": leave_stylesheet(styles),
        "stylesheet": mark_safe(_stylesheet()),  # our own static file
        "name_mm": f"{NAME_MM:.1f}",
        "day_mm": f"{day_mm:.2f}",
        "people": sum(len(group.rows) for group in groups),
        "empty_message": _("Personne n'est sous contrat sur cette période."),
    }


def pdf_html(grid: Grid, context: dict[str, Any]) -> str:
    return render_to_string("planning/pdf.html", {**context, **pdf_context(grid)})


def pdf_of(grid: Grid, context: dict[str, Any]) -> bytes:
    """The grid printed: heading, days, people by team, staffing, legend, page numbers."""
    return pdf_bytes(pdf_html(grid, context))
