"""Form conventions: Bootstrap classes, accessible errors, French dates and decimals."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.db.models import QuerySet

from effectif.core.dates import EARLIEST, LATEST, validate_in_range

if TYPE_CHECKING:
    # The mixin goes before a Form or a ModelForm: to the type checker, it is one.
    _Form = forms.BaseForm
else:
    _Form = object


class StyledFormMixin(_Form):
    """Give every widget the Bootstrap class it needs, and mark invalid fields for screen readers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        meta = getattr(self, "_meta", None)
        checked = getattr(getattr(meta, "model", None), "field_checks", {})
        for name, field in self.fields.items():
            if name in checked and isinstance(field, forms.CharField):
                # Identifiers are typed with spaces ("732 829 320"); the model's check
                # normalises them, then checks their length and key.
                field.max_length = None
                field.validators = [
                    v for v in field.validators if not isinstance(v, MaxLengthValidator)
                ]
                field.widget.attrs.pop("maxlength", None)
            if isinstance(field, forms.DateField | forms.DateTimeField):
                # Dates within the bounds the pages, the API and the law work with.
                field.validators = [*field.validators, validate_in_range]
            if isinstance(field, forms.DecimalField):
                # French decimals: "1 823,03" typed as text (a number input refuses the comma).
                field.localize = True
                field.widget = DecimalTextInput(
                    attrs={**field.widget.attrs, "inputmode": "decimal"}
                )
                field.widget.is_localized = True
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                css = ""
            elif isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            if css:
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            if isinstance(widget, forms.DateInput):
                widget.input_type = "date"
                widget.format = "%Y-%m-%d"
                widget.attrs.setdefault("min", EARLIEST.isoformat())
                widget.attrs.setdefault("max", LATEST.isoformat())

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()


class DecimalTextInput(forms.TextInput):
    """A decimal typed the French way: spaces between thousands, a comma before decimals."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        value = super().value_from_datadict(data, files, name)
        if isinstance(value, str):
            value = "".join(value.split()).replace("\u202f", "").replace("\u00a0", "")
        return value


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def set_queryset(
    form: forms.BaseForm,
    name: str,
    queryset: QuerySet[Any],
    label: Callable[[Any], str] | None = None,
) -> None:
    """Offer `queryset` (the rows in the user's scope) in the form's choice field `name`,
    each shown by `label` when given."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name} is not a choice among rows")
    field.queryset = queryset
    if label is not None:
        field.label_from_instance = label  # type: ignore[method-assign,assignment]


def set_choices(form: forms.BaseForm, name: str, choices: Sequence[tuple[Any, Any]]) -> None:
    """Offer `choices` in the form's choice field `name`."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{name} is not a choice field")
    field.choices = choices
