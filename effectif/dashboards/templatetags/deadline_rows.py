"""`{% deadline_rows deadlines labels today %}`: the `<li>`s of a list of deadlines (the to-do
and the home page's excerpt), written in Python: a large employer's to-do shows a hundred rows
a page, and the template included once per row cost more than the rest of the page's markup."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django import template
from django.template.defaultfilters import capfirst, date
from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from effectif.core.deadlines import Deadline

register = template.Library()


@register.simple_tag
def deadline_rows(
    deadlines: Iterable[Deadline], labels: Mapping[str, Any], today: dt.date
) -> SafeString:
    """One `<li>` a deadline: its day (and « en retard » before `today`), its title linking to
    its page, its kind's label and its rule (every value escaped here)."""
    overdue = f'<div class="badge text-bg-danger">{escape(_("en retard"))}</div>'
    days: dict[dt.date, str] = {}  # many deadlines fall on the same day
    out = []
    for deadline in deadlines:
        day = deadline.due_date
        if day not in days:
            days[day] = escape(capfirst(date(day, "D d/m/Y")))
        late = overdue if day < today else ""
        out.append(
            '<li class="list-group-item d-flex flex-wrap gap-2 align-items-start">\n'
            '  <div class="text-nowrap small fw-semibold" style="min-width: 7rem">'
            f"{days[day]}{late}</div>\n"
            '  <div style="flex: 1 1 14rem; min-width: 0">\n'
            f'    <a class="fw-semibold" href="{escape(deadline.url)}">{escape(deadline.title)}'
            '</a> <span class="badge text-bg-light border">'
            f"{escape(labels.get(deadline.kind, ''))}</span>\n"
            f'    <div class="small text-muted">{escape(deadline.rule)}</div>\n'
            "  </div>\n</li>\n"
        )
    return mark_safe("".join(out))  # escaped above
