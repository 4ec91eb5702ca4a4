"""Expense reports through their services: references, lines and their bad input (French
errors, nothing written), mileage on the year's cumulative bands, the checks stored at
submission, per-line decisions, HR's check with the exempt/taxable split and the advance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from effectif.core.models import AuditAction, AuditEntry
from effectif.travel.models import (
    ExpenseCategory,
    ExpenseLine,
    ExpenseStatus,
    LineDecision,
    TravelPolicy,
)
from effectif.travel.services.checking import reports_check
from effectif.travel.services.expenses import (
    LineInput,
    line_decide,
    line_delete,
    line_save,
    prior_mileage_km,
    report_approve,
    report_check,
    report_create,
    report_reject,
    report_submit,
)
from effectif.travel.tests.builders import (
    DAY,
    PNG,
    approved_trip,
    checked_report,
    meal,
    mileage,
    pdf,
    report_with,
    vehicle,
)

pytestmark = pytest.mark.django_db


def codes(line: ExpenseLine) -> set[str]:
    return {a["code"] for a in line.anomalies}


def test_references_are_numbered_per_employer_and_year(world, employee_user, hr_manager):
    first = report_create(employee=world.member, title="Janvier", by=employee_user)
    second = report_create(employee=world.member, title="Février", by=employee_user)
    year = timezone.localdate().year
    assert first.reference == f"NF-{year}-0001"
    assert second.reference == f"NF-{year}-0002"
    stranger = report_create(employee=world.stranger, title="B", by=hr_manager_for_b(world))
    assert stranger.reference == f"NF-{year}-0001"
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, target_id=str(first.pk), target_type="travel.ExpenseReport"
    ).exists()


def hr_manager_for_b(world):
    from effectif.accounts.models import User
    from effectif.core.roles import Role
    from effectif.organisation.tests.factories import grant

    user = User.objects.create(username="rh-b", role=Role.HR_MANAGER)
    grant(user, world.other_employer)
    return user


def test_a_colleague_cannot_write_someone_elses_report(world, manager_user):
    with pytest.raises(PermissionDenied):
        report_create(employee=world.member, title="Pas à moi", by=manager_user)


def test_a_meal_with_its_receipt(world, employee_user):
    report = report_with(world.member, employee_user, meal("18.50", vat_amount=Decimal("1.68")))
    line = report.lines.get()
    assert line.amount == Decimal("18.50")
    assert line.vat_amount == Decimal("1.68")
    assert line.receipt.name.startswith(f"justificatifs/{world.employer.pk}/")
    assert line.receipt.read().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("data", "receipt", "field", "message"),
    [
        (meal("-12"), None, "amount", "négatif"),
        (meal("12", on=timezone.localdate() + dt.timedelta(days=3)), None, "expense_date", "futur"),
        (meal("12", vat_amount=Decimal("13")), None, "vat_amount", "dépasser le montant TTC"),
        (meal("12", vat_amount=Decimal("-1")), None, "vat_amount", "négative"),
        (
            meal("12"),
            SimpleUploadedFile("ticket.pdf", b"MZ\x90\x00 not a pdf"),
            "receipt",
            "ne correspond pas",
        ),
        (meal("12"), SimpleUploadedFile("ticket.exe", b"MZ"), "receipt", "PDF, PNG et JPEG"),
        (
            LineInput(
                category=ExpenseCategory.MEAL,
                expense_date=DAY,
                meal_kind="restaurant",
                currency="USD",
                original_amount=Decimal("20"),
            ),
            None,
            "exchange_rate",
            "taux de change",
        ),
        (meal("12", meal_kind=""), None, "meal_kind", "type de repas"),
    ],
)
def test_bad_input_is_refused_in_french_and_writes_nothing(
    world, employee_user, data, receipt, field, message
):
    report = report_create(employee=world.member, title="Salon", by=employee_user)
    with pytest.raises(ValidationError) as error:
        line_save(report=report, data=data, receipt=receipt, by=employee_user)
    assert message in " ".join(error.value.message_dict[field])
    assert not ExpenseLine.objects.exists()


def test_a_mileage_lines_attachment_is_checked_like_any_receipt(world, employee_user):
    car = vehicle(world.member, power=5)
    report = report_create(employee=world.member, title="Salon", by=employee_user)
    fake = SimpleUploadedFile("itineraire.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(ValidationError) as error:
        line_save(report=report, data=mileage(car, "120"), receipt=fake, by=employee_user)
    assert "ne correspond pas" in " ".join(error.value.message_dict["receipt"])
    assert not ExpenseLine.objects.exists()


def test_a_receipt_too_large_is_refused(world, employee_user, settings):
    settings.EFFECTIF_MAX_DOCUMENT_BYTES = 1024 * 1024
    report = report_create(employee=world.member, title="Salon", by=employee_user)
    big = SimpleUploadedFile("photo.png", PNG + b"\x00" * (2 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        line_save(report=report, data=meal("12"), receipt=big, by=employee_user)
    assert "dépasse 1 Mo" in error.value.message_dict["receipt"][0]
    assert not ExpenseLine.objects.exists()


def test_a_foreign_currency_is_converted_at_the_rate_given(world, employee_user):
    data = LineInput(
        category=ExpenseCategory.TRANSPORT,
        expense_date=DAY,
        merchant="Yellow Cab",
        currency="usd",
        original_amount=Decimal("45.00"),
        exchange_rate=Decimal("0.92"),
    )
    report = report_with(world.member, employee_user, data)
    line = report.lines.get()
    assert (line.currency, line.amount) == ("USD", Decimal("41.40"))
    assert "45,00 USD × 0,92" in line.computation  # the rate written in French


def test_mileage_follows_the_years_cumulative_bands_across_two_reports(world, employee_user):
    car = vehicle(world.member, power=5)
    first = report_with(world.member, employee_user, mileage(car, "4900", on=DAY))
    assert first.lines.get().amount == Decimal("3116.40")  # 4 900 × 0,636
    report_submit(report=first, by=employee_user)
    second = report_with(
        world.member, employee_user, mileage(car, "200", on=DAY + dt.timedelta(days=5))
    )
    line = second.lines.get()
    # annual(5 100) − annual(4 900) = (5 100 × 0,357 + 1 395) − 4 900 × 0,636 (arrêté 27/03/2023)
    assert line.amount == Decimal("99.30")
    assert "cumul de l'année porté de 4 900 à 5 100 km" in line.computation
    assert prior_mileage_km(world.member.pk, DAY + dt.timedelta(days=5), line.pk) == Decimal("4900")


def test_a_rejected_reports_kilometres_do_not_count(world, employee_user, manager_user):
    car = vehicle(world.member, power=5)
    first = report_with(world.member, employee_user, mileage(car, "4900"))
    report_submit(report=first, by=employee_user)
    report_reject(report=first, by=manager_user, comment="Trajets domicile-travail")
    second = report_with(
        world.member, employee_user, mileage(car, "200", on=DAY + dt.timedelta(days=5))
    )
    assert second.lines.get().amount == Decimal("127.20")  # 200 × 0,636, from zero


def test_an_electric_car_gets_twenty_percent_more(world, employee_user):
    car = vehicle(world.member, power=5, electric=True)
    report = report_with(world.member, employee_user, mileage(car, "100"))
    assert report.lines.get().amount == Decimal("76.32")  # 100 × 0,636 × 1,2


def test_mileage_needs_a_vehicle_of_the_employee(world, employee_user):
    others = vehicle(world.colleague)
    report = report_create(employee=world.member, title="Salon", by=employee_user)
    with pytest.raises(ValidationError) as error:
        line_save(report=report, data=mileage(others, "10"), by=employee_user)
    assert "véhicule" in error.value.message_dict["vehicle"][0]


def test_submission_stores_the_anomalies(world, employee_user):
    saturday = DAY + dt.timedelta(days=2)
    report = report_with(
        world.member,
        employee_user,
        meal("32.00"),
        meal("15.00", on=saturday, merchant="Café"),
    )
    line_save(
        report=report,
        data=LineInput(
            category=ExpenseCategory.TOLLS_PARKING, expense_date=DAY, amount=Decimal("7.50")
        ),
        by=employee_user,
    )
    report_submit(report=report, by=employee_user)
    lines = list(report.lines.order_by("pk"))
    over, weekend, toll = lines
    assert codes(over) == {"au_dela_urssaf"}
    assert "21,40" in over.anomalies[0]["message"]
    assert over.anomalies[0]["excess"] == "10.60"
    assert codes(weekend) == {"week_end"}
    assert codes(toll) == {"sans_justificatif"}
    report.refresh_from_db()
    assert report.status == ExpenseStatus.SUBMITTED
    assert report.submitted_at is not None


def test_duplicates_are_found_across_reports(world, employee_user):
    first = report_with(world.member, employee_user, meal("18.00"))
    report_submit(report=first, by=employee_user)
    second = report_with(world.member, employee_user, meal("18.00", merchant="BRASSERIE du parc"))
    report_submit(report=second, by=employee_user)
    assert codes(second.lines.get()) == {"doublon"}
    reports_check(reports=type(first).objects.filter(pk=first.pk), by=None)
    assert codes(first.lines.get()) == {"doublon"}


def test_the_trip_dates_and_route_are_checked(world, employee_user):
    trip = approved_trip(world.member, distance_km=100)
    car = vehicle(world.member)
    late = meal("15", on=DAY + dt.timedelta(days=5))
    report = report_with(world.member, employee_user, late, mileage(car, "400"), trip=trip)
    report_submit(report=report, by=employee_user)
    outside, route = report.lines.order_by("pk")
    assert "hors_mission" in codes(outside)
    assert codes(route) == {"kilometrage_incoherent"}
    assert "200" in route.anomalies[0]["message"]


def test_the_employers_policy_caps_meals(world, employee_user):
    TravelPolicy.objects.create(employer=world.employer, meal_cap_amount=Decimal("17"))
    report = report_with(world.member, employee_user, meal("18.50"))
    report_submit(report=report, by=employee_user)
    assert codes(report.lines.get()) == {"hors_politique"}


def test_decisions_need_a_reason_and_a_lower_amount(world, employee_user, manager_user):
    report = report_with(world.member, employee_user, meal("32.00"))
    report_submit(report=report, by=employee_user)
    line = report.lines.get()
    with pytest.raises(ValidationError) as error:
        line_decide(
            line=line, decision=LineDecision.REDUCED, accepted_amount=Decimal("20"), by=manager_user
        )
    assert "commentaire" in error.value.message_dict["comment"][0]
    with pytest.raises(ValidationError) as error:
        line_decide(
            line=line,
            decision=LineDecision.REDUCED,
            accepted_amount=Decimal("40"),
            comment="Trop",
            by=manager_user,
        )
    assert "moins que le montant" in error.value.message_dict["accepted_amount"][0]
    with pytest.raises(ValidationError):
        line_decide(line=line, decision=LineDecision.REJECTED, by=manager_user)
    line.refresh_from_db()
    assert line.decision == LineDecision.PENDING
    done = line_decide(
        line=line,
        decision=LineDecision.REDUCED,
        accepted_amount=Decimal("21.40"),
        comment="Plafond URSSAF",
        by=manager_user,
    )
    assert (done.decision, done.accepted_amount) == (LineDecision.REDUCED, Decimal("21.40"))


def test_only_the_manager_approves_and_only_hr_checks(
    world, employee_user, manager_user, hr_manager
):
    report = report_with(world.member, employee_user, meal("18"))
    report_submit(report=report, by=employee_user)
    with pytest.raises(PermissionDenied):
        report_approve(report=report, by=employee_user)
    with pytest.raises(PermissionDenied):
        report_check(report=report, by=hr_manager)  # not approved by the manager yet
    report_approve(report=report, by=manager_user)
    with pytest.raises(PermissionDenied):
        report_check(report=report, by=manager_user)
    report_check(report=report, by=hr_manager)
    report.refresh_from_db()
    assert report.status == ExpenseStatus.CHECKED


def test_hr_check_splits_exempt_and_taxable_and_deducts_the_advance(
    world, employee_user, manager_user, hr_manager
):
    trip = approved_trip(world.member, advance="100")
    lodging = LineInput(
        category=ExpenseCategory.LODGING,
        expense_date=DAY,
        amount=Decimal("95.00"),
        merchant="Hôtel du Nord",
        paris_area=True,
    )
    report = checked_report(
        world, employee_user, manager_user, hr_manager, meal("30.00"), lodging, trip=trip
    )
    meal_line, hotel = report.lines.order_by("pk")
    assert (meal_line.exempt_amount, meal_line.taxable_amount) == (
        Decimal("21.40"),
        Decimal("8.60"),
    )
    assert (hotel.exempt_amount, hotel.taxable_amount) == (Decimal("76.60"), Decimal("18.40"))
    assert report.accepted_amount == Decimal("125.00")
    assert report.exempt_amount == Decimal("98.00")
    assert report.taxable_amount == Decimal("27.00")
    assert report.advance_deducted_amount == Decimal("100.00")
    assert report.payable_amount == Decimal("25.00")
    assert report.parameters_version.startswith("frais-2026")
    assert report.checked_by == hr_manager


def test_the_advance_is_deducted_once_and_never_beyond_the_accepted(
    world, employee_user, manager_user, hr_manager
):
    trip = approved_trip(world.member, advance="50")
    first = checked_report(world, employee_user, manager_user, hr_manager, meal("20.00"), trip=trip)
    assert (first.advance_deducted_amount, first.payable_amount) == (
        Decimal("20.00"),
        Decimal("0.00"),
    )
    second = checked_report(
        world,
        employee_user,
        manager_user,
        hr_manager,
        meal("40.00", on=DAY + dt.timedelta(days=1)),
        trip=trip,
    )
    # 50 € advanced, 20 € already deducted from the first report: 30 € left.
    assert (second.advance_deducted_amount, second.payable_amount) == (
        Decimal("30.00"),
        Decimal("10.00"),
    )


def test_rejected_lines_count_for_nothing(world, employee_user, manager_user, hr_manager):
    report = report_with(world.member, employee_user, meal("18"), meal("25", merchant="Bar"))
    report_submit(report=report, by=employee_user)
    _ok, bar = report.lines.order_by("pk")
    line_decide(
        line=bar, decision=LineDecision.REJECTED, comment="Non professionnel", by=manager_user
    )
    report_approve(report=report, by=manager_user)
    report_check(report=report, by=hr_manager)
    report.refresh_from_db()
    assert report.accepted_amount == Decimal("18.00")
    assert report.payable_amount == Decimal("18.00")


def test_rejecting_needs_a_comment_and_all_rejected_lines_block_approval(
    world, employee_user, manager_user
):
    report = report_with(world.member, employee_user, meal("18"))
    report_submit(report=report, by=employee_user)
    line_decide(
        line=report.lines.get(), decision=LineDecision.REJECTED, comment="Perso", by=manager_user
    )
    with pytest.raises(ValidationError):
        report_approve(report=report, by=manager_user)
    with pytest.raises(ValidationError):
        report_reject(report=report, by=manager_user, comment="  ")
    report_reject(report=report, by=manager_user, comment="Dépense personnelle")
    report.refresh_from_db()
    assert report.status == ExpenseStatus.REJECTED
    assert AuditEntry.objects.filter(
        target_id=str(report.pk), target_type="travel.ExpenseReport", action=AuditAction.UPDATE
    ).exists()


def test_a_submitted_report_is_no_longer_editable(world, employee_user):
    report = report_with(world.member, employee_user, meal("18"))
    report_submit(report=report, by=employee_user)
    with pytest.raises(ValidationError):
        line_save(report=report, data=meal("10"), by=employee_user)
    with pytest.raises(ValidationError):
        line_delete(line=report.lines.get(), by=employee_user)
    with pytest.raises(ValidationError):
        report_submit(report=report, by=employee_user)


def test_an_empty_report_cannot_be_submitted(world, employee_user):
    report = report_create(employee=world.member, title="Vide", by=employee_user)
    with pytest.raises(ValidationError) as error:
        report_submit(report=report, by=employee_user)
    assert "au moins une dépense" in error.value.messages[0]


def test_deleting_a_line_is_audited(world, employee_user):
    report = report_with(world.member, employee_user, meal("18"))
    line = report.lines.get()
    pk = line.pk
    line_delete(line=line, by=employee_user)
    assert not report.lines.exists()
    assert AuditEntry.objects.filter(action=AuditAction.DELETE, target_id=str(pk)).exists()


def test_a_receipt_can_be_replaced(world, employee_user):
    report = report_with(world.member, employee_user, meal("18"))
    line = report.lines.get()
    line_save(report=report, line=line, data=meal("18"), receipt=pdf("autre.pdf"), by=employee_user)
    line.refresh_from_db()
    assert "autre" in line.receipt.name


def test_good_friday_is_a_holiday_only_in_alsace_moselle(world, employee_user):
    from effectif.organisation.models import Establishment

    good_friday = dt.date(2026, 4, 3)
    report = report_with(world.member, employee_user, meal("15", on=good_friday))
    report_submit(report=report, by=employee_user)
    assert codes(report.lines.get()) == set()
    Establishment.objects.filter(pk=world.establishment.pk).update(department="57")
    reports_check(reports=type(report).objects.filter(pk=report.pk), by=None)
    line = report.lines.get()
    assert codes(line) == {"jour_ferie"}
    assert "vendredi 03/04/2026" in line.anomalies[0]["message"]
