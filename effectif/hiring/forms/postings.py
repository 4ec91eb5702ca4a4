from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from effectif.core.forms import DateInput, StyledFormMixin, set_queryset
from effectif.hiring.models import JobPosting
from effectif.organisation.models import Establishment

TEXT = {"rows": 4, "col": "col-12"}


class PostingForm(StyledFormMixin, forms.ModelForm[JobPosting]):
    class Meta:
        model = JobPosting
        fields = [
            "title",
            "establishment",
            "contract_kind",
            "working_time",
            "start_date",
            "end_date",
            "pay_range",
            "closes_on",
            "summary",
            "tasks",
            "profile",
            "conditions",
            "on_internal_board",
            "on_careers_page",
            "wording_exception",
        ]
        widgets = {
            "title": forms.TextInput(attrs={"col": "col-12"}),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "closes_on": DateInput(),
            "summary": forms.Textarea(attrs=TEXT),
            "tasks": forms.Textarea(attrs=TEXT),
            "profile": forms.Textarea(attrs=TEXT),
            "conditions": forms.Textarea(attrs={"rows": 2, "col": "col-12"}),
            "wording_exception": forms.Textarea(attrs={"rows": 2, "col": "col-12"}),
        }

    def __init__(self, *args: Any, establishments: QuerySet[Establishment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "establishment", establishments)
