"""SEPA credit transfer file (ISO 20022 pain.001.001.03), as French banks accept it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"


@dataclass(frozen=True)
class Party:
    name: str
    iban: str
    bic: str


@dataclass(frozen=True)
class Transfer:
    end_to_end_id: str
    creditor: Party
    amount: Decimal
    remittance: str


def credit_transfer_xml(
    *,
    message_id: str,
    created_at: datetime,
    debtor: Party,
    execution_date: date,
    transfers: Sequence[Transfer],
) -> bytes:
    """The UTF-8 pain.001.001.03 document of one batch; ValueError (French) on bad input."""
    raise NotImplementedError
