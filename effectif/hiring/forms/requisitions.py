from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import DateInput, StyledFormMixin, set_queryset
from effectif.hiring.models import JobRequisition
from effectif.organisation.models import Department, Position


class RequisitionForm(StyledFormMixin, forms.ModelForm[JobRequisition]):
    class Meta:
        model = JobRequisition
        fields = list(JobRequisition.REQUESTED_FIELDS)
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "justification": forms.Textarea(attrs={"rows": 3, "col": "col-12"}),
        }

    def __init__(
        self,
        *args: Any,
        positions: QuerySet[Position],
        departments: QuerySet[Department],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "position", positions)
        set_queryset(self, "department", departments)
        self.fields["department"].help_text = _("Par défaut, le service de la fiche de poste.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        position = data.get("position")
        if position is not None:
            self.instance.employer = position.employer
        return data


class DecisionForm(StyledFormMixin, forms.Form):
    comment = forms.CharField(
        label=_("Commentaire"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "col": "col-12"}),
    )
