from __future__ import annotations

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from effectif.core.access import require
from effectif.core.audit import audit
from effectif.core.dates import query_date
from effectif.core.exporting import Column, export_response
from effectif.core.listing import page_of, query_without, requested_export
from effectif.core.models import AuditAction
from effectif.core.roles import can_read_audit
from effectif.core.typing import AuthenticatedRequest
from effectif.organisation.selectors import employers_for
from effectif.privacy.selectors import AuditFilters, audit_search

TARGET_TYPES = [
    ("employees.Employee", _lazy("Dossier du personnel")),
    ("employees.EmployeeDocument", _lazy("Document du dossier")),
    ("employees.ChangeRequest", _lazy("Demande de modification")),
    ("contracts.Contract", _lazy("Contrat")),
    ("contracts.ContractTerms", _lazy("Version du contrat (avenant)")),
    ("organisation.Employer", _lazy("Employeur")),
    ("organisation.Establishment", _lazy("Établissement")),
    ("organisation.Department", _lazy("Service")),
    ("organisation.Position", _lazy("Fiche de poste")),
    ("accounts.User", _lazy("Compte utilisateur")),
]


def _filters(request: HttpRequest) -> AuditFilters:
    employer = request.GET.get("employeur", "")
    return AuditFilters(
        start=query_date(request, "du"),
        end=query_date(request, "au"),
        actor=request.GET.get("auteur", "").strip(),
        action=request.GET.get("action", ""),
        target_type=request.GET.get("objet", ""),
        employer_id=int(employer) if employer.isdigit() else None,
        q=request.GET.get("q", "").strip(),
    )


@require(can_read_audit)
def audit_log(request: AuthenticatedRequest) -> HttpResponseBase:
    filters = _filters(request)
    entries = audit_search(request.user, filters)
    if export := requested_export(request):
        audit(actor=request.user, action=AuditAction.EXPORT, detail=_("Export du journal d'audit"))
        return export_response(
            export_format=export,
            name=_("Journal d'audit"),
            rows=entries.iterator(),
            columns=[
                Column(_("Date"), lambda e: e.at.astimezone().strftime("%d/%m/%Y %H:%M:%S"), 20),
                Column(_("Auteur"), lambda e: e.actor_label, 18),
                Column(_("Action"), lambda e: e.get_action_display(), 22),
                Column(_("Objet"), lambda e: e.target_label, 35),
                Column(_("Type"), lambda e: e.target_type, 25),
                Column(
                    _("Changements"),
                    lambda e: " ; ".join(f"{k} : {v[0]} → {v[1]}" for k, v in e.changes.items()),
                    60,
                ),
                Column(_("Détail"), lambda e: e.detail, 40),
                Column(_("Adresse IP"), lambda e: e.ip_address, 16),
            ],
        )
    return render(
        request,
        "privacy/audit_log.html",
        {
            "page_obj": page_of(request, entries, 50),
            "filters": filters,
            "actions": AuditAction.choices,
            "target_types": TARGET_TYPES,
            "employers": employers_for(request.user).order_by("name"),
            "query": query_without(request.GET, "page", "export"),
        },
    )
