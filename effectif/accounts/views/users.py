"""The accounts administrators manage: the list, an account's role, password and employers,
and the revocation of its API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.accounts.forms import UserForm
from effectif.accounts.models import User
from effectif.accounts.services import api_tokens_revoke_all, user_save
from effectif.accounts.views import safe_next
from effectif.core.access import require
from effectif.core.editing import bound, saved
from effectif.core.exporting import Column, export_response
from effectif.core.listing import page_of, query_without, requested_export
from effectif.core.roles import is_admin
from effectif.core.scoping import get_in_scope
from effectif.core.typing import AuthenticatedRequest


@require(is_admin)
def user_list(request: AuthenticatedRequest) -> HttpResponseBase:
    users = (
        User.objects.prefetch_related("granted_employers")
        .annotate(
            active_tokens=Count(
                "api_tokens",
                filter=Q(
                    api_tokens__revoked_at__isnull=True, api_tokens__expires_at__gt=timezone.now()
                ),
            )
        )
        .order_by("username")
    )
    if q := request.GET.get("q", "").strip():
        users = users.filter(Q(username__icontains=q) | Q(last_name__icontains=q))
    if export := requested_export(request):
        return export_response(
            export_format=export,
            name=_("Comptes utilisateurs"),
            rows=users,
            columns=[
                Column(_("Identifiant"), lambda u: u.username, 18),
                Column(_("Nom"), lambda u: u.get_full_name(), 25),
                Column(_("E-mail"), lambda u: u.email, 28),
                Column(_("Rôle"), lambda u: u.get_role_display(), 20),
                Column(
                    _("Employeurs"),
                    lambda u: ", ".join(e.name for e in u.granted_employers.all()),
                    40,
                ),
                Column(_("Double authentification"), lambda u: u.has_totp),
                Column(_("Actif"), lambda u: u.is_active),
                Column(_("Dernière connexion"), lambda u: u.last_login, 18),
            ],
        )
    return render(
        request,
        "accounts/user_list.html",
        {"page_obj": page_of(request, users), "q": q, "query": query_without(request.GET, "page")},
    )


@require(is_admin)
def user_edit(request: AuthenticatedRequest, pk: int | None = None) -> HttpResponse:
    account = get_object_or_404(User, pk=pk) if pk else User()
    form = bound(request, UserForm, instance=account)
    if request.method == "POST" and saved(
        form,
        lambda: user_save(
            user=form.instance,
            password=form.cleaned_data.get("password") or None,
            employers=form.cleaned_data.get("employers"),
            by=request.user,
        ),
    ):
        messages.success(request, _("Compte enregistré."))
        return redirect("organisation:user_list")
    title = _("Compte %(name)s") % {"name": account.username} if pk else _("Nouveau compte")
    return render(request, "core/form_page.html", {"form": form, "title": title})


@login_required
@require_POST
def user_api_tokens_revoke(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """An administrator revokes every token of any user (HR do it from the personnel file)."""
    if not is_admin(request.user):
        raise PermissionDenied
    target = get_in_scope(User.objects.all(), pk)
    count = api_tokens_revoke_all(
        user=target, by=request.user, reason="révoqués par un administrateur"
    )
    messages.success(
        request,
        _("%(count)s jeton(s) d'API de %(user)s révoqué(s).")
        % {"count": count, "user": target.get_username()},
    )
    return redirect(safe_next(request, "accounts:security"))
