"""Each employer's letterhead: logo, address, SIRET, footer, signatory, social bodies."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from effectif.core.access import require
from effectif.core.editing import bound, saved
from effectif.core.typing import AuthenticatedRequest
from effectif.documents import permissions as perms
from effectif.documents.defaults import default_body
from effectif.documents.forms import LetterheadForm
from effectif.documents.generation import render_sample
from effectif.documents.models import TemplateKind
from effectif.documents.selectors import (
    letterhead_employer_get,
    letterhead_employers,
    letterhead_for,
)
from effectif.documents.services import letterhead_save


@require(perms.can_use_library)
def letterhead_list(request: AuthenticatedRequest) -> HttpResponse:
    employers = list(letterhead_employers(request.user).select_related("letterhead"))
    if len(employers) == 1:
        return redirect("documents:letterhead_edit", employer_pk=employers[0].pk)
    return render(request, "documents/letterhead_list.html", {"employers": employers})


@require(perms.can_use_library)
def letterhead_edit(request: AuthenticatedRequest, employer_pk: int) -> HttpResponse:
    employer = letterhead_employer_get(request.user, employer_pk)
    letterhead = letterhead_for(employer)
    form = bound(request, LetterheadForm, instance=letterhead)
    if request.method == "POST" and saved(
        form,
        lambda: letterhead_save(
            letterhead=form.instance,
            by=request.user,
            logo_upload=form.cleaned_data["logo_upload"],
            remove_logo=form.cleaned_data["remove_logo"],
        ),
    ):
        messages.success(
            request, _("Le papier à en-tête de %(e)s est enregistré.") % {"e": employer}
        )
        return redirect("documents:letterhead_edit", employer_pk=employer.pk)
    sample = render_sample(
        body=default_body(TemplateKind.OTHER), kind=TemplateKind.OTHER, employer=employer
    )
    return render(
        request,
        "documents/letterhead_form.html",
        {
            "form": form,
            "employer": employer,
            "letterhead": letterhead,
            "logo": sample.letterhead.logo_data_uri,
            "page_html": sample.screen_html(),
        },
    )
