from __future__ import annotations

import pytest

from effectif.core.testing import browser_login

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role_user", ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user"]
)
def test_every_role_gets_the_home_page(request, client_for, role_user) -> None:
    user = request.getfixturevalue(role_user)
    response = client_for(user).get("/")
    assert response.status_code == 200
    assert "Bonjour" in response.content.decode()


@pytest.mark.browser
def test_a_user_logs_in_and_out_in_the_browser(page, hr_manager) -> None:
    browser_login(page, "rh-test")
    assert page.get_by_role("heading", name="Bonjour Rita").is_visible()
    page.get_by_role("button", name="Déconnexion").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Connexion").is_visible()


def test_the_hr_summary_counts_the_contracts_ending_within_a_month(world, hr_manager) -> None:
    """Trials (their renewal's end when renewed) and contracts with a term but CDIs ending in
    the next 30 days, of the employers in scope only."""
    from datetime import date

    from effectif.contracts.tests.factories import hire
    from effectif.dashboards.selectors import home_summary
    from effectif.employees.tests.factories import EmployeeFactory

    today = date(2026, 6, 10)

    def contract(employer, **fields):
        made = hire(EmployeeFactory(employer=employer), start=date(2026, 3, 2))
        for name, value in fields.items():
            setattr(made, name, value)
        made.save()
        return made

    a, b = world.employer, world.stranger.employer
    contract(a, trial_end_date=date(2026, 6, 20))  # trial ending: counted
    contract(a, trial_end_date=date(2026, 6, 9))  # ended yesterday
    contract(a, trial_end_date=date(2026, 6, 12), trial_renewed=True)  # renewed until…
    contract(
        a, trial_end_date=date(2026, 5, 1), trial_renewed=True, trial_renewal_end_date=today
    )  # …its renewal's end, today: counted
    contract(a, kind="cdd", end_date=date(2026, 7, 10))  # the 30th day: counted
    contract(a, kind="cdd", end_date=date(2026, 7, 11))  # too late
    contract(a, kind="cdi", end_date=date(2026, 6, 30))  # a CDI ending is not a term
    contract(a, kind="interim", end_date=date(2026, 6, 15), trial_end_date=date(2026, 6, 11))
    contract(b, kind="cdd", end_date=date(2026, 6, 15), trial_end_date=date(2026, 6, 15))
    summary = home_summary(hr_manager, today)
    assert (summary["trials_ending"], summary["fixed_terms_ending"]) == (3, 2)
    assert summary["is_hr"]
    assert summary["own"] is None


def test_the_home_page_reads_the_users_own_file_once(client_for, world, employee_user) -> None:
    """The summary's own file is the one the menu asks for (`user.employee`): one query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client_for(employee_user).get("/")
    assert response.status_code == 200
    reads = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].startswith('SELECT "employees_employee"."id"')
        and '"employees_employee"."user_id" =' in query["sql"]
    ]
    assert len(reads) == 1, reads
    assert "Votre dossier du personnel" in response.content.decode()
