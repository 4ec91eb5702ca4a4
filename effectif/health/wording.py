"""Words that do not belong in an HR file: the adaptations of a post are written without their
medical cause (C. trav. L4624-3 and L4624-4: the employer learns the notice and the proposed
measures, not the diagnosis; GDPR art. 9).

A maintained list of stems, matched at the start of words, accents and case ignored. It catches
the usual slips (« suite à sa hernie discale », « traitement en cours »), not every one: the
form says why, and HR remains responsible for what it writes.
"""

from __future__ import annotations

import re
import unicodedata

MEDICAL_STEMS = (
    "allerg",
    "anxi",
    "arthros",
    "asthm",
    "burn out",
    "burnout",
    "cancer",
    "cardiaq",
    "chimio",
    "chirurg",
    "cholesterol",
    "depress",
    "diabet",
    "diagnost",
    "epilep",
    "enceinte",
    "fracture",
    "grossesse",
    "handicap",
    "hepatit",
    "hernie",
    "hospitalis",
    "hypertension",
    "infarctus",
    "lesion",
    "lombalg",
    "maladie",
    "medicament",
    "migraine",
    "ordonnance",
    "patholog",
    "psychiatr",
    "sclerose",
    "sciatiq",
    "seropositi",
    "symptom",
    "tendinite",
    "traitement",
    "troubles",
    "tumeur",
    "vih",
)

_PATTERN = re.compile(r"\b(" + "|".join(re.escape(s) for s in MEDICAL_STEMS) + r")\w*")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def medical_words(text: str) -> list[str]:
    """The words of `text` that look like medical information, as typed, in order."""
    plain = _plain(text)
    # NFKD then dropping combining marks keeps one character per character of `text`
    # for French letters, so positions in `plain` are positions in `text`.
    if len(plain) != len(text):
        return [m.group(0) for m in _PATTERN.finditer(plain)]
    return list(dict.fromkeys(text[m.start() : m.end()] for m in _PATTERN.finditer(plain)))
