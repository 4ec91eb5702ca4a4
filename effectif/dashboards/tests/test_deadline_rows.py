"""The rows of the to-do and of the home page's excerpt (`{% deadline_rows %}`) are written in
Python for speed: they must read exactly as the template they replace (a deadline overdue or
not, markup in its title, rule and link, a kind with or without a label, no deadline at all)."""

from __future__ import annotations

import datetime as dt

from django.template import engines
from django.utils.translation import gettext_lazy, override

from effectif.core.deadlines import Deadline

#: `dashboards/partials/deadline_row.html`, included once per deadline, as the pages wrote it.
TEMPLATE_ROW = """{% load i18n formats %}<li class="list-group-item d-flex flex-wrap gap-2 align-items-start">
  <div class="text-nowrap small fw-semibold" style="min-width: 7rem">{{ d.due_date|date:"D d/m/Y"|capfirst }}{% if d.due_date < today %}<div class="badge text-bg-danger">{% trans "en retard" %}</div>{% endif %}</div>
  <div style="flex: 1 1 14rem; min-width: 0">
    <a class="fw-semibold" href="{{ d.url }}">{{ d.title }}</a> <span class="badge text-bg-light border">{{ labels|get_item:d.kind }}</span>
    <div class="small text-muted">{{ d.rule }}</div>
  </div>
</li>
"""

TEMPLATE_ROWS = "{% for d in deadlines %}{% include row %}{% endfor %}"
PYTHON_ROWS = "{% load deadline_rows %}{% deadline_rows deadlines labels today %}"

TODAY = dt.date(2026, 6, 10)


def _deadline(due: dt.date, kind: str, title: str, rule: str, url: str) -> Deadline:
    return Deadline(due_date=due, kind=kind, title=title, rule=rule, url=url)


def test_the_deadline_rows_read_as_the_template_wrote_them():
    listed = [
        _deadline(
            TODAY - dt.timedelta(days=3),
            "trial",
            "Essai de <b>DUPONT</b> & Cie",
            "L1221-25",
            "/contrats/1/",
        ),
        _deadline(
            TODAY, "fixed_term", "Fin du contrat de D'ARC", "« L1243-8 »", "/contrats/2/?a=1&b=2"
        ),
        _deadline(TODAY, "fixed_term", "Fin du contrat de MARTIN", "L1234-19", "/contrats/3/"),
        _deadline(TODAY + dt.timedelta(days=40), "unknown", "Sans libellé", "", '/x/"y"/'),
    ]
    labels = {"trial": gettext_lazy("Périodes d'essai"), "fixed_term": "Contrats <à terme>"}
    row = engines["django"].from_string(TEMPLATE_ROW)
    for deadlines in (listed, []):
        context = {"deadlines": deadlines, "labels": labels, "today": TODAY, "row": row}
        with override("fr"):
            expected = engines["django"].from_string(TEMPLATE_ROWS).render(context)
            assert engines["django"].from_string(PYTHON_ROWS).render(context) == expected
        assert "Essai de &lt;b&gt;DUPONT&lt;/b&gt; &amp; Cie" in expected or not deadlines
        assert expected.count("en retard") == (1 if deadlines else 0)
