"""The models of recruitment and onboarding, by topic."""

from effectif.hiring.models.candidates import (
    OPEN_STATUSES,
    ApplicationAttempt,
    Candidate,
    CandidateLetter,
    CandidateSource,
    CandidateStatus,
    Civility,
    Interview,
    InterviewStatus,
)
from effectif.hiring.models.dpae import Dpae, DpaeStatus
from effectif.hiring.models.onboarding import (
    Onboarding,
    OnboardingTask,
    OnboardingTemplate,
    OnboardingTemplateItem,
    OwnerKind,
)
from effectif.hiring.models.postings import JobPosting, PostingStatus
from effectif.hiring.models.requisitions import JobRequisition, RequisitionStatus
from effectif.hiring.models.terms import DiscriminationGround, DiscriminatoryTerm

__all__ = [
    "OPEN_STATUSES",
    "ApplicationAttempt",
    "Candidate",
    "CandidateLetter",
    "CandidateSource",
    "CandidateStatus",
    "Civility",
    "DiscriminationGround",
    "DiscriminatoryTerm",
    "Dpae",
    "DpaeStatus",
    "Interview",
    "InterviewStatus",
    "JobPosting",
    "JobRequisition",
    "Onboarding",
    "OnboardingTask",
    "OnboardingTemplate",
    "OnboardingTemplateItem",
    "OwnerKind",
    "PostingStatus",
    "RequisitionStatus",
]
