"""The departure workflows through their services: legal delays refused with their article,
the notice and the last day computed, amounts, the contract ended, the file closed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from effectif.contracts.tests.factories import hire
from effectif.core.models import AuditEntry
from effectif.departures.models import Departure, Status
from effectif.departures.services import (
    departure_close,
    departure_end_contract,
    departure_start,
    departure_update,
)
from effectif.departures.workflows import Reason
from effectif.employees.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_an_interview_too_close_to_the_convocation_is_refused(dismissal, hr_manager):
    with pytest.raises(ValidationError) as error:
        departure_update(
            departure=dismissal,
            values={"convocation_date": date(2026, 3, 2), "interview_date": date(2026, 3, 6)},
            by=hr_manager,
        )
    message = error.value.message_dict["interview_date"][0]
    assert "L1232-2" in message
    assert "10/03/2026" in message
    dismissal.refresh_from_db()
    assert dismissal.convocation_date is None  # nothing half-written


def test_a_notification_too_soon_after_the_interview_is_refused(dismissal, hr_manager):
    with pytest.raises(ValidationError) as error:
        departure_update(
            departure=dismissal,
            values={
                "convocation_date": date(2026, 3, 2),
                "interview_date": date(2026, 3, 10),
                "notification_date": date(2026, 3, 11),
            },
            by=hr_manager,
        )
    assert "L1232-6" in error.value.message_dict["notification_date"][0]


def test_notice_and_amounts_of_a_dismissal(notified):
    # Hired 1 January 2024, letter presented 16 March 2026: 2 years of seniority → 2 months of
    # notice (L1234-1), 16 March to 15 May 2026.
    assert notified.notice_label == "2 mois"
    assert (notified.notice_start_date, notified.notice_end_date) == (
        date(2026, 3, 16),
        date(2026, 5, 15),
    )
    assert notified.end_date == notified.last_working_date == date(2026, 5, 15)
    # Reference 2 200 € (factory pay); 2 years 4 months 15 days at the end of the notice →
    # (2 + 4/12) × 2 200 / 4 = 1 283,33 €.
    assert notified.reference_salary_amount == Decimal("2200.00")
    assert notified.severance_amount == Decimal("1283.33")
    assert "L1234-9" in notified.amounts_basis["indemnite"]


def test_a_departure_before_the_hire_is_refused(world, hr_manager):
    with pytest.raises(ValidationError) as error:
        departure_start(
            contract=world.contract,
            reason=Reason.RESIGNATION,
            by=hr_manager,
            values={"notification_date": date(2023, 12, 1), "end_date": date(2023, 12, 31)},
        )
    assert "précéder l'embauche" in error.value.message_dict["notification_date"][0]
    assert not Departure.objects.exists()


def test_ending_the_contract_sets_its_end_and_dsn_reason(notified, hr_manager):
    departure = departure_end_contract(departure=notified, by=hr_manager)
    assert departure.status == Status.ENDED
    contract = departure.contract
    contract.refresh_from_db()
    assert (contract.end_date, contract.end_reason) == (date(2026, 5, 15), "020")


def test_the_file_closes_only_with_its_certificate(notified, hr_manager):
    departure = departure_end_contract(departure=notified, by=hr_manager)
    with pytest.raises(ValidationError, match="L1234-19"):
        departure_close(departure=departure, by=hr_manager, today=date(2026, 6, 1))


def test_a_gross_misconduct_ends_at_the_notification_without_indemnity(world, hr_manager):
    departure = departure_start(
        contract=world.contract,
        reason=Reason.DISMISSAL_GROSS,
        by=hr_manager,
        values={
            "convocation_date": date(2026, 3, 2),
            "interview_date": date(2026, 3, 10),
            "notification_date": date(2026, 3, 13),
        },
    )
    assert departure.end_date == date(2026, 3, 13)
    assert departure.severance_amount == Decimal("0.00")
    assert departure.notice_label == "aucun"


def test_a_rupture_conventionnelle_withdrawn_within_fifteen_days(world, hr_manager):
    departure = departure_start(
        contract=world.contract,
        reason=Reason.CONVENTIONAL,
        by=hr_manager,
        values={
            "interview_date": date(2026, 3, 2),
            "signature_date": date(2026, 3, 3),
            "end_date": date(2026, 4, 30),
        },
    )
    with pytest.raises(ValidationError, match="L1237-13"):
        departure_update(
            departure=departure,
            values={"withdrawn_date": date(2026, 3, 20), "withdrawn_by": "salarie"},
            by=hr_manager,
        )
    withdrawn = departure_update(
        departure=departure,
        values={"withdrawn_date": date(2026, 3, 18), "withdrawn_by": "salarie"},
        by=hr_manager,
    )
    assert withdrawn.status == Status.CANCELLED


def test_a_rupture_conventionnelle_homologation_and_its_minimum(world, hr_manager):
    departure = departure_start(
        contract=world.contract,
        reason=Reason.CONVENTIONAL,
        by=hr_manager,
        values={
            "interview_date": date(2026, 3, 2),
            "signature_date": date(2026, 3, 3),
            "end_date": date(2026, 4, 30),
        },
    )
    with pytest.raises(ValidationError) as error:
        departure_update(
            departure=departure,
            values={"homologation_request_date": date(2026, 3, 18)},
            by=hr_manager,
        )
    assert "19/03/2026" in error.value.message_dict["homologation_request_date"][0]
    with pytest.raises(ValidationError) as error:
        departure_update(
            departure=departure, values={"agreed_indemnity_amount": Decimal(100)}, by=hr_manager
        )
    assert "L1237-13" in error.value.message_dict["agreed_indemnity_amount"][0]
    # Request received 20 March: tacit homologation 8 April; 7 April is refused as end date.
    with pytest.raises(ValidationError, match="09/04/2026"):
        departure_update(
            departure=departure,
            values={"homologation_request_date": date(2026, 3, 20), "end_date": date(2026, 4, 7)},
            by=hr_manager,
        )


def test_a_dismissal_of_a_cdd_is_refused(world, hr_manager):
    person = EmployeeFactory(employer=world.employer)
    contract = hire(person, start=date(2026, 1, 5), end=date(2026, 6, 30), kind="cdd")
    with pytest.raises(ValidationError, match="L1243-1"):
        departure_start(contract=contract, reason=Reason.DISMISSAL, by=hr_manager)


def test_end_of_cdd_indemnity(world, hr_manager):
    person = EmployeeFactory(employer=world.employer)
    contract = hire(person, start=date(2026, 1, 1), end=date(2026, 6, 30), kind="cdd")
    departure = departure_start(contract=contract, reason=Reason.END_OF_CDD, by=hr_manager)
    # 6 months of 2 200 € = 13 200 € → 10 % = 1 320 € (L1243-8).
    assert departure.end_date == date(2026, 6, 30)
    assert departure.cdd_indemnity_amount == Decimal("1320.00")


def test_every_change_is_audited(notified):
    assert (
        AuditEntry.objects.filter(
            target_type="departures.Departure", target_id=str(notified.pk)
        ).count()
        == 2
    )


def test_untaken_paid_leave_is_valued_the_more_favourable_way(world, hr_manager, dismissal):
    from effectif.leave.defaults import leave_types_install_defaults
    from effectif.leave.models import Category
    from effectif.leave.services import ledger_adjust

    types = leave_types_install_defaults(employer=world.employer, by=hr_manager)
    paid = next(t for t in types if t.category == Category.PAID_LEAVE)
    ledger_adjust(
        employee=world.member,
        leave_type=paid,
        amount=Decimal(25),
        entry_date=date(2025, 6, 30),
        label="Reprise de solde",
        by=hr_manager,
    )
    departure = departure_update(
        departure=dismissal,
        values={
            "convocation_date": date(2026, 3, 2),
            "interview_date": date(2026, 3, 10),
            "notification_date": date(2026, 3, 13),
            "notification_received_date": date(2026, 3, 16),
        },
        by=hr_manager,
    )
    # 25 days left on 15 May 2026 (L3141-28). Tenth: pay from 1 June 2025 to 15 May 2026 =
    # 11 × 2 200 + 2 200 × 15/31 = 25 264,52 → 10 % × 25/25 = 2 526,45; maintien:
    # 2 200 × 25 / 26 = 2 115,38; the tenth is more favourable.
    assert departure.leave_days == Decimal(25)
    assert departure.leave_indemnity_amount == Decimal("2526.45")
    assert "dixième" in departure.amounts_basis["conges"]


def test_departures_in_the_hr_to_do(notified, hr_assistant, outsider):
    from effectif.core.deadlines import deadlines

    found = deadlines.collect(hr_assistant, date(2026, 1, 1), date(2026, 12, 31), ["departure"])
    assert [d.due_date for d in found] == [date(2026, 5, 15)]
    assert not deadlines.collect(outsider, date(2026, 1, 1), date(2026, 12, 31), ["departure"])
