"""Generating a document for a subject: choose a template, preview, complete the missing
fields, download the PDF or the .docx, file the PDF in the personnel file; then the signed
copy."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from effectif.core.access import ensure, require
from effectif.core.audit import audit
from effectif.core.editing import bound, saved
from effectif.core.models import AuditAction
from effectif.core.typing import AuthenticatedRequest
from effectif.documents import permissions as perms
from effectif.documents.forms import SignedCopyForm
from effectif.documents.generation import (
    COMPLEMENT_PREFIX,
    DOCX_TYPE,
    Generated,
    complements_from,
    render_for,
)
from effectif.documents.merging import Subject, registry
from effectif.documents.models import DocumentTemplate, TemplateKind
from effectif.documents.selectors import generated_about, generated_get, templates_for_generation
from effectif.documents.services import generated_save_to_file, signed_copy_add
from effectif.employees.permissions import can_edit_file


def _subject(request: AuthenticatedRequest, key: str, pk: int) -> tuple[Subject, Any]:
    subject = registry.subject(key)
    if subject is None:
        raise Http404
    obj = subject.get(request.user, pk)
    employee = subject.employee(obj)
    ensure(employee is None or can_edit_file(request.user, employee))
    return subject, obj


def _download(
    request: AuthenticatedRequest, generated: Generated, subject: Subject, obj: Any, fmt: str
) -> HttpResponse:
    employee = subject.employee(obj)
    content = generated.pdf() if fmt == "pdf" else generated.docx()  # first: it may be refused
    audit(
        actor=request.user,
        action=AuditAction.EXPORT,
        target=generated.template,
        employer_id=subject.employer(obj).pk,
        employee_id=employee.pk if employee is not None else None,
        detail=_("Document généré (%(fmt)s) : %(title)s") % {"fmt": fmt, "title": generated.title},
    )
    response = HttpResponse(content, content_type="application/pdf" if fmt == "pdf" else DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{generated.filename}.{fmt}"'
    return response


def _grouped(templates: list[DocumentTemplate]) -> list[tuple[str, list[DocumentTemplate]]]:
    labels = dict(TemplateKind.choices)
    groups: dict[str, list[DocumentTemplate]] = {}
    for template in templates:
        groups.setdefault(str(labels.get(template.kind, template.kind)), []).append(template)
    return list(groups.items())


@require(perms.can_use_library)
def generate(request: AuthenticatedRequest, subject_key: str, pk: int) -> HttpResponse:
    subject, obj = _subject(request, subject_key, pk)
    employer = subject.employer(obj)
    templates = list(templates_for_generation(request.user, employer, subject.kinds))
    data = request.POST if request.method == "POST" else request.GET
    chosen = next((t for t in templates if str(t.pk) == data.get("modele")), None)
    context: dict[str, Any] = {
        "subject": subject,
        "obj": obj,
        "described": subject.describe(obj),
        "back": subject.url(obj),
        "grouped": _grouped(templates),
        "template": chosen,
        "history": generated_about(request.user, subject.key, obj.pk)[:20],
        "can_file": subject.employee(obj) is not None or subject.file is not None,
    }
    if chosen is None:
        return render(request, "documents/generate.html", context)
    complements = complements_from(data)
    try:
        generated = render_for(template=chosen, subject=subject, obj=obj, complements=complements)
    except ValidationError as error:  # a template past the sandbox's limits
        messages.error(request, " ".join(error.messages))
        return render(request, "documents/generate.html", context)
    action = data.get("action", "apercu")
    if request.method == "POST" and action in ("pdf", "docx"):
        try:
            return _download(request, generated, subject, obj, action)
        except ValidationError as error:  # its own .docx past the sandbox's limits
            messages.error(request, " ".join(error.messages))
    if request.method == "POST" and action == "enregistrer":
        try:
            if subject.employee(obj) is None and subject.file is not None:
                message = subject.file(generated, obj, request.user)
            else:
                generated_save_to_file(
                    generated=generated, subject=subject, obj=obj, by=request.user
                )
                message = _("« %(title)s » est enregistré dans le dossier du salarié.") % {
                    "title": generated.title
                }
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, message)
            return redirect(subject.url(obj))
    missing_paths = [path for path, _label in generated.missing]
    inputs = [
        {"name": f"{COMPLEMENT_PREFIX}{path}", "label": label, "value": ""}
        for path, label in generated.missing
    ] + [
        {"name": f"{COMPLEMENT_PREFIX}{path}", "label": registry.label_of(path), "value": value}
        for path, value in complements.items()
        if path not in missing_paths
    ]
    context.update({"generated": generated, "inputs": inputs, "page_html": generated.screen_html()})
    return render(request, "documents/generate.html", context)


@require(perms.can_use_library)
def signed_copy(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    record = generated_get(request.user, pk)
    ensure(can_edit_file(request.user, record.employee))
    form = bound(request, SignedCopyForm)
    if request.method == "POST" and saved(
        form,
        lambda: signed_copy_add(
            generated=record, upload=form.cleaned_data["file"], by=request.user
        ),
    ):
        messages.success(request, _("L'exemplaire signé est classé dans le dossier du salarié."))
        subject = registry.subject(record.subject_type)
        back = None
        if subject is not None:
            try:
                back = subject.url(subject.get(request.user, record.subject_id))
            except Http404:
                back = None
        return redirect(back or "documents:library")
    return render(
        request,
        "documents/simple_form.html",
        {
            "form": form,
            "title": _("Déposer l'exemplaire signé"),
            "subtitle": record.title,
            "back": None,
            "submit": _("Classer dans le dossier"),
        },
    )
