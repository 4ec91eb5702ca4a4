"""The view side of the write path: bind a form, call a service, show its errors in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from effectif.core.dates import missing_parameter_message
from effectif.rules.parameters.base import MissingParameter

T = TypeVar("T")
F = TypeVar("F", bound=forms.BaseForm)


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has it."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def add_missing_parameter_error(form: forms.BaseForm, error: MissingParameter) -> None:
    """A date the legal parameters do not cover, on the field where it was entered (else on
    the whole form, when the law was asked about a date computed from the others)."""
    data = getattr(form, "cleaned_data", {})
    entered = [name for name in form.fields if name in data and data[name] == error.on]
    form.add_error(entered[0] if entered else None, missing_parameter_message(error))


def submit(form: forms.BaseForm, call: Callable[[], T]) -> T | None:
    """Run `call` (a service) if the form is valid; on a ValidationError, put it on the form,
    and a date the law Effectif knows does not cover on its field."""
    if not form.is_valid():
        return None
    try:
        return call()
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    except MissingParameter as error:
        add_missing_parameter_error(form, error)
        return None


def bound(request: HttpRequest, form_class: type[F], **kwargs: Any) -> F:
    """A form bound to the POST data on a POST, unbound otherwise."""
    if request.method == "POST":
        return form_class(request.POST, request.FILES or None, **kwargs)
    return form_class(**kwargs)


def saved(form: forms.BaseForm, call: Callable[[], object]) -> bool:
    """`submit`, when the view only needs to know whether the service succeeded."""
    return submit(form, call) is not None
