"""The mentions of a job posting, each with its article (C. trav. L1142-1, L1132-1, L1133-1,
L5331-2 to L5332-2)."""

from __future__ import annotations

from effectif.rules.hiring.posting import posting_mentions, wording_detail


def mentions(**changes):
    facts = {
        "title": "Comptable (H/F)",
        "summary": "Tenue de la comptabilité.",
        "pay_range": "",
        "findings": 0,
        "excused": False,
    } | changes
    return {m.article: m for m in posting_mentions(**facts)}


def test_a_neutral_described_posting_without_terms_blocks_nothing():
    found = mentions()
    assert [m for m in found.values() if m.blocking and m.ok is False] == []
    assert found["C. trav. L5331-4"].ok is None  # French wording: checked by a person


def test_the_title_names_no_sex_l1142_1():
    assert mentions(title="Comptable")["C. trav. L1142-1"].ok is False


def test_discriminatory_terms_block_unless_a_professional_requirement_l1133_1():
    article = "C. trav. L1132-1, L1142-1, L5331-2 ; C. pén. 225-2"
    assert mentions(findings=2)[article].ok is False
    assert mentions(findings=2)[article].detail == "2 terme(s) à reformuler."
    assert mentions(findings=2, excused=True)[article].ok is True
    assert "L1133-1" in wording_detail(2, True)
    assert wording_detail(0, False) == ""


def test_the_job_is_described_l5331_3_and_the_pay_recommended():
    assert mentions(summary="  ")["C. trav. L5331-3"].ok is False
    pay = mentions(pay_range="")["Directive (UE) 2023/970, art. 5 (transposition attendue)"]
    assert (pay.ok, pay.blocking) == (False, False)
