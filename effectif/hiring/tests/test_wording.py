"""The shipped list of discriminatory terms, read from the database by the postings service."""

from __future__ import annotations

import pytest

from effectif.hiring.models import DiscriminatoryTerm
from effectif.hiring.services.postings import active_terms
from effectif.rules.hiring.wording import find_terms


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
