"""The template library: list, create, edit with a live preview, copy a default."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.editing import bound, saved, submit
from effectif.core.listing import page_of, query_without
from effectif.core.roles import is_admin
from effectif.core.typing import AuthenticatedRequest
from effectif.documents import permissions as perms
from effectif.documents.defaults import default_body
from effectif.documents.forms import CopyForm, FilterForm, TemplateForm
from effectif.documents.generation import render_sample
from effectif.documents.merging import registry
from effectif.documents.models import DocumentTemplate, TemplateKind
from effectif.documents.sandbox import referenced_fields
from effectif.documents.selectors import template_get, template_list
from effectif.documents.services import (
    template_copy,
    template_remove_docx,
    template_restore_default,
    template_save,
)
from effectif.organisation.models import Employer
from effectif.organisation.selectors import hr_employers_for

DEFAULTS_FILTER = "defaut"


@require(perms.can_use_library)
def library(request: AuthenticatedRequest) -> HttpResponse:
    filters = FilterForm(request.GET or None)
    kind = request.GET.get("type", "")
    kind = kind if kind in TemplateKind.values else ""
    owner = request.GET.get("employeur", "")
    employers = hr_employers_for(request.user).order_by("name")
    templates = template_list(
        request.user,
        kind=kind,
        employer_id=int(owner) if owner.isdigit() else None,
        defaults=owner == DEFAULTS_FILTER,
    )
    return render(
        request,
        "documents/library.html",
        {
            "page_obj": page_of(request, templates, 50),
            "query": query_without(request.GET, "page"),
            "filters": filters,
            "kinds": TemplateKind.choices,
            "kind": kind,
            "owner": owner,
            "employers": employers,
            "can_edit_defaults": is_admin(request.user),
        },
    )


def _owner_choices(request: AuthenticatedRequest) -> Any:
    return hr_employers_for(request.user).order_by("name")


def _editor_context(form: TemplateForm, template: DocumentTemplate | None) -> dict[str, Any]:
    return {"form": form, "template": template, "kinds": TemplateKind.choices}


def _save(request: AuthenticatedRequest, form: TemplateForm) -> DocumentTemplate:
    return template_save(
        template=form.instance, by=request.user, docx_upload=form.cleaned_data["docx_upload"]
    )


@require(perms.can_use_library)
def template_create(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    allow_default = is_admin(user)
    employers = _owner_choices(request)
    initial: dict[str, Any] = {}
    kind = request.GET.get("type", "")
    if kind in TemplateKind.values:
        initial = {"kind": kind, "body": default_body(kind), "name": TemplateKind(kind).label}
    owner = request.GET.get("employeur", "")
    if owner.isdigit() and employers.filter(pk=owner).exists():
        initial["employer"] = int(owner)
    form = bound(
        request,
        TemplateForm,
        instance=DocumentTemplate(),
        employers=employers,
        allow_default=allow_default,
        initial=initial,
    )
    if request.method == "POST":
        template = submit(form, lambda: _save(request, form))
        if template is not None:
            messages.success(request, _("Modèle « %(name)s » créé.") % {"name": template.name})
            return redirect("documents:template_edit", pk=template.pk)
    return render(request, "documents/template_form.html", _editor_context(form, None))


@require(perms.can_use_library)
def template_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    template = template_get(request.user, pk)
    if not perms.can_edit_template(request.user, template):
        return _template_view(request, template)
    form = bound(
        request,
        TemplateForm,
        instance=template,
        employers=_owner_choices(request),
        allow_default=template.employer_id is None,
    )
    if request.method == "POST" and saved(form, lambda: _save(request, form)):
        messages.success(request, _("Modèle enregistré."))
        return redirect("documents:template_edit", pk=template.pk)
    return render(request, "documents/template_form.html", _editor_context(form, template))


def _template_view(request: AuthenticatedRequest, template: DocumentTemplate) -> HttpResponse:
    """A default, read by HR who may not change it: its text, its preview, and a copy form."""
    employers = _owner_choices(request)
    copy_form = CopyForm(employers=employers, initial={"name": template.name})
    preview = _preview_context(template.body, template.kind, None)
    return render(
        request,
        "documents/template_view.html",
        {"template": template, "copy_form": copy_form, "can_copy": employers.exists(), **preview},
    )


@require(perms.can_use_library)
def template_copy_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    template = template_get(request.user, pk)
    employers = _owner_choices(request)
    form = bound(request, CopyForm, employers=employers, initial={"name": template.name})
    if request.method == "POST" and form.is_valid():
        copy = template_copy(
            template=template,
            employer=form.cleaned_data["employer"],
            name=form.cleaned_data["name"],
            by=request.user,
        )
        messages.success(
            request,
            _("Copie créée pour %(employer)s : adaptez-la puis enregistrez.")
            % {"employer": copy.employer},
        )
        return redirect("documents:template_edit", pk=copy.pk)
    return render(
        request,
        "documents/simple_form.html",
        {
            "form": form,
            "title": _("Copier le modèle « %(name)s »") % {"name": template.name},
            "back": template.get_absolute_url(),
            "submit": _("Créer la copie"),
        },
    )


@require(perms.can_use_library)
@require_POST
def template_restore(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    template = template_get(request.user, pk)
    ensure(perms.can_edit_template(request.user, template) and template.is_default)
    template_restore_default(template=template, by=request.user)
    messages.success(request, _("Le texte d'origine du modèle est rétabli."))
    return redirect("documents:template_edit", pk=template.pk)


@require(perms.can_use_library)
@require_POST
def template_docx_remove(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    template = template_get(request.user, pk)
    ensure(perms.can_edit_template(request.user, template))
    template_remove_docx(template=template, by=request.user)
    messages.success(
        request, _("Le modèle Word est retiré : le .docx sera produit depuis le HTML.")
    )
    return redirect("documents:template_edit", pk=template.pk)


def unknown_fields(body: str, kind: str) -> list[str]:
    """Fields the body uses that no installed app provides for this kind of document."""
    groups = {group.key: group for group in registry.groups_for_kind(kind)}
    unknown = []
    for group_key, name in sorted(referenced_fields(body)):
        group = groups.get(group_key)
        if group is None or (not group.open_ended and group.field(name) is None):
            unknown.append(f"{group_key}.{name}")
    return unknown


def _preview_context(body: str, kind: str, employer: Employer | None) -> dict[str, Any]:
    kind = kind if kind in TemplateKind.values else TemplateKind.OTHER
    context: dict[str, Any] = {
        "groups": registry.groups_for_kind(kind),
        "subjects": registry.subjects_for_kind(kind),
    }
    try:
        generated = render_sample(body=body, kind=kind, employer=employer)
    except ValidationError as error:
        context["error"] = " ".join(error.messages)
        return context
    context.update(
        {
            "page_html": generated.screen_html(),
            "missing": generated.missing,
            "unknown": unknown_fields(body, kind),
        }
    )
    return context


@require(perms.can_use_library)
@require_POST
def template_preview(request: AuthenticatedRequest) -> HttpResponse:
    """The live preview of the editor (htmx): the body on sample data, with the letterhead of
    the chosen employer when HR administers it."""
    owner = request.POST.get("employer", "")
    employer = hr_employers_for(request.user).filter(pk=owner).first() if owner.isdigit() else None
    context = _preview_context(request.POST.get("body", ""), request.POST.get("kind", ""), employer)
    return render(request, "documents/partials/preview.html", {**context, "oob": True})
