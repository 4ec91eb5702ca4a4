"""Discriminatory wording found with its ground (C. trav. L1132-1, L1142-1, L5331-2), and the
neutral title (L1142-1): pure text."""

from __future__ import annotations

import pytest

from effectif.rules.hiring.wording import Term, find_terms, has_neutral_title, normalise

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
