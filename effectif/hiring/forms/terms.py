from __future__ import annotations

from django import forms

from effectif.core.forms import StyledFormMixin
from effectif.hiring.models import DiscriminatoryTerm


class TermForm(StyledFormMixin, forms.ModelForm[DiscriminatoryTerm]):
    class Meta:
        model = DiscriminatoryTerm
        fields = ["term", "ground", "suggestion", "note", "is_active"]
        widgets = {
            name: widget(attrs={"col": "col-12"})
            for name, widget in (
                ("term", forms.TextInput),
                ("ground", forms.Select),
                ("suggestion", forms.TextInput),
                ("note", forms.TextInput),
                ("is_active", forms.CheckboxInput),
            )
        }
