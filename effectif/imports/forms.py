"""The upload form of an import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import StyledFormMixin, set_queryset
from effectif.organisation.models import Employer

#: The largest file accepted (10,000 rows of every column weigh about 4 MB in CSV).
MAX_IMPORT_BYTES = 20 * 1024 * 1024
ACCEPTED_SUFFIXES = (".xlsx", ".csv", ".txt")


class ImportUploadForm(StyledFormMixin, forms.Form):
    employer = forms.ModelChoiceField(
        queryset=Employer.objects.none(),
        label=_("Employeur"),
        empty_label=_("Choisissez l'employeur"),
        help_text=_("Les salariés et les contrats du fichier seront rattachés à cet employeur."),
    )
    file = forms.FileField(
        label=_("Fichier à importer"),
        help_text=_("Classeur Excel (.xlsx) ou fichier CSV, 20 Mo au plus."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.txt,text/csv"}),
    )
    replaces = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, employers: QuerySet[Employer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "employer", employers)
        if not self.is_bound and "employer" not in self.initial:
            only = list(employers[:2])
            if len(only) == 1:
                self.initial["employer"] = only[0].pk

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name or "").suffix.lower()
        if suffix == ".xls":
            raise forms.ValidationError(
                _(
                    "Le format .xls (Excel 97-2003) n'est pas lu : enregistrez le fichier au "
                    "format .xlsx ou .csv depuis votre tableur."
                )
            )
        if suffix not in ACCEPTED_SUFFIXES:
            raise forms.ValidationError(
                _("Déposez un classeur .xlsx ou un fichier .csv (fichier « %(name)s » reçu).")
                % {"name": Path(upload.name or "").name}
            )
        if upload.size is not None and upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("Le fichier dépasse %(mo)s Mo : découpez-le en plusieurs fichiers.")
                % {"mo": MAX_IMPORT_BYTES // (1024 * 1024)}
            )
        return upload
