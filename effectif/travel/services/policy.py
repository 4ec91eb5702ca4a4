"""Writes of the travel settings: each employer's policy (created on first use), its price list
of fares, and the employees' own vehicles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.services import audited_fields, save_audited
from effectif.organisation.models import Employer
from effectif.travel.models import ExpenseReport, PriceListEntry, TravelPolicy, Vehicle
from effectif.travel.services.checking import AWAITING, reports_check

if TYPE_CHECKING:
    from effectif.accounts.models import User

POLICY_FIELDS = [f for f in audited_fields(TravelPolicy) if f != "employer"]
FARE_FIELDS = audited_fields(PriceListEntry)
VEHICLE_FIELDS = audited_fields(Vehicle)


@transaction.atomic
def policy_ensure(*, employer: Employer, by: User) -> TravelPolicy:
    """The employer's travel policy, created with the defaults (URSSAF limits, 2nd class…) the
    first time someone needs it."""
    policy = TravelPolicy.objects.filter(employer=employer).first()
    if policy is not None:
        return policy
    Employer.objects.select_for_update().filter(pk=employer.pk).first()
    policy = TravelPolicy.objects.filter(employer=employer).first()
    if policy is not None:
        return policy
    return save_audited(instance=TravelPolicy(employer=employer), by=by, fields=POLICY_FIELDS)


@transaction.atomic
def policy_save(*, policy: TravelPolicy, by: User) -> TravelPolicy:
    """Save the policy; the employer's reports awaiting a decision are checked again against
    its caps (their stored anomalies follow the policy the approvers apply)."""
    saved = save_audited(
        instance=policy, by=by, fields=POLICY_FIELDS, sensitive=["debtor_iban", "debtor_bic"]
    )
    reports_check(
        reports=ExpenseReport.objects.filter(employer_id=policy.employer_id, status__in=AWAITING),
        by=by,
    )
    return saved


def _check_fare(fare: PriceListEntry) -> None:
    errors: dict[str, list[str]] = {}
    if fare.fare_amount is not None and fare.fare_amount < 0:
        errors["fare_amount"] = [_("Un tarif ne peut pas être négatif.")]
    if fare.valid_to is not None and fare.valid_from and fare.valid_to < fare.valid_from:
        errors["valid_to"] = [_("La fin de validité précède son début.")]
    if (fare.origin or "").strip().lower() == (fare.destination or "").strip().lower():
        errors["destination"] = [_("L'arrivée doit différer du départ.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def fare_save(*, fare: PriceListEntry, by: User) -> PriceListEntry:
    fare.origin = " ".join((fare.origin or "").split())
    fare.destination = " ".join((fare.destination or "").split())
    _check_fare(fare)
    return save_audited(instance=fare, by=by, fields=FARE_FIELDS)


@transaction.atomic
def fare_delete(*, fare: PriceListEntry, by: User) -> None:
    """Remove a fare; the options already estimated with it keep their figures."""
    audit(
        actor=by,
        action=AuditAction.DELETE,
        target=fare,
        detail=_("Tarif supprimé : %(fare)s") % {"fare": fare},
    )
    fare.delete()


def _check_vehicle(vehicle: Vehicle) -> None:
    if vehicle.employee_id and vehicle.employee.is_closed:
        raise ValidationError(_("Le dossier de ce salarié est clos : il n'est plus modifiable."))
    vehicle.registration = " ".join((vehicle.registration or "").upper().split())


@transaction.atomic
def vehicle_save(*, vehicle: Vehicle, by: User) -> Vehicle:
    _check_vehicle(vehicle)
    return save_audited(instance=vehicle, by=by, fields=VEHICLE_FIELDS)


@transaction.atomic
def vehicle_delete(*, vehicle: Vehicle, by: User) -> Vehicle | None:
    """Delete a vehicle never used; one that trips or expense lines name is taken out of
    service instead (returned), so their history keeps it."""
    from effectif.travel.models import ExpenseLine, TripOption

    used = (
        TripOption.objects.filter(vehicle=vehicle).exists()
        or ExpenseLine.objects.filter(vehicle=vehicle).exists()
    )
    if used:
        vehicle.active = False
        return save_audited(
            instance=vehicle, by=by, fields=VEHICLE_FIELDS, detail=_("Véhicule retiré du service")
        )
    audit(
        actor=by,
        action=AuditAction.DELETE,
        target=vehicle,
        detail=_("Véhicule supprimé : %(vehicle)s") % {"vehicle": vehicle},
    )
    vehicle.delete()
    return None
