"""The legal checks of a departure's dates, each refusal with its article, all reported at
once so that nothing is half-written."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from effectif.contracts.models import Kind
from effectif.departures.computing import department_of, fmt, legal_minimum
from effectif.departures.models import Departure
from effectif.departures.workflows import (
    FIXED_TERM_REASONS,
    TRIAL_REASONS,
    Procedure,
    Reason,
    workflow_of,
)
from effectif.rules.contracts.procedure import (
    earliest_conventional_end,
    earliest_homologation_request,
    earliest_interview,
    earliest_notification,
    homologation,
    latest_disciplinary_notification,
    withdrawal_end,
)

Errors = dict[str, list[str]]
DATE_FIELDS = (
    "convocation_date",
    "interview_date",
    "notification_date",
    "notification_received_date",
    "signature_date",
    "homologation_request_date",
    "homologation_date",
    "withdrawn_date",
    "end_date",
)
FIXED_TERM = {Kind.CDD, Kind.INTERIM}


def _add(errors: Errors, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def contract_errors(departure: Departure) -> Errors:
    """Does the reason fit the contract?"""
    errors: Errors = {}
    contract = departure.contract
    reason = departure.reason
    if reason in FIXED_TERM_REASONS and contract.kind not in FIXED_TERM:
        _add(errors, "reason", _("Ce motif ne concerne qu'un CDD ou une mission d'intérim."))
    if reason == Reason.END_OF_APPRENTICESHIP and contract.kind != Kind.APPRENTICESHIP:
        _add(errors, "reason", _("Ce motif ne concerne qu'un contrat d'apprentissage."))
    if reason in TRIAL_REASONS and not contract.effective_trial_end_date:
        _add(errors, "reason", _("Ce contrat n'a pas de période d'essai."))
    flow = workflow_of(reason)
    if (
        flow.procedure in (Procedure.DISMISSAL, Procedure.CONVENTIONAL)
        or reason
        in (
            Reason.RESIGNATION,
            Reason.RETIREMENT,
            Reason.RETIREMENT_BY_EMPLOYER,
        )
    ) and contract.kind in FIXED_TERM | {Kind.APPRENTICESHIP, Kind.INTERNSHIP}:
        _add(
            errors,
            "reason",
            _(
                "Un contrat à durée déterminée ne se rompt avant son terme que dans les cas "
                "de l'article L1243-1 du Code du travail (accord, faute grave, force "
                "majeure, inaptitude, embauche en CDI) : choisissez une rupture anticipée."
            ),
        )
    if contract.end_reason and departure.pk is None:
        _add(
            errors,
            "reason",
            _("Ce contrat est déjà terminé (%(r)s).") % {"r": contract.get_end_reason_display()},
        )
    return errors


def _before_hire(departure: Departure, errors: Errors) -> None:
    hired = departure.contract.start_date
    for name in DATE_FIELDS:
        value = getattr(departure, name)
        if value is not None and value < hired:
            label = getattr(Departure._meta.get_field(name), "verbose_name", name)
            _add(
                errors,
                name,
                _(
                    "%(label)s (%(date)s) ne peut précéder l'embauche du %(hired)s : un départ "
                    "suit l'entrée dans l'entreprise (registre unique du personnel, C. trav. "
                    "art. L1221-13)."
                )
                % {"label": str(label).capitalize(), "date": fmt(value), "hired": fmt(hired)},
            )


def _dismissal(departure: Departure, errors: Errors, department: str | None) -> None:
    flow = workflow_of(departure.reason)
    if departure.interview_date and not departure.convocation_date:
        _add(errors, "convocation_date", _("Indiquez d'abord la date de la convocation."))
    if departure.convocation_date and departure.interview_date:
        limit = earliest_interview(departure.convocation_date, department)
        if departure.interview_date < limit.day:
            _add(
                errors,
                "interview_date",
                _(
                    "L'entretien préalable ne peut avoir lieu moins de %(delay)s après la "
                    "présentation de la convocation (%(convocation)s) : au plus tôt le "
                    "%(earliest)s (%(article)s, délai prorogé selon l'article R1231-1)."
                )
                % {
                    "delay": limit.delay,
                    "convocation": fmt(departure.convocation_date),
                    "earliest": fmt(limit.day),
                    "article": limit.article,
                },
            )
    if departure.notification_date and not departure.interview_date:
        _add(errors, "interview_date", _("L'entretien préalable précède la notification."))
    if departure.notification_date and departure.interview_date:
        limit = earliest_notification(
            departure.interview_date,
            department,
            economic=flow.economic,
            executive=departure.executive,
        )
        if departure.notification_date < limit.day:
            _add(
                errors,
                "notification_date",
                _(
                    "La lettre de licenciement ne peut être expédiée moins de %(delay)s après "
                    "l'entretien préalable (%(interview)s) : au plus tôt le %(earliest)s "
                    "(%(article)s)."
                )
                % {
                    "delay": limit.delay,
                    "interview": fmt(departure.interview_date),
                    "earliest": fmt(limit.day),
                    "article": limit.article,
                },
            )
        latest = latest_disciplinary_notification(departure.interview_date)
        if flow.misconduct and departure.notification_date > latest.day:
            _add(
                errors,
                "notification_date",
                _(
                    "Une sanction pour faute est notifiée au plus tard un mois après "
                    "l'entretien, soit le %(latest)s (%(article)s)."
                )
                % {"latest": fmt(latest.day), "article": latest.article},
            )


def _conventional(departure: Departure, errors: Errors, department: str | None) -> None:
    signed = departure.signature_date
    if signed and not departure.interview_date:
        _add(
            errors,
            "interview_date",
            _("La convention est signée à l'issue d'au moins un entretien (C. trav. L1237-12)."),
        )
    if signed and departure.interview_date and signed < departure.interview_date:
        _add(errors, "signature_date", _("La signature suit l'entretien (C. trav. L1237-12)."))
    if departure.withdrawn_date and signed:
        limit = withdrawal_end(signed, department)
        if not signed <= departure.withdrawn_date <= limit.day:
            _add(
                errors,
                "withdrawn_date",
                _(
                    "La rétractation est possible du %(signed)s au %(end)s inclus "
                    "(%(delay)s, %(article)s)."
                )
                % {
                    "signed": fmt(signed),
                    "end": fmt(limit.day),
                    "delay": limit.delay,
                    "article": limit.article,
                },
            )
    if departure.homologation_request_date and not signed:
        _add(errors, "signature_date", _("La demande d'homologation suit la signature."))
    earliest_end = None
    if signed:
        request_from = earliest_homologation_request(signed, department)
        received = departure.homologation_request_date
        if received and received < request_from.day:
            _add(
                errors,
                "homologation_request_date",
                _(
                    "La demande d'homologation ne peut être adressée qu'après le délai de "
                    "rétractation, soit à partir du %(day)s (%(article)s)."
                )
                % {"day": fmt(request_from.day), "article": request_from.article},
            )
        tacit = homologation(received or request_from.day, department)
        homologated = departure.homologation_date or tacit.day
        if departure.homologation_date and received and departure.homologation_date < received:
            _add(errors, "homologation_date", _("L'homologation suit la demande."))
        earliest_end = earliest_conventional_end(homologated)
    if departure.end_date and earliest_end and departure.end_date < earliest_end.day:
        _add(
            errors,
            "end_date",
            _(
                "La rupture ne peut intervenir avant le lendemain de l'homologation, soit au "
                "plus tôt le %(day)s (C. trav. art. L1237-13 et L1237-14)."
            )
            % {"day": fmt(earliest_end.day)},
        )
    minimum = legal_minimum(departure)
    agreed = departure.agreed_indemnity_amount
    if agreed is not None and minimum is not None and agreed < minimum:
        _add(
            errors,
            "agreed_indemnity_amount",
            _(
                "L'indemnité spécifique de rupture ne peut être inférieure à l'indemnité légale "
                "de licenciement, soit %(minimum)s € (C. trav. art. L1237-13)."
            )
            % {"minimum": minimum},
        )


def date_errors(departure: Departure) -> Errors:
    errors: Errors = {}
    _before_hire(departure, errors)
    flow = workflow_of(departure.reason)
    department = department_of(departure)
    if flow.procedure == Procedure.DISMISSAL:
        _dismissal(departure, errors, department)
    if flow.procedure == Procedure.CONVENTIONAL:
        _conventional(departure, errors, department)
    received = departure.notification_received_date
    if received and departure.notification_date and received < departure.notification_date:
        _add(errors, "notification_received_date", _("La lettre est présentée après son envoi."))
    contract = departure.contract
    trial_last = contract.effective_trial_end_date
    if (
        departure.reason in TRIAL_REASONS
        and departure.notification_date
        and isinstance(trial_last, dt.date)
        and departure.notification_date > trial_last
    ):
        _add(
            errors,
            "notification_date",
            _(
                "La période d'essai a pris fin le %(day)s : le contrat ne peut plus être rompu à "
                "ce titre (C. trav. art. L1221-25) ; c'est une démission ou un licenciement."
            )
            % {"day": fmt(trial_last)},
        )
    if (
        departure.reason in FIXED_TERM_REASONS
        and departure.end_date
        and contract.end_date
        and departure.end_date > contract.end_date
    ):
        _add(
            errors,
            "end_date",
            _(
                "Le CDD prend fin le %(day)s : pour le prolonger, renouvelez-le "
                "(C. trav. art. L1243-13-1)."
            )
            % {"day": fmt(contract.end_date)},
        )
    return errors
