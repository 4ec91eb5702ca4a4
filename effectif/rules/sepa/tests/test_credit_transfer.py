"""The SEPA credit transfer file (pain.001.001.03): parsed back with xml.etree, its counts,
sums, accounts and texts checked, valid against the official schema; bad batches refused with
French messages."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from effectif.rules.identity.generate import make_french_iban
from effectif.rules.sepa.credit_transfer import (
    NAMESPACE,
    SALARY_PURPOSE,
    Party,
    Transfer,
    credit_transfer_xml,
    sepa_text,
)
from effectif.rules.sepa.schema import SCHEMA_PATH, check_against_schema, schema_errors

NS = {"p": NAMESPACE}
D = Decimal
EMPLOYER_IBAN = make_french_iban(bank=30004, branch=1234, account=987654)
DEBTOR = Party("Société Générale d’Études & Conseil", EMPLOYER_IBAN, "BNPAFRPPXXX")
ALICE = Party(
    "Élodie Gaëtan-Lœwy", make_french_iban(bank=20041, branch=1, account=111), "PSSTFRPPPAR"
)
BOB = Party("Bob Martin", "DE89 3704 0044 0532 0130 00", "")
CREATED = datetime(2026, 3, 31, 17, 45, 12, 123456, tzinfo=UTC)  # as the service: timezone.now()


def transfers() -> list[Transfer]:
    return [
        Transfer("NDF-2026-0001", ALICE, D("123.45"), "Note de frais n° 1 — mars 2026"),
        Transfer("NDF-2026-0002", BOB, D("76.60"), "Remboursement frais de mission"),
        Transfer("NDF-2026-0003", ALICE, D("0.01"), ""),
    ]


def build(items: list[Transfer] | None = None, **changes: object) -> bytes:
    arguments: dict[str, object] = {
        "message_id": "VIR-20260331-001",
        "created_at": CREATED,
        "debtor": DEBTOR,
        "execution_date": date(2026, 4, 2),
        "transfers": transfers() if items is None else items,
    }
    arguments.update(changes)
    return credit_transfer_xml(**arguments)  # type: ignore[arg-type]


def text(root: ET.Element, path: str) -> str:
    found = root.find(path, NS)
    assert found is not None, path
    return found.text or ""


def test_the_document_parses_back_with_its_namespace_and_declaration() -> None:
    data = build()
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(data)
    assert root.tag == f"{{{NAMESPACE}}}Document"
    assert NAMESPACE == "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"
    assert root.find("p:CstmrCdtTrfInitn/p:GrpHdr", NS) is not None


def test_counts_and_control_sums_in_header_and_payment() -> None:
    root = ET.fromstring(build())
    # 123,45 + 76,60 + 0,01 = 200,06
    for block in ("p:CstmrCdtTrfInitn/p:GrpHdr", "p:CstmrCdtTrfInitn/p:PmtInf"):
        assert text(root, f"{block}/p:NbOfTxs") == "3"
        assert text(root, f"{block}/p:CtrlSum") == "200.06"
    transactions = root.findall("p:CstmrCdtTrfInitn/p:PmtInf/p:CdtTrfTxInf", NS)
    amounts = [text(t, "p:Amt/p:InstdAmt") for t in transactions]
    assert amounts == ["123.45", "76.60", "0.01"]
    assert sum(D(a) for a in amounts) == D(text(root, "p:CstmrCdtTrfInitn/p:GrpHdr/p:CtrlSum"))
    currency = transactions[0].find("p:Amt/p:InstdAmt", NS)
    assert currency is not None
    assert currency.get("Ccy") == "EUR"


def test_header_dates_and_payment_information() -> None:
    root = ET.fromstring(build())
    header = "p:CstmrCdtTrfInitn/p:GrpHdr"
    payment = "p:CstmrCdtTrfInitn/p:PmtInf"
    assert text(root, f"{header}/p:MsgId") == "VIR-20260331-001"
    assert text(root, f"{header}/p:CreDtTm") == "2026-03-31T17:45:12+00:00"
    assert text(root, f"{payment}/p:PmtMtd") == "TRF"
    assert text(root, f"{payment}/p:PmtTpInf/p:SvcLvl/p:Cd") == "SEPA"
    assert text(root, f"{payment}/p:ReqdExctnDt") == "2026-04-02"
    assert text(root, f"{payment}/p:ChrgBr") == "SLEV"
    assert text(root, f"{payment}/p:DbtrAcct/p:Id/p:IBAN") == EMPLOYER_IBAN
    assert text(root, f"{payment}/p:DbtrAgt/p:FinInstnId/p:BIC") == "BNPAFRPPXXX"


def test_creditors_accounts_and_texts_in_the_sepa_character_set() -> None:
    root = ET.fromstring(build())
    first, second, third = root.findall("p:CstmrCdtTrfInitn/p:PmtInf/p:CdtTrfTxInf", NS)
    assert text(first, "p:PmtId/p:EndToEndId") == "NDF-2026-0001"
    assert text(first, "p:Cdtr/p:Nm") == "Elodie Gaetan-Loewy"
    assert text(first, "p:CdtrAcct/p:Id/p:IBAN") == ALICE.iban
    assert text(first, "p:CdtrAgt/p:FinInstnId/p:BIC") == "PSSTFRPPPAR"
    assert text(first, "p:RmtInf/p:Ustrd") == "Note de frais n 1 mars 2026"
    # a German IBAN typed with spaces, no BIC: no creditor agent
    assert text(second, "p:CdtrAcct/p:Id/p:IBAN") == "DE89370400440532013000"
    assert second.find("p:CdtrAgt", NS) is None
    assert third.find("p:RmtInf", NS) is None
    name = text(root, "p:CstmrCdtTrfInitn/p:GrpHdr/p:InitgPty/p:Nm")
    assert name == "Societe Generale d'Etudes + Conseil"


def test_a_debtor_without_bic_is_not_provided() -> None:
    root = ET.fromstring(build(debtor=Party("Acme", EMPLOYER_IBAN, "")))
    agent = "p:CstmrCdtTrfInitn/p:PmtInf/p:DbtrAgt/p:FinInstnId/p:Othr/p:Id"
    assert text(root, agent) == "NOTPROVIDED"


def test_the_order_of_elements_follows_the_schema() -> None:
    root = ET.fromstring(build())
    payment = root.find("p:CstmrCdtTrfInitn/p:PmtInf", NS)
    assert payment is not None
    tags = [child.tag.split("}")[1] for child in payment]
    assert tags[:11] == [
        "PmtInfId", "PmtMtd", "BtchBookg", "NbOfTxs", "CtrlSum", "PmtTpInf", "ReqdExctnDt",
        "Dbtr", "DbtrAcct", "DbtrAgt", "ChrgBr",
    ]  # fmt: skip
    first = payment.find("p:CdtTrfTxInf", NS)
    assert first is not None
    assert [child.tag.split("}")[1] for child in first] == [
        "PmtId", "Amt", "CdtrAgt", "Cdtr", "CdtrAcct", "RmtInf",
    ]  # fmt: skip


def test_long_texts_are_cut() -> None:
    long_name = Party("A" * 100, ALICE.iban, "")
    root = ET.fromstring(build([Transfer("X1", long_name, D("1.00"), "r" * 200)]))
    transaction = root.find("p:CstmrCdtTrfInitn/p:PmtInf/p:CdtTrfTxInf", NS)
    assert transaction is not None
    assert len(text(transaction, "p:Cdtr/p:Nm")) == 70
    assert len(text(transaction, "p:RmtInf/p:Ustrd")) == 140


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Çà et là, œuvre n°5 — €", "Ca et la, oeuvre n 5"),
        ("O’Brien & Fils", "O'Brien + Fils"),
        ("Straße 12/B", "Strasse 12/B"),
        ("   ", ""),
    ],
)
def test_sepa_text(value: str, expected: str) -> None:
    assert sepa_text(value, 140) == expected


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"items": []}, "Le lot de virements est vide"),
        ({"items": [Transfer("A1", ALICE, D("0"), "")]}, "montant positif"),
        ({"items": [Transfer("A1", ALICE, D("-5.00"), "")]}, r"montant positif \(-5,00 € saisi\)"),
        ({"items": [Transfer("A1", ALICE, D("1.005"), "")]}, "au centime"),
        (
            {"items": [Transfer("A1", Party("Alice", "FR7630004000010000000012359", ""), D(1), "")]},
            "Bénéficiaire Alice : L'IBAN est invalide",
        ),
        ({"items": [Transfer("A1", Party("Alice", ALICE.iban, "BNP"), D(1), "")]}, "BIC"),
        ({"items": [Transfer("A1", Party("", ALICE.iban, ""), D(1), "")]}, "nom du bénéficiaire"),
        ({"items": [Transfer("X" * 36, ALICE, D(1), "")]}, "dépasse 35 caractères"),
        ({"items": [Transfer("NDF 1", ALICE, D(1), "")]}, "caractères non admis"),
        ({"items": [Transfer("NDF/", ALICE, D(1), "")]}, "ni commencer ni finir"),
        ({"items": [Transfer("", ALICE, D(1), "")]}, "est obligatoire"),
        (
            {"items": [Transfer("A1", ALICE, D(1), ""), Transfer("A1", BOB, D(2), "")]},
            "utilisé deux fois",
        ),
        ({"message_id": "M" * 36}, "identifiant du message"),
        ({"debtor": Party("Acme", "FR76", "")}, "Donneur d'ordre Acme"),
    ],
)  # fmt: skip
def test_bad_batches_are_refused_in_french(changes: dict[str, object], message: str) -> None:
    items = changes.pop("items", None)
    with pytest.raises(ValueError, match=message):
        build(items if isinstance(items, list) else None, **changes)


def test_every_batch_is_valid_against_the_official_schema() -> None:
    assert schema_errors(build()) == []
    assert schema_errors(build(debtor=Party("Acme", EMPLOYER_IBAN, ""))) == []
    salaries = build(category_purpose=SALARY_PURPOSE)
    assert schema_errors(salaries) == []
    root = ET.fromstring(salaries)
    assert text(root, "p:CstmrCdtTrfInitn/p:PmtInf/p:PmtTpInf/p:CtgyPurp/p:Cd") == "SALA"
    assert (
        ET.fromstring(build()).find("p:CstmrCdtTrfInitn/p:PmtInf/p:PmtTpInf/p:CtgyPurp", NS) is None
    )


def test_the_schema_refuses_a_document_out_of_order_and_says_so_in_french() -> None:
    data = (
        build()
        .replace(b"<PmtMtd>TRF</PmtMtd>", b"")
        .replace(
            b"<BtchBookg>false</BtchBookg>", b"<BtchBookg>false</BtchBookg><PmtMtd>TRF</PmtMtd>"
        )
    )
    assert schema_errors(data)
    with pytest.raises(ValueError, match=r"pas conforme au schéma pain\.001\.001\.03"):
        check_against_schema(data)
    assert "XML illisible" in schema_errors(b"<Document")[0]
    assert SCHEMA_PATH.read_text(encoding="utf-8").count('name="CstmrCdtTrfInitn"') == 1
