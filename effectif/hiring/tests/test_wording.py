"""Discriminatory wording found with its ground, and the neutral title (pure text, then the
shipped list)."""

from __future__ import annotations

import pytest

from effectif.hiring.models import DiscriminatoryTerm
from effectif.hiring.services.postings import active_terms
from effectif.hiring.wording import Term, find_terms, has_neutral_title, normalise

AGE = Term("jeune diplômé", "age", "Âge", "première expérience acceptée")
SEX = Term("homme", "sexe", "Sexe", "(H/F)")
FAMILY = Term("sans enfant", "famille", "Situation de famille", "")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Nous recherchons un JEUNE DIPLOME motivé", ["jeune diplômé"]),  # case and accents
        ("un jeune\n  diplômé", ["jeune diplômé"]),  # spacing
        ("Un homme de terrain", ["homme"]),
        ("En hommage à notre fondateur", []),  # whole words only
        ("Les hommes et les femmes", []),  # « hommes » is another word of the list, or none
        ("Célibataire, sans enfant de préférence", ["sans enfant"]),
        ("", []),
    ],
)
def test_terms_are_found_as_whole_words_ignoring_case_accents_and_spacing(text, found):
    findings = find_terms({"summary": text}, [AGE, SEX, FAMILY])
    assert [f.term.term for f in findings] == found


def test_each_finding_has_its_ground_field_and_excerpt():
    long = "Poste de comptable. " * 5 + "Idéal pour un jeune diplômé. " + "Suite du texte. " * 5
    findings = find_terms({"title": "Comptable (H/F)", "profile": long}, [AGE, SEX])
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.field, finding.term.ground_label) == ("profile", "Âge")
    assert "un jeune diplômé" in finding.excerpt  # the original text, accents kept
    assert finding.excerpt.startswith("…")
    assert finding.excerpt.endswith("…")


def test_findings_follow_the_fields_then_the_text():
    findings = find_terms(
        {"title": "Homme de ménage", "summary": "sans enfant ; un jeune diplômé"},
        [AGE, SEX, FAMILY],
    )
    assert [(f.field, f.term.term) for f in findings] == [
        ("title", "homme"),
        ("summary", "sans enfant"),
        ("summary", "jeune diplômé"),
    ]


def test_normalise_keeps_a_map_to_the_original():
    folded, origins = normalise("Été  à l’école")
    assert folded == "ete a l'ecole"
    assert len(origins) == len(folded)
    assert origins[-1] == len("Été  à l’école") - 1


@pytest.mark.parametrize(
    ("title", "neutral"),
    [
        ("Comptable (H/F)", True),
        ("Comptable H/F", True),
        ("Comptable (F/H)", True),
        ("Comptable f / h", True),
        ("Comptable", False),
        ("Chef de projet HF", False),
    ],
)
def test_neutral_title(title, neutral):
    assert has_neutral_title(title) is neutral


@pytest.mark.django_db
def test_the_shipped_list_covers_the_main_grounds_and_is_editable():
    grounds = set(DiscriminatoryTerm.objects.values_list("ground", flat=True))
    assert {"age", "sexe", "famille", "origine", "apparence", "sante", "grossesse"} <= grounds
    text = {"profile": "Jeune et dynamique, de nationalité française, bonne présentation exigée."}
    found = {(f.term.term, f.term.ground) for f in find_terms(text, active_terms())}
    assert found == {
        ("jeune et dynamique", "age"),
        ("nationalité française", "origine"),
        ("bonne présentation", "apparence"),
    }
    DiscriminatoryTerm.objects.filter(term="bonne présentation").update(is_active=False)
    assert len(find_terms(text, active_terms())) == 2
