from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import StyledFormMixin, set_choices, set_queryset
from effectif.hiring.models import Candidate, CandidateStatus, Civility, Interview, JobPosting
from effectif.hiring.uploads import ACCEPT, CV_MAX_BYTES

CV_HELP = _("PDF, Word (.doc, .docx) ou OpenDocument (.odt), %(mo)s Mo au plus.") % {
    "mo": CV_MAX_BYTES // (1024 * 1024)
}


class ApplicationForm(StyledFormMixin, forms.ModelForm[Candidate]):
    """The public form: what a candidate gives, with their consent."""

    cv = forms.FileField(
        label=_("Votre CV"),
        help_text=CV_HELP,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    consent = forms.BooleanField(required=True, widget=forms.CheckboxInput(attrs={"col": "col-12"}))
    # Left empty by people; filled by robots that fill in every field.
    website = forms.CharField(
        required=False,
        label=_("Ne pas remplir ce champ"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Candidate
        fields = [*Candidate.CONTACT_FIELDS, "message"]
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 5, "col": "col-12"}),
        }
        labels = {"message": _("Votre message (facultatif)")}

    def __init__(self, *args: Any, consent_text: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text
        set_choices(self, "civility", [("", _("Non précisée")), *Civility.choices])
        self.fields["first_names"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))


class CandidateForm(StyledFormMixin, forms.ModelForm[Candidate]):
    """A candidate entered or corrected by HR."""

    cv_upload = forms.FileField(
        label=_("CV"),
        required=False,
        help_text=CV_HELP,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    class Meta:
        model = Candidate
        fields = ["posting", *Candidate.CONTACT_FIELDS, "message", "notes"]
        widgets = {
            "message": forms.Textarea(attrs={"rows": 3, "col": "col-12"}),
            "notes": forms.Textarea(attrs={"rows": 3, "col": "col-12"}),
        }

    def __init__(self, *args: Any, postings: QuerySet[JobPosting], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "posting", postings)
        self.fields["posting"].required = True
        self.fields["notes"].help_text = _(
            "Uniquement des éléments en lien avec le poste (C. trav. L1221-6)."
        )


class StatusForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Nouvelle étape"), choices=CandidateStatus.choices)
    comment = forms.CharField(label=_("Commentaire"), required=False)

    def __init__(self, *args: Any, allowed: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(CandidateStatus.choices)
        set_choices(self, "status", [(s, labels[s]) for s in allowed])


class InterviewForm(StyledFormMixin, forms.ModelForm[Interview]):
    scheduled_at = forms.DateTimeField(
        label=_("Date et heure"),
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    video_link = forms.URLField(
        label=_("Lien de visioconférence"), required=False, assume_scheme="https"
    )
    send_invitation = forms.BooleanField(
        label=_("Générer l'invitation et l'envoyer par e-mail au candidat"),
        required=False,
        initial=True,
        widget=forms.CheckboxInput(attrs={"col": "col-12"}),
    )

    class Meta:
        model = Interview
        fields = [
            "scheduled_at",
            "duration_minutes",
            "place",
            "video_link",
            "interviewers",
            "other_interviewers",
            "status",
            "assessment",
        ]
        widgets = {
            "interviewers": forms.CheckboxSelectMultiple(attrs={"col": "col-12"}),
            "assessment": forms.Textarea(attrs={"rows": 3, "col": "col-12"}),
        }

    def __init__(self, *args: Any, people: Any, creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(
            self,
            "interviewers",
            people,
            label=lambda user: user.get_full_name() or user.get_username(),
        )
        if creating:
            del self.fields["status"]
            del self.fields["assessment"]
        else:
            del self.fields["send_invitation"]
