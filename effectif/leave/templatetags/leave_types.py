"""`{% shown_type request as t %}`: the type of a leave request as the page's reader may read
it (`leave.visibility`), for the type badge (`leave/partials/type.html`) and its comment;
`{% request_rows requests show_employee %}`: the rows of a list of requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from effectif.core.templatetags.formats import decimal_fr
from effectif.leave.models import LeaveRequest, Status, Unit
from effectif.leave.visibility import ShownType, TypeReader

register = template.Library()

_READER = "leave_reader"


def reader_of(context: template.Context) -> TypeReader:
    """The view's reader (`leave_reader` in the context), else one for the logged-in user kept
    for the rest of the rendering."""
    given = context.get(_READER)
    if isinstance(given, TypeReader):
        return given
    kept: Any = context.render_context.dicts[0]  # outlives the included templates
    reader = kept.get(_READER)
    if not isinstance(reader, TypeReader):
        reader = kept[_READER] = TypeReader(getattr(context.get("request"), "user", None))
    return reader


@register.simple_tag(takes_context=True)
def shown_type(context: template.Context, request: LeaveRequest) -> ShownType:
    return reader_of(context).shown(request)


@register.simple_tag(takes_context=True)
def shown_comment(context: template.Context, request: LeaveRequest) -> Any:
    return reader_of(context).comment(request)


# --- The rows of a list of requests ----------------------------------------------------------
#
# The lists of requests (HR's, a manager's, « mes congés ») show up to 75 rows a page; written
# by the template language, each row cost three included templates, a `{% url %}`, a status
# label and a dozen variable lookups. `{% request_rows %}` writes the same markup in Python.

_BADGES: dict[str, str] = {
    Status.APPROVED: "text-bg-success",
    Status.SUBMITTED: "text-bg-warning",
    Status.REJECTED: "text-bg-danger",
}
_ROW = (
    "\n    <tr>\n      {employee}\n      <td>{type}</td>\n"
    '      <td class="text-nowrap small">{dates}</td>\n'
    '      <td class="text-end text-nowrap">{amount}\n</td>\n'
    "      <td>{status}\n</td>\n    </tr>\n  "
)


def _day(day: dt.date) -> str:
    """`{{ day|date:"d/m/Y" }}`."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def _type_badge(shown: ShownType) -> str:
    """`leave/partials/type.html`."""
    return (
        '<span class="d-inline-block rounded-circle align-middle" style="width:.7rem;'
        f'height:.7rem;background:{escape(shown.colour)}" aria-hidden="true"></span> '
        f"{escape(shown.label)}\n"
    )


def _amount(value: Any, unit: str) -> str:
    """`leave/partials/amount.html`."""
    return f"{escape(decimal_fr(value))}&nbsp;{'h' if unit == Unit.HOURS else 'j'}"


def _row(
    request: LeaveRequest, shown: ShownType, url: str, status: str, show_employee: bool
) -> str:
    employee = ""
    type_html = _type_badge(shown)
    if show_employee:
        department = request.employee.department
        employee = (
            f'<td><a class="fw-semibold" href="{url}">{escape(request.employee.display_name)}'
            f'</a><div class="small text-muted">'
            f"{escape(department.name if department is not None else '')}</div></td>"
        )
    else:
        type_html = f'<a href="{url}">{type_html}</a>'
    dates = _day(request.start_date)
    if request.start_afternoon:
        dates += " " + escape(_("(après-midi)"))
    if request.end_date != request.start_date:
        dates += " → " + _day(request.end_date)
    if request.end_morning:
        dates += " " + escape(_("(matin)"))
    return _ROW.format(
        employee=employee,
        type=type_html,
        dates=dates,
        amount=_amount(request.amount, request.leave_type.unit),
        status=status,
    )


@register.simple_tag(takes_context=True)
def request_rows(
    context: template.Context, requests: Iterable[LeaveRequest], show_employee: bool
) -> SafeString:
    """The `<tr>`s of `leave/partials/request_rows.html` (every value escaped here)."""
    reader = reader_of(context)
    marker = 987654321
    link = reverse("leave:request_detail", args=[marker])
    statuses: dict[str, str] = {}
    rows = []
    for request in requests:
        status = statuses.get(request.status)
        if status is None:
            badge = _BADGES.get(request.status, "text-bg-secondary")
            label = escape(request.get_status_display())
            status = statuses[request.status] = f'<span class="badge {badge}">{label}</span>'
        url = escape(link.replace(str(marker), str(request.pk)))
        rows.append(_row(request, reader.shown(request), url, status, bool(show_employee)))
    if not rows:
        empty = escape(_("Aucune demande."))
        return mark_safe(
            f'<tr><td colspan="5" class="text-center text-muted py-4">{empty}</td></tr>'
        )
    return mark_safe("".join(rows))  # escaped above


# --- The rows of the balances -------------------------------------------------------------


@register.simple_tag
def balance_rows(rows: Iterable[Any], types: list[Any]) -> SafeString:
    """The `<tr>`s of `leave/balances.html`: one employee a row, a balance per type (every
    value escaped here)."""
    marker = 987654321
    statement = reverse("leave:statement", args=[marker])
    new = escape(reverse("leave:request_new"))
    record = escape(_("Enregistrer un congé"))
    action = (
        '<td class="text-end text-nowrap"><a class="btn btn-sm btn-outline-primary" '
        f'href="{new}?salarie='
    )
    action_end = (
        f'" title="{record}"><i class="bi bi-plus-lg" aria-hidden="true"></i>'
        f'<span class="visually-hidden">{record}</span></a></td>'
    )
    out = []
    for row in rows:
        employee = row.employee
        pk = escape(employee.pk)
        url = escape(statement.replace(str(marker), str(employee.pk)))
        cells = []
        for leave_type in types:
            balance = row.balances.get(leave_type.pk)
            shown = escape(decimal_fr(balance.remaining)) if balance else "—"
            cells.append(f'<td class="text-end">{shown}</td>')
        out.append(
            f'<tr>\n    <td><a class="fw-semibold" href="{url}">{escape(employee.display_name)}'
            f'</a> <span class="small text-muted">{escape(employee.matricule)}</span></td>\n'
            f"    {''.join(cells)}\n    {action}{pk}{action_end}\n  </tr>"
        )
    if not out:
        empty = escape(_("Aucun salarié."))
        return mark_safe(
            f'<tr><td colspan="{len(types) + 2}" class="text-center text-muted py-4">'
            f"{empty}</td></tr>"
        )
    return mark_safe("".join(out))  # escaped above
