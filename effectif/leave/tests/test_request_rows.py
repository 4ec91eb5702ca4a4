"""The rows of the lists of requests (`{% request_rows %}`) and of the balances
(`{% balance_rows %}`) are written in Python for speed: they must read exactly as the
templates they replace (for every status, half day, unit, type the reader may or may not read,
list with or without the employee, balance or none); and the lists run a fixed number of
queries whatever their number of rows."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse

from effectif.employees.tests.factories import EmployeeFactory
from effectif.leave.models import LeaveRequest, Status
from effectif.leave.selectors import as_rows
from effectif.leave.tests.factories import LeaveRequestFactory

pytestmark = pytest.mark.django_db

#: `leave/partials/request_rows.html` as it was, a template per row and three included ones.
TEMPLATE_ROWS = """{% load i18n leave_types %}{% for r in requests %}
    <tr>
      {% if show_employee %}<td><a class="fw-semibold" href="{% url 'leave:request_detail' r.pk %}">{{ r.employee.display_name }}</a><div class="small text-muted">{{ r.employee.department.name|default:"" }}</div></td>{% endif %}
      <td>{% shown_type r as t %}{% if show_employee %}{% include "leave/partials/type.html" %}{% else %}<a href="{% url 'leave:request_detail' r.pk %}">{% include "leave/partials/type.html" %}</a>{% endif %}</td>
      <td class="text-nowrap small">{{ r.start_date|date:"d/m/Y" }}{% if r.start_afternoon %} {% trans "(après-midi)" %}{% endif %}{% if r.end_date != r.start_date %} → {{ r.end_date|date:"d/m/Y" }}{% endif %}{% if r.end_morning %} {% trans "(matin)" %}{% endif %}</td>
      <td class="text-end text-nowrap">{% include "leave/partials/amount.html" with value=r.amount unit=r.leave_type.unit %}</td>
      <td>{% include "leave/partials/status.html" %}</td>
    </tr>
  {% empty %}<tr><td colspan="5" class="text-center text-muted py-4">{% trans "Aucune demande." %}</td></tr>{% endfor %}"""

PYTHON_ROWS = "{% load leave_types %}{% request_rows requests show_employee %}"


def _render(source, user, requests, show_employee):
    request = RequestFactory().get("/")
    request.user = user
    context = {"requests": requests, "show_employee": show_employee}
    return engines["django"].from_string(source).render(context, request)


@pytest.fixture
def varied(world, types):
    """Requests of every status, whole and half days, in days and in hours, of natures shown
    to managers and not, of someone without a department and with markup in their name."""
    nameless = EmployeeFactory(
        employer=world.employer, department=None, last_name="<b>O'Hara & fils</b>"
    )
    day = date(2026, 6, 8)
    made = []
    for n, (employee, code, status, extra) in enumerate(
        [
            (world.member, "cp", Status.APPROVED, {}),
            (world.member, "maladie", Status.SUBMITTED, {"end_morning": True}),
            (world.colleague, "rtt", Status.REJECTED, {"start_afternoon": True}),
            (world.manager_file, "cp", Status.CANCELLED, {"start_afternoon": True}),
            (nameless, "repos", Status.SUBMITTED, {"hours": Decimal("3.5")}),
            (nameless, "at_mp", Status.APPROVED, {}),
        ]
    ):
        start = day + timedelta(days=7 * n)
        end = start if n % 2 else start + timedelta(days=3)
        made.append(
            LeaveRequestFactory(
                employee=employee,
                leave_type=types[code],
                start_date=start,
                end_date=end,
                amount=Decimal("3.5") if "hours" in extra else Decimal("2.5"),
                status=status,
                **extra,
            )
        )
    return LeaveRequest.objects.filter(pk__in=[r.pk for r in made]).select_related(
        "employee__department", "leave_type"
    )


@pytest.mark.parametrize("show_employee", [True, False])
@pytest.mark.parametrize("who", ["hr_manager", "manager_user", "employee_user"])
def test_the_rows_read_as_the_template_wrote_them(request, varied, who, show_employee):
    user = request.getfixturevalue(who)
    expected = _render(TEMPLATE_ROWS, user, list(varied), show_employee)
    assert _render(PYTHON_ROWS, user, list(varied), show_employee) == expected
    # The lists read only the fields their rows show.
    assert _render(PYTHON_ROWS, user, list(as_rows(varied)), show_employee) == expected
    assert "&lt;B&gt;O&#x27;HARA &amp; FILS&lt;/B&gt;" in expected or not show_employee


def test_an_empty_list_reads_as_the_template_wrote_it(hr_manager):
    assert _render(PYTHON_ROWS, hr_manager, [], True) == _render(
        TEMPLATE_ROWS, hr_manager, [], True
    )


def _requests(world, types, count):
    for n in range(count):
        LeaveRequestFactory(
            employee=world.member,
            leave_type=types["cp"],
            start_date=date(2026, 7, 1) + timedelta(days=n),
            status=Status.SUBMITTED,
        )


def test_the_lists_run_as_many_queries_for_forty_rows_as_for_two(
    world, types, client_for, hr_manager, manager_user, employee_user, django_assert_max_num_queries
):
    pages = [
        (hr_manager, reverse("leave:requests"), {}),
        (manager_user, reverse("leave:requests"), {"statut": "submitted"}),
        (employee_user, reverse("leave:mine"), {}),
    ]
    _requests(world, types, 2)
    counts = []
    for user, url, query in pages:
        client = client_for(user)
        client.get(url, query)  # the session, the menu's caches
        with django_assert_max_num_queries(1000) as captured:
            assert client.get(url, query).status_code == 200
        counts.append(len(captured))
    _requests(world, types, 40)
    for (user, url, query), count in zip(pages, counts, strict=True):
        client = client_for(user)
        client.get(url, query)
        with django_assert_max_num_queries(count):
            response = client.get(url, query)
        assert response.content.decode().count("<tr>") >= 20


#: The rows of `leave/balances.html` as the template wrote them.
TEMPLATE_BALANCES = """{% load i18n formats %}{% for row in rows %}<tr>
    <td><a class="fw-semibold" href="{% url 'leave:statement' row.employee.pk %}">{{ row.employee.display_name }}</a> <span class="small text-muted">{{ row.employee.matricule }}</span></td>
    {% for t in types %}<td class="text-end">{% with b=row.balances|get_item:t.pk %}{% if b %}{{ b.remaining|decimal_fr }}{% else %}—{% endif %}{% endwith %}</td>{% endfor %}
    <td class="text-end text-nowrap"><a class="btn btn-sm btn-outline-primary" href="{% url 'leave:request_new' %}?salarie={{ row.employee.pk }}" title="{% trans 'Enregistrer un congé' %}"><i class="bi bi-plus-lg" aria-hidden="true"></i><span class="visually-hidden">{% trans "Enregistrer un congé" %}</span></a></td>
  </tr>{% empty %}<tr><td colspan="{{ types|length|add:2 }}" class="text-center text-muted py-4">{% trans "Aucun salarié." %}</td></tr>{% endfor %}"""

PYTHON_BALANCES = "{% load leave_types %}{% balance_rows rows types %}"


def test_the_balance_rows_read_as_the_template_wrote_them(world, types):
    marked = EmployeeFactory(employer=world.employer, last_name="<i>D'Arc & Cie</i>")
    shown = [types["cp"], types["rtt"], types["repos"]]
    rows = [
        SimpleNamespace(
            employee=world.member,
            balances={
                types["cp"].pk: SimpleNamespace(remaining=Decimal("1234.5")),
                types["repos"].pk: SimpleNamespace(remaining=Decimal("-2")),
            },
        ),
        SimpleNamespace(employee=marked, balances={types["rtt"].pk: SimpleNamespace(remaining=0)}),
        SimpleNamespace(employee=world.colleague, balances={}),
    ]
    for listed in (rows, []):
        context = {"rows": listed, "types": shown}
        expected = engines["django"].from_string(TEMPLATE_BALANCES).render(context)
        assert engines["django"].from_string(PYTHON_BALANCES).render(context) == expected
        assert "&lt;I&gt;D&#x27;ARC &amp; CIE&lt;/I&gt;" in expected or not listed
