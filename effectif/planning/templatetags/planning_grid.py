"""The grid's cells as HTML, shared by the page, its htmx updates and the PDF.

A month of a 200-person establishment is 6,000 cells: each is written by one tag rather than
an included template, which keeps the page within its time budget.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from effectif.planning.cells import Cell
from effectif.planning.grid import Column, cell_id
from effectif.planning.staffing import CLOSED, MISS, RISK, StaffingDay

register = template.Library()


@register.simple_tag
def grid_cell(
    cell: Cell, employee_id: int, edit_prefix: str = "", edit_query: str = "", oob: bool = False
) -> SafeString:
    """`<td>` of one day; a link to its editor when the user may change it."""
    lines = "".join(f"<span>{escape(line)}</span>" for line in cell.lines)
    mark = (
        f'<span class="pl-mark" aria-hidden="true">{escape(cell.mark)}</span>' if cell.mark else ""
    )
    detail = escape(cell.detail)
    style = f' style="{escape(cell.style)}"' if cell.style else ""
    if cell.editable and edit_prefix:
        url = f"{edit_prefix}{employee_id}/{cell.day.isoformat()}/"
        if edit_query:
            url = f"{url}?{edit_query}"
        inner = (
            f'<a class="pl-in pl-edit" href="{escape(url)}" title="{detail}">'
            f'<span class="pl-lines" aria-hidden="true">{lines}</span>{mark}'
            f'<span class="visually-hidden">{detail} — {escape(_("modifier"))}</span></a>'
        )
    else:
        inner = (
            f'<span class="pl-in" title="{detail}">'
            f'<span class="pl-lines" aria-hidden="true">{lines}</span>{mark}'
            f'<span class="visually-hidden">{detail}</span></span>'
        )
    swap = ' hx-swap-oob="true"' if oob else ""
    return mark_safe(  # every value above is escaped
        f'<td id="{cell_id(employee_id, cell.day)}" class="pl-cell {cell.css}"{style}{swap}>'
        f"{inner}</td>"
    )


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


@register.simple_tag
def staffing_cell(
    day: StaffingDay, department_id: int, today: dt.date | None = None, oob: bool = False
) -> SafeString:
    """`<td>` of a team's staffing on one day: « 3/4 », marked « ! » below the minimum."""
    css = ["pl-staff"]
    if day.day.weekday() >= 5:
        css.append("pl-we")
    if day.day == today:
        css.append("pl-today")
    swap = mark_safe(' hx-swap-oob="true"') if oob else ""  # a constant
    identifier = f"s-{department_id}-{day.day:%Y%m%d}"
    if not day.status:
        return format_html('<td id="{}" class="{}"{}></td>', identifier, " ".join(css), swap)
    status_css, text, words = _staffing_words(day)
    css.append(status_css)
    return format_html(
        '<td id="{}" class="{}" title="{}"{}><span aria-hidden="true">{}</span>'
        '<span class="visually-hidden">{}</span></td>',
        identifier,
        " ".join(css),
        words,
        swap,
        text,
        words,
    )
