"""SEPA credit transfer file (ISO 20022 pain.001.001.03), as French banks accept it: the one
writer of the expense-report batches (travel) and the salary transfers (payroll).

One payment information block (one debtor account, one execution date, an optional category
purpose such as SALA for salaries) holding one transaction per transfer. Texts are reduced to
the SEPA character set (accents transliterated), names to 70 characters and remittance to 140;
identifiers must already fit (35 characters, SEPA set). Every document is checked against the
official schema (`schema.py`) before it is returned.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from effectif.rules.identity.checks import check_bic, check_iban
from effectif.rules.money import CENT
from effectif.rules.sepa.schema import check_against_schema
from effectif.rules.travel.wording import euros

NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"
MAX_ID = 35
MAX_NAME = 70
MAX_REMITTANCE = 140
MAX_AMOUNT = Decimal("999999999.99")
#: ISO 20022 external category purpose codes used here: salary payment.
SALARY_PURPOSE = "SALA"

#: The SEPA (EPC) basic Latin character set.
SEPA_CHARACTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ "
)
_SPECIAL = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "&": "+", "’": "'", "‘": "'"}


@dataclass(frozen=True)
class Party:
    name: str
    iban: str
    bic: str  # may be empty: transfers within the SEPA area are possible on the IBAN alone


@dataclass(frozen=True)
class Transfer:
    end_to_end_id: str
    creditor: Party
    amount: Decimal
    remittance: str


def sepa_text(value: str, limit: int) -> str:
    """`value` in the SEPA character set: accents dropped ("Élodie Gaëtan" → "Elodie Gaetan"),
    ligatures spelled out, other signs replaced by spaces; cut at `limit` characters."""
    spelled = "".join(_SPECIAL.get(c, c) for c in value)
    decomposed = unicodedata.normalize("NFKD", spelled)
    kept = "".join(
        c if c in SEPA_CHARACTERS else " " for c in decomposed if not unicodedata.combining(c)
    )
    return " ".join(kept.split())[:limit].strip()


def _check_id(value: str, what: str) -> str:
    if not value:
        raise ValueError(f"{what} est obligatoire.")
    if len(value) > MAX_ID:
        raise ValueError(
            f"{what} « {value} » dépasse {MAX_ID} caractères ({len(value)} caractères)."
        )
    if any(c not in SEPA_CHARACTERS or c == " " for c in value):
        raise ValueError(
            f"{what} « {value} » contient des caractères non admis : lettres sans accent, "
            "chiffres et / - ? : ( ) . , ' + uniquement, sans espace."
        )
    if value.startswith("/") or value.endswith("/") or "//" in value:
        raise ValueError(
            f"{what} « {value} » ne peut ni commencer ni finir par « / », ni contenir « // »."
        )
    return value


def _check_party(party: Party, role: str) -> tuple[str, str, str]:
    name = sepa_text(party.name, MAX_NAME)
    if not name:
        raise ValueError(f"Le nom du {role} est obligatoire.")
    try:
        iban = check_iban(party.iban)
        bic = check_bic(party.bic) if party.bic.strip() else ""
    except ValueError as error:
        raise ValueError(f"{role.capitalize()} {name} : {error}") from error
    return name, iban, bic


def _check_amount(transfer: Transfer) -> Decimal:
    amount = transfer.amount
    if amount <= 0:
        raise ValueError(
            f"Le virement {transfer.end_to_end_id} doit avoir un montant positif "
            f"({euros(amount)} saisi)."
        )
    if amount != amount.quantize(CENT):
        raise ValueError(f"Le montant du virement {transfer.end_to_end_id} doit être au centime.")
    if amount > MAX_AMOUNT:
        raise ValueError(f"Le montant du virement {transfer.end_to_end_id} est trop élevé.")
    return amount.quantize(CENT)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _agent(parent: ET.Element, tag: str, bic: str) -> None:
    institution = _sub(_sub(parent, tag), "FinInstnId")
    if bic:
        _sub(institution, "BIC", bic)
    else:
        _sub(_sub(institution, "Othr"), "Id", "NOTPROVIDED")


def _account(parent: ET.Element, tag: str, iban: str) -> None:
    _sub(_sub(_sub(parent, tag), "Id"), "IBAN", iban)


def credit_transfer_xml(
    *,
    message_id: str,
    created_at: datetime,
    debtor: Party,
    execution_date: date,
    transfers: Sequence[Transfer],
    category_purpose: str = "",
) -> bytes:
    """The UTF-8 pain.001.001.03 document of one batch, valid against the official schema;
    ValueError (French) on bad input: an empty batch, a non-positive amount, an invalid IBAN or
    BIC, an identifier too long or repeated. `category_purpose` (« SALA ») tells the banks what
    the whole batch pays."""
    if not transfers:
        raise ValueError("Le lot de virements est vide : aucun virement à émettre.")
    _check_id(message_id, "L'identifiant du message")
    debtor_name, debtor_iban, debtor_bic = _check_party(debtor, "donneur d'ordre")
    checked = []
    seen: set[str] = set()
    for transfer in transfers:
        end_to_end = _check_id(transfer.end_to_end_id, "L'identifiant de bout en bout")
        if end_to_end in seen:
            raise ValueError(
                f"L'identifiant de bout en bout « {end_to_end} » est utilisé deux fois."
            )
        seen.add(end_to_end)
        amount = _check_amount(transfer)
        creditor = _check_party(transfer.creditor, "bénéficiaire")
        checked.append(
            (end_to_end, amount, creditor, sepa_text(transfer.remittance, MAX_REMITTANCE))
        )
    count = str(len(checked))
    control_sum = f"{sum(amount for _, amount, _, _ in checked):f}"

    document = ET.Element("Document", {"xmlns": NAMESPACE})
    initiation = _sub(document, "CstmrCdtTrfInitn")
    header = _sub(initiation, "GrpHdr")
    _sub(header, "MsgId", message_id)
    _sub(header, "CreDtTm", created_at.replace(microsecond=0).isoformat())
    _sub(header, "NbOfTxs", count)
    _sub(header, "CtrlSum", control_sum)
    _sub(_sub(header, "InitgPty"), "Nm", debtor_name)

    payment = _sub(initiation, "PmtInf")
    _sub(payment, "PmtInfId", message_id)
    _sub(payment, "PmtMtd", "TRF")
    _sub(payment, "BtchBookg", "false")
    _sub(payment, "NbOfTxs", count)
    _sub(payment, "CtrlSum", control_sum)
    payment_type = _sub(payment, "PmtTpInf")
    _sub(_sub(payment_type, "SvcLvl"), "Cd", "SEPA")
    if category_purpose:
        _sub(_sub(payment_type, "CtgyPurp"), "Cd", category_purpose)
    _sub(payment, "ReqdExctnDt", execution_date.isoformat())
    _sub(_sub(payment, "Dbtr"), "Nm", debtor_name)
    _account(payment, "DbtrAcct", debtor_iban)
    _agent(payment, "DbtrAgt", debtor_bic)
    _sub(payment, "ChrgBr", "SLEV")
    for end_to_end, amount, (name, iban, bic), remittance in checked:
        transaction = _sub(payment, "CdtTrfTxInf")
        _sub(_sub(transaction, "PmtId"), "EndToEndId", end_to_end)
        _sub(_sub(transaction, "Amt"), "InstdAmt", f"{amount:f}", Ccy="EUR")
        if bic:
            _agent(transaction, "CdtrAgt", bic)
        _sub(_sub(transaction, "Cdtr"), "Nm", name)
        _account(transaction, "CdtrAcct", iban)
        if remittance:
            _sub(_sub(transaction, "RmtInf"), "Ustrd", remittance)
    ET.indent(document)
    body = ET.tostring(document, encoding="unicode")
    return check_against_schema(
        b'<?xml version="1.0" encoding="UTF-8"?>\n' + body.encode("utf-8") + b"\n"
    )
