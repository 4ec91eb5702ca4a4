"""Two approvers acting on the same expense report at once. Each line carries a version,
sent back by the decision form (and the API): a decision made on a line that changed since it
was read is refused in French, naming who changed it, and writes nothing; a report already
approved, checked or refused by someone else is not decided a second time."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from effectif.core.models import AuditAction, AuditEntry
from effectif.travel.models import ExpenseLine, ExpenseReport, ExpenseStatus, LineDecision
from effectif.travel.services.expenses import (
    line_decide,
    report_approve,
    report_check,
    report_reject,
    report_submit,
)
from effectif.travel.tests.builders import meal, report_with
from effectif.travel.tests.racing import together

CHANGED_BY_RITA = (
    "Cette ligne a été modifiée par Rita Rh entre-temps : rechargez la page pour voir sa "
    "décision actuelle avant de décider."
)


@pytest.fixture
def to_check(world, employee_user, manager_user):
    """A report the manager approved: HR check it and may still decide its lines."""
    report = report_with(world.member, employee_user, meal("32.00"))
    report_submit(report=report, by=employee_user)
    return report_approve(report=report, by=manager_user)


def _line_audits(line):
    return AuditEntry.objects.filter(
        target_type="travel.ExpenseLine", target_id=str(line.pk), action=AuditAction.UPDATE
    )


def _report_audits(report, detail):
    return AuditEntry.objects.filter(
        target_type="travel.ExpenseReport", target_id=str(report.pk), detail=detail
    )


# --- a line --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_second_decision_on_a_line_read_before_the_first_is_refused(
    to_check, hr_manager, hr_assistant
):
    read = to_check.lines.get()  # both HR users opened the page: the same version
    audits = _line_audits(read).count()
    first = line_decide(
        line=read,
        decision=LineDecision.REDUCED,
        accepted_amount=Decimal("21.40"),
        comment="Plafond URSSAF",
        version=read.version,
        by=hr_manager,
    )
    assert first.version == read.version + 1
    with pytest.raises(ValidationError) as refused:
        line_decide(
            line=read,
            decision=LineDecision.REJECTED,
            comment="Pas de justificatif lisible",
            version=read.version,
            by=hr_assistant,
        )
    assert refused.value.message_dict == {"version": [CHANGED_BY_RITA]}
    line = ExpenseLine.objects.get(pk=read.pk)
    assert (line.decision, line.accepted_amount) == (LineDecision.REDUCED, Decimal("21.40"))
    assert line.decided_by == hr_manager
    assert _line_audits(line).count() == audits + 1
    # Reloaded, the second approver decides on what is there now.
    again = line_decide(
        line=line,
        decision=LineDecision.REJECTED,
        comment="Pas de justificatif lisible",
        version=line.version,
        by=hr_assistant,
    )
    assert again.decision == LineDecision.REJECTED


@pytest.mark.django_db
def test_a_line_accepted_by_the_approval_meanwhile_is_a_change(
    world, employee_user, manager_user, hr_manager
):
    report = report_with(world.member, employee_user, meal("32.00"))
    report_submit(report=report, by=employee_user)
    read = report.lines.get()
    report_approve(report=report, by=manager_user)  # undecided lines accepted as they are
    with pytest.raises(ValidationError) as refused:
        line_decide(
            line=read,
            decision=LineDecision.REJECTED,
            comment="Doublon",
            version=read.version,
            by=hr_manager,
        )
    assert "modifiée par Max Manager entre-temps" in refused.value.messages[0]


def _decision_post(line, **values):
    prefix = f"l{line.pk}"
    return {f"{prefix}-{name}": value for name, value in values.items()}


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [True, False])
def test_two_hr_pages_deciding_the_same_line(to_check, hr_manager, hr_assistant, client_for, htmx):
    page = reverse("travel:report", args=[to_check.pk])
    rita, gil = client_for(hr_manager), client_for(hr_assistant)
    forms = [client.get(page).context["forms"] for client in (rita, gil)]
    line = to_check.lines.get()
    versions = [f[line.pk]["version"].value() for f in forms]
    assert versions == [line.version, line.version]
    url = reverse("travel:line_decide", args=[to_check.pk, line.pk])
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    done = rita.post(
        url,
        _decision_post(
            line,
            decision="reduite",
            accepted_amount="21,40",
            comment="Plafond URSSAF",
            version=versions[0],
        ),
        **headers,
    )
    assert done.status_code in (200, 302)
    late = gil.post(
        url,
        _decision_post(line, decision="rejetee", comment="Illisible", version=versions[1]),
        **headers,
    )
    line.refresh_from_db()
    assert (line.decision, line.decided_by) == (LineDecision.REDUCED, hr_manager)
    if htmx:
        body = late.content.decode()
        assert "modifiée par Rita Rh entre-temps" in body
        # The row shows the line as it is now, with the form on its current version.
        assert "Plafond URSSAF" in body
        assert f'name="l{line.pk}-version" value="{line.version}"' in body
    else:
        assert late.status_code == 302
        messages = [str(m) for m in get_messages(late.wsgi_request)]
        assert CHANGED_BY_RITA in messages


@pytest.mark.django_db
def test_a_decision_form_without_its_version_is_refused(to_check, hr_manager, client_for):
    line = to_check.lines.get()
    response = client_for(hr_manager).post(
        reverse("travel:line_decide", args=[to_check.pk, line.pk]),
        _decision_post(line, decision="acceptee"),
        HTTP_HX_REQUEST="true",
    )
    assert "Rechargez la page" in response.content.decode()
    line.refresh_from_db()
    assert line.decision == LineDecision.ACCEPTED  # as the manager's approval left it
    assert line.decided_by.username == "manager-test"


@pytest.mark.django_db(transaction=True)
def test_two_hr_deciding_the_same_line_at_once(to_check, hr_manager, hr_assistant):
    read = to_check.lines.get()
    outcomes = together(
        [
            lambda: line_decide(
                line=read,
                decision=LineDecision.REDUCED,
                accepted_amount=Decimal("21.40"),
                comment="Plafond URSSAF",
                version=read.version,
                by=hr_manager,
            ),
            lambda: line_decide(
                line=read,
                decision=LineDecision.REJECTED,
                comment="Illisible",
                version=read.version,
                by=hr_assistant,
            ),
        ]
    )
    assert [o.error for o in outcomes] == ["", ""]
    won = [o for o in outcomes if not o.refused]
    lost = [o for o in outcomes if o.refused]
    assert len(won) == 1
    assert len(lost) == 1
    assert "entre-temps : rechargez la page" in lost[0].refused
    line = ExpenseLine.objects.get(pk=read.pk)
    assert line.decided_by == won[0].value.decided_by
    assert line.version == read.version + 1


# --- the report ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_report_checked_meanwhile_is_not_checked_again(to_check, hr_manager, hr_assistant):
    seen_by_gil = ExpenseReport.objects.get(pk=to_check.pk)
    report_check(report=ExpenseReport.objects.get(pk=to_check.pk), by=hr_manager)
    with pytest.raises(ValidationError) as refused:
        report_check(report=seen_by_gil, by=hr_assistant)
    assert refused.value.message_dict == {
        "status": [
            "Cette note de frais a changé entre-temps : elle est maintenant « Contrôlée, à "
            "rembourser ». Rechargez la page avant d'agir."
        ]
    }
    to_check.refresh_from_db()
    assert to_check.checked_by == hr_manager
    assert _report_audits(to_check, "Note de frais contrôlée").count() == 1


@pytest.mark.django_db
def test_a_report_refused_meanwhile_is_not_approved(world, employee_user, manager_user, hr_manager):
    report = report_with(world.member, employee_user, meal("32.00"))
    report_submit(report=report, by=employee_user)
    seen = ExpenseReport.objects.get(pk=report.pk)
    report_reject(report=ExpenseReport.objects.get(pk=report.pk), by=manager_user, comment="Non")
    with pytest.raises(ValidationError, match="elle est maintenant « Refusée »"):
        report_approve(report=seen, by=manager_user)
    report.refresh_from_db()
    assert report.status == ExpenseStatus.REJECTED


@pytest.mark.django_db
def test_the_check_button_sent_twice_checks_once(to_check, hr_manager, client_for):
    client = client_for(hr_manager)
    url = reverse("travel:report_check", args=[to_check.pk])
    assert client.post(url).status_code == 302
    again = client.post(url)
    assert again.status_code in (302, 403)
    assert _report_audits(to_check, "Note de frais contrôlée").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_hr_checking_the_same_report_at_once(to_check, hr_manager, hr_assistant):
    seen = [ExpenseReport.objects.get(pk=to_check.pk) for _ in range(2)]
    outcomes = together(
        [
            lambda: report_check(report=seen[0], by=hr_manager),
            lambda: report_check(report=seen[1], by=hr_assistant),
        ]
    )
    assert [o.error for o in outcomes] == ["", ""]
    assert sorted(bool(o.refused) for o in outcomes) == [False, True]
    assert "a changé entre-temps" in next(o.refused for o in outcomes if o.refused)
    assert _report_audits(to_check, "Note de frais contrôlée").count() == 1
