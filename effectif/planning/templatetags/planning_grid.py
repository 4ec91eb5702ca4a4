"""The grid's cells as HTML, shared by the page, its print and its htmx updates (the PDF has
markup of its own, in `planning.pdf`).

A month of a 200-person establishment is 6,000 cells: a row is written by one tag rather than
a template per cell, and the markup of a look (a rest day, 09:00–17:00…) is built once for all
the cells that share it, which keeps the page within its time budget.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from effectif.planning.cells import Cell
from effectif.planning.grid import Column, Row
from effectif.planning.staffing import CLOSED, MISS, RISK, StaffingDay, StaffingRow

register = template.Library()


@lru_cache(maxsize=4096)
def _parts(
    css: str, style: str, lines: tuple[str, ...], mark: str, detail: str, link: bool
) -> tuple[str, str]:
    """The attributes of a cell's `<td>` and what follows its link's address (or its whole
    content), the same for every cell of the same look."""
    shown = "".join(f"<span>{escape(line)}</span>" for line in lines)
    visual = f'<span class="pl-l" aria-hidden="true">{shown}</span>'
    if mark:
        visual += f'<span class="pl-mark" aria-hidden="true">{escape(mark)}</span>'
    attributes = f' class="{escape(css)}"' + (f' style="{escape(style)}"' if style else "")
    words = escape(detail)
    if link:  # the link is named by its title: what the cell shows, in words
        return attributes, f'" title="{words}">{visual}</a>'
    return (
        f'{attributes} title="{words}"',
        f'<span class="pl-in">{visual}<span class="visually-hidden">{words}</span></span>',
    )


@lru_cache(maxsize=1024)
def _day_texts(day: dt.date) -> tuple[str, str]:
    return day.strftime("%Y%m%d"), day.isoformat()


def cells_html(cells: list[Cell], employee_id: int, edit_prefix: str, oob: bool = False) -> str:
    """The `<td>`s of one person's days; a link to the day's editor where they may change it.
    Every value is escaped (in `_parts`, or numbers and dates)."""
    swap = ' hx-swap-oob="true"' if oob else ""
    prefix = escape(edit_prefix)
    out = []
    for cell in cells:
        link = cell.editable and bool(edit_prefix)
        attributes, inner = _parts(cell.css, cell.style, cell.lines, cell.mark, cell.detail, link)
        compact, iso = _day_texts(cell.day)
        opening = f'<td id="c-{employee_id}-{compact}"{attributes}{swap}>'
        if link:
            out.append(f'{opening}<a class="pl-in" href="{prefix}{employee_id}/{iso}/{inner}</td>')
        else:
            out.append(f"{opening}{inner}</td>")
    return "".join(out)


@register.simple_tag
def grid_row(row: Row, edit_prefix: str = "") -> SafeString:
    """All the days of one row."""
    return mark_safe(cells_html(row.cells, row.employee.pk, edit_prefix))  # escaped above


@register.simple_tag
def grid_cell(cell: Cell, employee_id: int, edit_prefix: str = "", oob: bool = False) -> SafeString:
    """One day, for an htmx update after a change."""
    return mark_safe(cells_html([cell], employee_id, edit_prefix, oob))  # escaped above


@register.simple_tag
def grid_header(column: Column, oob: bool = False) -> SafeString:
    """`<th>` of one day: its weekday and number, its holiday, the teams below their minimum."""
    holiday = (
        format_html(
            '<span class="pl-hname" title="{}">{}<span class="visually-hidden"> {}</span></span>',
            column.holiday,
            "F",
            _("férié : %(name)s") % {"name": column.holiday},
        )
        if column.holiday
        else ""
    )
    missing = (
        format_html(
            '<span class="pl-hmiss" title="{}">!<span class="visually-hidden"> {}</span></span>',
            _("Effectif minimum non atteint : %(teams)s") % {"teams": ", ".join(column.missing)},
            _("effectif minimum non atteint"),
        )
        if column.missing
        else ""
    )
    current = ' aria-current="date"' if column.today else ""
    if oob:
        current += ' hx-swap-oob="true"'
    css = " ".join(
        part for part in ("pl-day", column.css, "pl-hmissing" if column.missing else "") if part
    )
    return format_html(
        '<th scope="col" id="{}" class="{}"{}><abbr title="{}">{}</abbr>'
        '<span class="pl-num">{}</span>{}{}</th>',
        column.id,
        css,
        mark_safe(current),  # a constant
        column.label,
        column.weekday,
        column.day.day,
        holiday,
        missing,
    )


def _staffing_words(day: StaffingDay) -> tuple[str, str, str]:
    """(CSS class, text shown, words) of a team's day."""
    values = {"present": day.present, "required": day.required, "later": day.present_if_granted}
    status = day.status
    if status == CLOSED:
        return "pl-closed", "F", _("Jour férié : effectif non contrôlé")
    text = f"{day.present}/{day.required}"
    if status == MISS:
        words = _("%(present)s présents pour %(required)s requis : effectif insuffisant")
        return "pl-miss", f"! {text}", words % values
    if status == RISK:
        words = _(
            "%(present)s présents pour %(required)s requis ; %(later)s si les congés en attente "
            "sont validés"
        )
        return "pl-risk", f"{text} ?", words % values
    return "pl-ok", text, _("%(present)s présents pour %(required)s requis") % values


@lru_cache(maxsize=1024)
def _staffing_parts(day: StaffingDay, weekend: bool, today: bool) -> tuple[str, str]:
    """The attributes (after the id) and the content of a team's day: « 3/4 », « ! 2/4 »."""
    css = ["pl-staff"]
    if weekend:
        css.append("pl-we")
    if today:
        css.append("pl-today")
    if not day.status:
        return f' class="{" ".join(css)}"', ""
    status_css, text, words = _staffing_words(day)
    css.append(status_css)
    return (
        f' class="{" ".join(css)}" title="{escape(words)}"',
        f'<span aria-hidden="true">{escape(text)}</span>'
        f'<span class="visually-hidden">{escape(words)}</span>',
    )


def staffing_html(
    days: list[StaffingDay], department_id: int, today: dt.date | None, oob: bool = False
) -> str:
    """The `<td>`s of a team's staffing, day by day (every value escaped in the parts)."""
    swap = ' hx-swap-oob="true"' if oob else ""
    out = []
    for day in days:
        attributes, inner = _staffing_parts(day, day.day.weekday() >= 5, day.day == today)
        compact, _iso = _day_texts(day.day)
        out.append(f'<td id="s-{department_id}-{compact}"{attributes}{swap}>{inner}</td>')
    return "".join(out)


@register.simple_tag
def staffing_row(row: StaffingRow, today: dt.date | None = None) -> SafeString:
    """A team's staffing over the period: « 3/4 », marked « ! » below the minimum."""
    return mark_safe(staffing_html(row.days, row.department_id, today))  # escaped above


@register.simple_tag
def staffing_cell(
    day: StaffingDay, department_id: int, today: dt.date | None = None, oob: bool = False
) -> SafeString:
    """A team's day, for an htmx update after a change."""
    return mark_safe(staffing_html([day], department_id, today, oob))  # escaped above
