from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import StyledFormMixin, set_queryset
from effectif.documents.models import DocumentTemplate, Letterhead, TemplateKind
from effectif.organisation.models import Employer


class TemplateForm(StyledFormMixin, forms.ModelForm[DocumentTemplate]):
    docx_upload = forms.FileField(
        label=_("Modèle Word (.docx)"),
        required=False,
        help_text=_(
            "Facultatif : un .docx portant les mêmes champs de fusion ({{ salarie.nom }}…). "
            "S'il est fourni, le document Word est produit à partir de lui."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".docx,application/vnd.openxmlformats-officedocument."
                "wordprocessingml.document"
            }
        ),
    )

    class Meta:
        model = DocumentTemplate
        fields = ["employer", "kind", "name", "is_active", "body"]
        widgets = {
            "body": forms.Textarea(
                attrs={"rows": 24, "spellcheck": "true", "class": "font-monospace small"}
            ),
        }

    def __init__(
        self, *args: Any, employers: QuerySet[Employer], allow_default: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "employer", employers)
        field = self.fields["employer"]
        assert isinstance(field, forms.ModelChoiceField)
        field.required = not allow_default
        field.empty_label = (
            str(_("Modèle par défaut (tous les employeurs)")) if allow_default else None
        )
        if self.instance.pk is not None:
            # A template stays with its owner: a copy is how it moves to another employer.
            field.disabled = True
        self.fields["kind"].widget.attrs["col"] = "col-12 col-md-6"
        self.fields["body"].widget.attrs["col"] = "col-12"
        self.fields["body"].widget.attrs["aria-describedby"] = "merge-fields-help"


class CopyForm(StyledFormMixin, forms.Form):
    employer = forms.ModelChoiceField(queryset=Employer.objects.none(), label=_("Employeur"))
    name = forms.CharField(label=_("Nom de la copie"), max_length=200)

    def __init__(self, *args: Any, employers: QuerySet[Employer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "employer", employers)
        if employers.count() == 1:
            self.fields["employer"].initial = employers.first()


class LetterheadForm(StyledFormMixin, forms.ModelForm[Letterhead]):
    logo_upload = forms.FileField(
        label=_("Logo (PNG ou JPEG)"),
        required=False,
        help_text=_("2 Mo au plus ; il est réduit et converti en PNG."),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_logo = forms.BooleanField(label=_("Retirer le logo"), required=False)

    class Meta:
        model = Letterhead
        fields = list(Letterhead.TYPED_FIELDS)
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "footer": forms.Textarea(attrs={"rows": 3}),
        }


class FilterForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Tous les types")), *TemplateKind.choices]
    )
    employeur = forms.CharField(required=False)


class SignedCopyForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Exemplaire signé (PDF, PNG ou JPEG)"),
        widget=forms.FileInput(attrs={"accept": "application/pdf,image/png,image/jpeg"}),
    )
