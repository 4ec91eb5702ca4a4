"""The list of discriminatory wording, kept by HR."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import require
from effectif.core.editing import bound, saved
from effectif.core.typing import AuthenticatedRequest
from effectif.hiring import permissions as perms
from effectif.hiring.forms.terms import TermForm
from effectif.hiring.models import DiscriminationGround, DiscriminatoryTerm
from effectif.hiring.selectors import term_get, terms_for
from effectif.hiring.services.terms import term_delete, term_save


@require(perms.can_edit_terms)
def term_list(request: AuthenticatedRequest) -> HttpResponse:
    form = bound(request, TermForm, instance=DiscriminatoryTerm())
    if request.method == "POST" and saved(
        form, lambda: term_save(term=form.instance, by=request.user)
    ):
        messages.success(request, _("Terme ajouté à la liste."))
        return redirect("hiring:terms")
    ground = request.GET.get("critere", "")
    terms = terms_for(request.user)
    if ground in DiscriminationGround.values:
        terms = terms.filter(ground=ground)
    return render(
        request,
        "hiring/terms.html",
        {"terms": terms, "form": form, "grounds": DiscriminationGround.choices, "ground": ground},
    )


@require(perms.can_edit_terms)
def term_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    term = term_get(request.user, pk)
    form = bound(request, TermForm, instance=term)
    if request.method == "POST" and saved(
        form, lambda: term_save(term=form.instance, by=request.user)
    ):
        messages.success(request, _("Terme modifié."))
        return redirect("hiring:terms")
    return render(
        request, "hiring/form.html", {"form": form, "title": term.term, "back": "hiring:terms"}
    )


@require(perms.can_edit_terms)
@require_POST
def term_remove(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    term = term_get(request.user, pk)
    term_delete(term=term, by=request.user)
    messages.success(request, _("« %(t)s » retiré de la liste.") % {"t": term.term})
    return redirect("hiring:terms")
