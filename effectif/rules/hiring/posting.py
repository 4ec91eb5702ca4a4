"""The mandatory mentions and prohibitions of a job posting, checked from its texts.

A posting must not name the sex of the person sought (C. trav. L1142-1) nor use discriminatory
terms (L1132-1, L5331-2; C. pén. 225-2) unless a genuine occupational requirement justifies them
(L1133-1); it must describe the job truthfully (L5331-3), be dated (L5332-1), name the employer
(L5332-2) and be written in French (L5331-4).
"""

from __future__ import annotations

from dataclasses import dataclass

from effectif.rules.hiring.wording import has_neutral_title


@dataclass(frozen=True)
class Mention:
    """One mandatory mention or rule of a posting, and whether the posting meets it."""

    label: str
    article: str
    ok: bool | None  # None: to check by a person (no automatic test)
    blocking: bool = False
    detail: str = ""


def wording_detail(findings: int, excused: bool) -> str:
    """What the wording check says of the terms found (L1133-1 when an exception is given)."""
    if findings and excused:
        return "Termes maintenus au titre d'une exigence professionnelle (L1133-1)."
    if findings:
        return f"{findings} terme(s) à reformuler."
    return ""


def posting_mentions(
    *, title: str, summary: str, pay_range: str, findings: int, excused: bool
) -> list[Mention]:
    """The mentions of a posting with `findings` discriminatory terms found in its texts, kept
    (`excused`) or not under a professional requirement."""
    return [
        Mention(
            "Intitulé neutre : « (H/F) »",
            "C. trav. L1142-1",
            has_neutral_title(title),
            blocking=True,
            detail="Une offre ne mentionne pas le sexe du candidat recherché.",
        ),
        Mention(
            "Aucun terme discriminatoire",
            "C. trav. L1132-1, L1142-1, L5331-2 ; C. pén. 225-2",
            not findings or excused,
            blocking=True,
            detail=wording_detail(findings, excused),
        ),
        Mention(
            "Description du poste",
            "C. trav. L5331-3",
            bool(summary.strip()),
            blocking=True,
            detail="Ni fausse ni trompeuse : le poste, ses missions, son lieu.",
        ),
        Mention(
            "Offre datée",
            "C. trav. L5332-1",
            True,
            detail="La date de publication est imprimée sur l'offre.",
        ),
        Mention(
            "Nom de l'employeur",
            "C. trav. L5332-2",
            True,
            detail="La raison sociale est imprimée sur l'offre.",
        ),
        Mention(
            "Rédigée en français",
            "C. trav. L5331-4",
            None,
            detail="Un terme étranger sans équivalent est décrit en français.",
        ),
        Mention(
            "Rémunération indiquée",
            "Directive (UE) 2023/970, art. 5 (transposition attendue)",
            bool(pay_range.strip()),
            detail="Recommandé : la rémunération ou sa fourchette.",
        ),
        Mention(
            "Information des candidats sur leurs données",
            "RGPD art. 13 ; C. trav. L1221-8",
            True,
            detail="La page carrières la donne avec le formulaire.",
        ),
    ]
