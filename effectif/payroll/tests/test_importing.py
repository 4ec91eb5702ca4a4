"""Importing a period's manual elements from a spreadsheet: all or nothing, each error with its
row and column in French, the checks of the element page, a closed or validated period refused,
and the page per role."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from effectif.core.models import AuditAction, AuditEntry
from effectif.employees.models import Employee
from effectif.payroll.importing import analyse, import_elements, read_month
from effectif.payroll.models import ElementSource, PayrollElement, PayrollPeriod, PeriodStatus

pytestmark = pytest.mark.django_db

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]
HEADER = ["Matricule", "Code", "Quantité", "Base", "Taux", "Montant", "Période", "Commentaire"]


def xlsx(rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv(rows):
    lines = [";".join("" if cell is None else str(cell) for cell in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("cp1252")


def employees(world):
    return Employee.objects.filter(employer=world.employer)


def upload(client, period, data, name):
    return client.post(
        reverse("payroll:elements_import", args=[period.pk]),
        {"file": SimpleUploadedFile(name, data)},
    )


def test_a_good_file_writes_every_row(client_for, hr_assistant, world, period):
    data = xlsx(
        [
            HEADER,
            [world.member.matricule, "HS25", "4,5", None, None, None, None, "Inventaire"],
            [world.colleague.matricule, "prime", None, None, None, "1 234,50", None, None],
            [None, None, None, None, None, None, None, None],  # a blank line is skipped
            [world.member.matricule, "TR", 18, "9,00", "0,6", None, "04/2026", "Rappel avril"],
        ]
    )
    client = client_for(hr_assistant)
    response = upload(client, period, data, "elements.xlsx")

    assert response.status_code == 302
    assert response.url == reverse("payroll:elements", args=[period.pk])
    page = client.get(response.url).content.decode()
    assert "3 éléments importés" in page
    rows = PayrollElement.objects.filter(period=period).order_by("pk")
    assert [(e.employee, e.code, e.source) for e in rows] == [
        (world.member, "HS25", ElementSource.IMPORT),
        (world.colleague, "PRIME", ElementSource.IMPORT),
        (world.member, "TR", ElementSource.IMPORT),
    ]
    overtime, bonus, vouchers = rows
    assert (overtime.quantity, overtime.comment) == (D("4.5"), "Inventaire")
    assert (bonus.amount, bonus.quantity) == (D("1234.50"), None)
    assert (vouchers.quantity, vouchers.base_amount, vouchers.rate) == (D(18), D(9), D("0.6"))
    assert vouchers.corrected_month == dt.date(2026, 4, 1)
    assert vouchers.created_by == hr_assistant
    created = AuditEntry.objects.filter(
        action=AuditAction.CREATE, target_type="payroll.PayrollElement"
    )
    assert created.count() == 3
    assert AuditEntry.objects.filter(
        action=AuditAction.IMPORT, target_type="payroll.PayrollPeriod", target_id=str(period.pk)
    ).exists()


def test_a_file_with_errors_writes_nothing_and_says_row_and_column(
    client_for, hr_assistant, world, period
):
    data = csv(
        [
            HEADER,
            [world.member.matricule, "HS25", "2", "", "", "", "", ""],  # 2: right
            ["INCONNU", "HS25", "2", "", "", "", "", ""],  # 3
            [world.stranger.matricule, "HS50", "1", "", "", "", "", ""],  # 4: employer B's
            [world.member.matricule, "CP", "1", "", "", "", "", ""],  # 5: gathered, not manual
            [world.member.matricule, "XYZ", "1", "", "", "", "", ""],  # 6
            [world.member.matricule, "HS25", "-3", "", "", "", "", ""],  # 7
            [world.member.matricule, "PRIME", "", "", "", "", "", ""],  # 8: no amount
            [world.member.matricule, "ABS_H", "", "", "", "", "", ""],  # 9: no quantity
            [world.member.matricule, "HS25", "quatre", "", "", "", "", ""],  # 10
            [world.member.matricule, "PRIME", "", "", "", "12,345", "13/2026", ""],  # 11
        ]
    )
    response = upload(client_for(hr_assistant), period, data, "elements.csv")

    assert response.status_code == 200
    assert not PayrollElement.objects.filter(period=period).exists()
    errors = {(e.row, e.column, e.letter) for e in response.context["analysis"].errors}
    assert errors == {
        (3, "Matricule", "A"),
        (4, "Matricule", "A"),
        (5, "Code", "B"),
        (6, "Code", "B"),
        (7, "Quantité", "C"),
        (8, "Montant", "F"),
        (9, "Quantité", "C"),
        (10, "Quantité", "C"),
        (11, "Montant", "F"),
        (11, "Période", "G"),
    }
    page = response.content.decode()
    assert "Matricule inconnu chez Employeur A." in page
    assert "Code d&#x27;élément inconnu : CP." in page
    assert "La quantité ne peut être négative." in page
    assert "Indiquez le montant." in page
    assert "« quatre » n&#x27;est pas un nombre" in page
    assert "le mois 13 n&#x27;existe pas" in page
    assert "Aucun élément n'a été importé" in page


def test_the_same_messages_as_the_element_page(client_for, hr_assistant, world, period):
    """The page's form and the import say the same for the same element (element_errors)."""
    client = client_for(hr_assistant)
    form = client.post(
        reverse("payroll:elements", args=[period.pk]),
        {"employee": world.member.pk, "code": "PRIME"},
    )
    data = csv([HEADER, [world.member.matricule, "PRIME", "", "", "", "", "", ""]])
    imported = upload(client, period, data, "elements.csv")
    assert "Indiquez le montant." in form.content.decode()
    assert [e.message for e in imported.context["analysis"].errors] == ["Indiquez le montant."]


@pytest.mark.parametrize("status", [PeriodStatus.VALIDATED, PeriodStatus.CLOSED])
def test_a_closed_or_validated_period_refuses_the_whole_file(
    client_for, hr_manager, world, period, status
):
    PayrollPeriod.objects.filter(pk=period.pk).update(status=status)
    period.refresh_from_db()
    data = csv([HEADER, [world.member.matricule, "HS25", "2", "", "", "", "", ""]])

    analysis = analyse(data, "elements.csv", period=period, employees=employees(world))
    assert not analysis.is_valid
    assert [(e.row, e.column) for e in analysis.errors] == [(0, "Période de paie")]
    word = "close" if status == PeriodStatus.CLOSED else "validée"
    assert word in analysis.errors[0].message

    response = upload(client_for(hr_manager), period, data, "elements.csv")
    assert response.status_code == 200
    assert word in response.content.decode()
    assert not PayrollElement.objects.filter(period=period).exists()


def test_the_write_is_all_or_nothing(hr_assistant, world, period):
    """A row refused at writing time (the period closed meanwhile) undoes the rows before."""
    data = csv(
        [
            HEADER,
            [world.member.matricule, "HS25", "2", "", "", "", "", ""],
            [world.colleague.matricule, "HS25", "1", "", "", "", "", ""],
        ]
    )
    analysis = analyse(data, "e.csv", period=period, employees=employees(world))
    assert analysis.is_valid
    broken = [analysis.elements[0], replace(analysis.elements[1], employee=world.stranger)]
    with pytest.raises(ValidationError, match="Ligne 3"):
        import_elements(period=period, elements=broken, filename="e.csv", by=hr_assistant)
    assert not PayrollElement.objects.filter(period=period).exists()


def test_an_unreadable_file_or_missing_column_is_reported(world, period):
    no_code = analyse(
        csv([["Matricule", "Quantité", "Montant"], [world.member.matricule, "1", ""]]),
        "e.csv",
        period=period,
        employees=employees(world),
    )
    assert [(e.row, e.column) for e in no_code.errors] == [(0, "Fichier")]
    assert "ligne d'en-tête est introuvable" in no_code.errors[0].message
    old_excel = analyse(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "e.xls", period=period, employees=employees(world)
    )
    assert ".xls" in old_excel.errors[0].message
    twice = analyse(
        csv([["Matricule", "Code", "Quantité", "Qté"], [world.member.matricule, "HS25", "1", "2"]]),
        "e.csv",
        period=period,
        employees=employees(world),
    )
    assert [(e.row, e.column, e.letter) for e in twice.errors] == [(1, "Quantité", "D")]


def test_read_month():
    assert read_month("04/2026") == dt.date(2026, 4, 1)
    assert read_month("4/2026") == dt.date(2026, 4, 1)
    assert read_month("2026-04") == dt.date(2026, 4, 1)
    assert read_month(dt.datetime(2026, 4, 1)) == dt.date(2026, 4, 1)  # noqa: DTZ001 - a cell
    assert read_month("15/04/2026") == dt.date(2026, 4, 1)
    with pytest.raises(ValueError, match="MM/AAAA"):
        read_month("avril")


def test_the_template_has_the_header_and_an_example_that_imports(
    client_for, hr_assistant, world, period
):
    client = client_for(hr_assistant)
    response = client.get(reverse("payroll:elements_template", args=[period.pk]))
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    assert len(rows) == 2
    imported = upload(client, period, response.content, "modele.xlsx")
    assert imported.status_code == 302
    element = PayrollElement.objects.get(period=period)
    assert (element.code, element.quantity, element.corrected_month) == (
        "HS25",
        D("4.5"),
        dt.date(2026, 4, 1),
    )


@pytest.mark.parametrize("name", ["payroll:elements_import", "payroll:elements_template"])
def test_elements_import_access_per_role(request, client_for, period, name):
    expected = [200, 200, 200, 403, 403, 404]
    for role, status in zip(ROLES, expected, strict=True):
        client = client_for(request.getfixturevalue(role))
        assert client.get(reverse(name, args=[period.pk])).status_code == status, role
    outsider = client_for(request.getfixturevalue("outsider"))
    data = {"file": SimpleUploadedFile("e.csv", b"Matricule;Code\n")}
    assert (
        outsider.post(reverse("payroll:elements_import", args=[period.pk]), data).status_code == 404
    )
