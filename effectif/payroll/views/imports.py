"""Importing a period's manual elements from a spreadsheet: the form with its template, then
either the elements written (all of them) or the report of every error by row and column."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from effectif.core.access import require
from effectif.core.editing import bound
from effectif.core.exporting import XLSX_TYPE
from effectif.core.forms import StyledFormMixin
from effectif.core.tables import RowError
from effectif.core.typing import AuthenticatedRequest
from effectif.employees.selectors import employees_for
from effectif.payroll import importing
from effectif.payroll.catalogue import KINDS, Unit
from effectif.payroll.permissions import is_payroll_lead, may_run_payroll
from effectif.payroll.selectors import period_get

#: The largest file of elements accepted (a month of a large employer weighs well under 1 MB).
MAX_ELEMENTS_FILE_BYTES = 5 * 1024 * 1024


class ElementImportForm(StyledFormMixin, forms.Form):
    """The file of elements; its format is checked when it is read (`core.tables`)."""

    file = forms.FileField(
        label=gettext_lazy("Fichier à importer"),
        help_text=gettext_lazy("Classeur Excel (.xlsx) ou fichier CSV, 5 Mo au plus."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.txt,text/csv"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_ELEMENTS_FILE_BYTES:
            raise forms.ValidationError(
                _("Le fichier dépasse %(mo)s Mo : découpez-le en plusieurs fichiers.")
                % {"mo": MAX_ELEMENTS_FILE_BYTES // (1024 * 1024)}
            )
        return upload


@require(may_run_payroll)
def elements_import(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = period_get(request.user, pk)
    form = bound(request, ElementImportForm)
    analysis = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        analysis = importing.analyse(
            upload.read(),
            upload.name or "",
            period=period,
            employees=employees_for(request.user).filter(employer_id=period.employer_id),
        )
        if analysis.is_valid:
            try:
                count = importing.import_elements(
                    period=period,
                    elements=analysis.elements,
                    filename=upload.name or "",
                    by=request.user,
                )
            except ValidationError as error:
                analysis.add(RowError(row=0, column=_("Fichier"), message=" ".join(error.messages)))
            else:
                messages.success(
                    request,
                    ngettext("%(n)s élément importé.", "%(n)s éléments importés.", count)
                    % {"n": count},
                )
                return redirect("payroll:elements", pk=period.pk)
    return render(
        request,
        "payroll/elements_import.html",
        {
            "period": period,
            "is_lead": is_payroll_lead(request.user),
            "form": form,
            "analysis": analysis,
            "headers": [str(header) for header in importing.HEADERS.values()],
            "kinds": [
                (kind, _("montant") if kind.unit is Unit.AMOUNT else _("quantité"))
                for kind in KINDS.values()
                if kind.manual
            ],
        },
    )


@require(may_run_payroll)
def elements_template(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = period_get(request.user, pk)
    example = (
        employees_for(request.user)
        .filter(employer_id=period.employer_id)
        .exclude(matricule="")
        .order_by("matricule")
        .values_list("matricule", flat=True)
        .first()
    )
    response = HttpResponse(importing.template_xlsx(example or ""), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="modele-elements-variables.xlsx"'
    return response
