"""Finding discriminatory wording in a job posting (C. trav. L1132-1, L1142-1, L5331-2).

Pure text matching: case, accents, apostrophes and spacing are ignored, and a term matches
whole words only (« homme » does not match « hommage »). Each finding carries the excerpt
around it in the original text, so that HR sees where to rewrite.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

EXCERPT_MARGIN = 40
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})


@dataclass(frozen=True)
class Term:
    term: str
    ground: str
    ground_label: str
    suggestion: str


@dataclass(frozen=True)
class Finding:
    term: Term
    field: str
    excerpt: str


def _fold(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def normalise(text: str) -> tuple[str, list[int]]:
    """The text folded for matching, and for each of its characters the index of the
    original character it comes from."""
    folded: list[str] = []
    origins: list[int] = []
    previous_space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not previous_space:
                folded.append(" ")
                origins.append(index)
            previous_space = True
            continue
        previous_space = False
        for part in _fold(char):
            folded.append(part)
            origins.append(index)
    return "".join(folded), origins


def pattern_of(term: str) -> re.Pattern[str]:
    words = normalise(term.strip())[0].split()
    body = r"\s+".join(re.escape(word) for word in words)
    return re.compile(rf"(?<![\w]){body}(?![\w])")


def _excerpt(text: str, start: int, end: int) -> str:
    left = max(0, start - EXCERPT_MARGIN)
    right = min(len(text), end + EXCERPT_MARGIN)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return f"{prefix}{' '.join(text[left:right].split())}{suffix}"


def find_terms(texts: Mapping[str, str], terms: Iterable[Term]) -> list[Finding]:
    """Every term found in each text (keyed by field name), once per term and field, in the
    order of the fields then of their position in the text."""
    compiled = [(term, pattern_of(term.term)) for term in terms if term.term.strip()]
    findings: list[tuple[int, int, Finding]] = []
    for order, (field, text) in enumerate(texts.items()):
        if not text:
            continue
        folded, origins = normalise(text)
        for term, pattern in compiled:
            match = pattern.search(folded)
            if match is None:
                continue
            start = origins[match.start()]
            end = origins[match.end() - 1] + 1
            findings.append((order, start, Finding(term, field, _excerpt(text, start, end))))
    return [finding for _order, _start, finding in sorted(findings, key=lambda f: f[:2])]


#: What makes a title neutral: the « H/F » (or « F/H ») mention, with or without brackets.
NEUTRAL_TITLE = re.compile(r"(?<![\w])(h\s*/\s*f|f\s*/\s*h)(?![\w])")


def has_neutral_title(title: str) -> bool:
    """An offer must not name the sex of the person sought (C. trav. L1142-1): the « H/F »
    mention shows that the job is open to all."""
    return bool(NEUTRAL_TITLE.search(normalise(title)[0]))
