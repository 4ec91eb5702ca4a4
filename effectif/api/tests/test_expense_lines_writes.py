"""Writing a draft expense report and its lines through /api/v1/expense-reports: the lines as
JSON or as a multipart form with their receipt, changed, removed, with their receipt replaced;
bad input (negative amounts, dates in the future, a receipt that is not a PDF or an image or is
too large, a foreign currency without its rate…) refused in French naming the field, with
nothing written."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from effectif.api.tests.conftest import fields_of
from effectif.api.tests.travel_builders import (
    DAY,
    JSON,
    PNG,
    approved_trip,
    at_status,
    line_body,
    meal,
    multipart,
    pdf,
    post,
    report_draft,
    report_submitted,
)
from effectif.core.models import AuditAction, AuditEntry
from effectif.core.testing import png_header, sample_image
from effectif.travel.models import (
    ExpenseLine,
    Trip,
    TripStatus,
    Vehicle,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

STATUS_SUBMITTED = at_status("En attente du manager")


# --- drafts: the report and its lines ------------------------------------------------------


def test_change_a_draft_and_its_lines(world, api_for, employee_user):
    employee = api_for("employee")
    report = report_draft(world.employee_file, employee_user, meal())
    line = report.lines.get()
    base = f"/api/v1/expense-reports/{report.pk}"
    trip = approved_trip(world.employee_file)

    renamed = employee.patch(base, {"title": "Salon de Paris", "trip": trip.pk}, content_type=JSON)
    assert renamed.status_code == 200, renamed.content
    assert (renamed.json()["title"], renamed.json()["trip"]["id"]) == ("Salon de Paris", trip.pk)
    detached = employee.patch(base, {"trip": None}, content_type=JSON)
    assert (detached.json()["title"], detached.json()["trip"]) == ("Salon de Paris", None)
    other_trip = Trip.objects.create(
        employer=world.employer,
        reference="OM-2026-0043",
        employee=world.colleague,
        purpose="Audit",
        departure_place="Lyon",
        start_date=DAY,
        end_date=DAY,
        distance_km=10,
        status=TripStatus.APPROVED,
    )
    refused = employee.patch(base, {"trip": other_trip.pk}, content_type=JSON)
    assert fields_of(refused) == {"trip": f"Aucun élément n°{other_trip.pk} dans votre périmètre."}

    changed = employee.patch(
        f"{base}/lines/{line.pk}", {"amount": "21.00", "guests": 2}, content_type=JSON
    )
    assert changed.status_code == 200, changed.content
    assert (Decimal(changed.json()["amount"]), changed.json()["guests"]) == (Decimal("21.00"), 2)
    assert changed.json()["merchant"] == "Brasserie du Port"  # kept

    attached = multipart(employee, f"{base}/lines/{line.pk}/receipt", {}, receipt=pdf())
    assert attached.status_code == 200, attached.content
    assert attached.json()["has_receipt"] is True
    png = SimpleUploadedFile("ticket.png", PNG, content_type="image/png")
    replaced = multipart(employee, f"{base}/lines/{line.pk}/receipt", {}, receipt=png)
    assert replaced.status_code == 200, replaced.content
    line.refresh_from_db()
    with Image.open(line.receipt) as stored:  # re-encoded: its pixels, none of its metadata
        assert (stored.format, stored.size) == ("PNG", Image.open(io.BytesIO(PNG)).size)
    assert fields_of(employee.post(f"{base}/lines/{line.pk}/receipt")) == {
        "receipt": "Ce champ est obligatoire."
    }
    removed = employee.patch(f"{base}/lines/{line.pk}", {"remove_receipt": True}, content_type=JSON)
    assert (removed.status_code, removed.json()["has_receipt"]) == (200, False)

    # A line of another report is not found through this one.
    other = report_draft(world.employee_file, employee_user, meal("9.90"))
    foreign = other.lines.get()
    assert employee.delete(f"{base}/lines/{foreign.pk}").status_code == 404
    deleted = employee.delete(f"{base}/lines/{line.pk}")
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert not report.lines.exists()
    assert AuditEntry.objects.filter(
        target_type="travel.ExpenseLine", target_id=str(line.pk), action=AuditAction.DELETE
    ).exists()


def test_a_submitted_report_is_no_longer_changed(world, api_for, employee_user):
    report = report_submitted(world.employee_file, employee_user)
    line = report.lines.order_by("pk").first()
    employee = api_for("employee")
    base = f"/api/v1/expense-reports/{report.pk}"
    for response in (
        employee.patch(base, {"title": "Autre"}, content_type=JSON),
        post(employee, f"{base}/lines", line_body()),
        employee.patch(f"{base}/lines/{line.pk}", {"amount": "1.00"}, content_type=JSON),
        employee.delete(f"{base}/lines/{line.pk}"),
        post(employee, f"{base}/submit"),
    ):
        assert fields_of(response) == {"status": STATUS_SUBMITTED}
    assert report.lines.count() == 2
    # HR may edit a draft on the employee's behalf, not a submitted one either.
    assert fields_of(api_for("hr_manager").delete(f"{base}/lines/{line.pk}")) == {
        "status": STATUS_SUBMITTED
    }


def test_an_empty_draft_is_not_submitted(world, api_for, employee_user):
    report = report_draft(world.employee_file, employee_user)
    response = post(api_for("employee"), f"/api/v1/expense-reports/{report.pk}/submit")
    assert fields_of(response) == {
        "__all__": "Ajoutez au moins une dépense avant de soumettre la note."
    }


def test_mileage_with_the_employees_vehicle(world, api_for, employee_user):
    report = report_draft(world.employee_file, employee_user)
    car = Vehicle.objects.create(
        employee=world.employee_file, label="Peugeot 308", registration="AB-123-CD", fiscal_power=5
    )
    other_car = Vehicle.objects.create(
        employee=world.colleague, label="Clio", registration="AA-001-AA", fiscal_power=4
    )
    base = f"/api/v1/expense-reports/{report.pk}/lines"
    mileage = {
        "category": "kilometres",
        "expense_date": str(DAY),
        "vehicle": car.pk,
        "route_from": "Lyon",
        "route_to": "Grenoble",
        "distance_km": "212.0",
    }
    employee = api_for("employee")
    priced = post(employee, base, mileage)
    assert priced.status_code == 201, priced.content
    assert Decimal(priced.json()["amount"]) > 0
    assert "km" in priced.json()["computation"]
    assert fields_of(post(employee, base, {**mileage, "vehicle": other_car.pk})) == {
        "vehicle": f"Aucun élément n°{other_car.pk} dans votre périmètre."
    }
    with_file = multipart(employee, base, mileage, receipt=pdf())
    assert fields_of(with_file) == {
        "receipt": "Des indemnités kilométriques n'ont pas de justificatif à joindre."
    }
    assert report.lines.count() == 1


# --- bad input -----------------------------------------------------------------------------


def _future() -> str:
    return str(timezone.localdate() + dt.timedelta(days=3))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"amount": "-12.00"}, "amount", "négatif est refusé"),
        ({"amount": "0"}, "amount", "Le montant doit être positif"),
        ({"vat_amount": None}, "vat_amount", "Ce champ ne peut pas être vide."),
        ({"expense_date": "future"}, "expense_date", "ne peut pas être dans le futur"),
        ({"expense_date": "12/03/2026"}, "expense_date", "Date invalide"),
        ({"vat_amount": "19.00"}, "vat_amount", "ne peut pas dépasser le montant TTC"),
        ({"vat_amount": "-1"}, "vat_amount", "ne peut pas être négative"),
        (
            {"currency": "USD", "amount": None, "original_amount": "20.00"},
            "exchange_rate",
            "Une dépense en USD doit indiquer le taux de change en euros.",
        ),
        ({"currency": "dollars"}, "currency", "trois lettres"),
        ({"category": "cadeau"}, "category", "Choisissez une catégorie de dépense."),
        ({"meal_kind": ""}, "meal_kind", "Indiquez le type de repas."),
        ({"amount": "douze"}, "amount", "Saisissez un nombre décimal"),
        ({"receipt": "ticket.pdf"}, "receipt", "Ce champ est inconnu"),
    ],
)
def test_bad_lines_are_refused_in_french_and_write_nothing(
    world, api_for, employee_user, changes, field, message
):
    report = report_draft(world.employee_file, employee_user)
    client = api_for("employee")
    audits = AuditEntry.objects.count()
    if changes.get("expense_date") == "future":
        changes = {"expense_date": _future()}
    response = post(client, f"/api/v1/expense-reports/{report.pk}/lines", line_body(**changes))
    assert message in fields_of(response)[field]
    assert not ExpenseLine.objects.exists()
    assert AuditEntry.objects.count() == audits


@pytest.mark.parametrize(
    ("files", "field", "message"),
    [
        (
            {"receipt": pdf("ticket.pdf", b"MZ\x90\x00 not a pdf")},
            "receipt",
            "Le contenu du fichier ne correspond pas à son extension .pdf.",
        ),
        (
            {"receipt": SimpleUploadedFile("ticket.exe", b"MZ\x90\x00")},
            "receipt",
            "Seuls les fichiers PDF, PNG et JPEG sont acceptés.",
        ),
        (
            {"receipt": SimpleUploadedFile("photo.png", PNG + b"\x00" * (2 * 1024 * 1024))},
            "receipt",
            "Le fichier dépasse 1 Mo.",
        ),
        (
            {"justificatif": pdf()},
            "justificatif",
            "Ce champ est inconnu ou ne peut pas être modifié ainsi.",
        ),
    ],
)
def test_bad_receipts_are_refused_in_french_and_write_nothing(
    world, api_for, employee_user, settings, files, field, message
):
    settings.EFFECTIF_MAX_DOCUMENT_BYTES = 1024 * 1024
    report = report_draft(world.employee_file, employee_user)
    client = api_for("employee")
    audits = AuditEntry.objects.count()
    response = multipart(client, f"/api/v1/expense-reports/{report.pk}/lines", line_body(), **files)
    assert fields_of(response) == {field: message}
    assert not ExpenseLine.objects.exists()
    assert AuditEntry.objects.count() == audits
    assert not any(settings.MEDIA_ROOT.rglob("*.*"))  # no file left behind


def test_the_openapi_document_describes_the_writes(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/expense-reports"]) == {"get", "post"}
    assert set(paths["/api/v1/expense-reports/{report_id}"]) == {"get", "patch"}
    assert set(paths["/api/v1/expense-reports/{report_id}/lines/{line_id}"]) == {
        "patch",
        "delete",
    }
    body = paths["/api/v1/expense-reports/{report_id}/lines"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "multipart/form-data"}
    form = body["multipart/form-data"]["schema"]["properties"]
    assert form["receipt"]["format"] == "binary"
    assert {"category", "expense_date", "amount", "currency", "exchange_rate"} <= set(form)
    for action in ("submit", "approve", "check", "reject"):
        responses = paths[f"/api/v1/expense-reports/{{report_id}}/{action}"]["post"]["responses"]
        assert {"200", "401", "403", "404", "422"} <= set(responses)


def test_a_request_beyond_the_upload_limit_is_refused_in_french(
    world, api_for, employee_user, settings
):
    """A receipt past the request limit is read from the stream but neither kept nor
    accepted (422 on its field); a JSON body past `DATA_UPLOAD_MAX_MEMORY_SIZE` is 413."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    settings.EFFECTIF_MAX_UPLOAD_BYTES = 1024 * 1024
    report = report_draft(world.employee_file, employee_user)
    big = SimpleUploadedFile("photo.png", PNG + b"\x00" * (2 * 1024 * 1024))
    client = api_for("employee")
    response = multipart(
        client, f"/api/v1/expense-reports/{report.pk}/lines", line_body(), receipt=big
    )
    assert (response.status_code, fields_of(response)) == (
        422,
        {"receipt": "Le fichier dépasse 1 Mo."},
    )
    assert not ExpenseLine.objects.exists()
    too_long = {**line_body(), "description": "x" * (1024 * 1024 + 1)}
    response = client.post(
        f"/api/v1/expense-reports/{report.pk}/lines", too_long, content_type="application/json"
    )
    assert (response.status_code, response.json()) == (413, {"detail": "La requête dépasse 1 Mo."})
    assert not ExpenseLine.objects.exists()


def test_a_multipart_request_is_never_read_whole_into_memory(
    world, api_for, employee_user, settings
):
    """The receipt is parsed from the request's stream: had anything loaded the body, a
    request larger than `DATA_UPLOAD_MAX_MEMORY_SIZE` would be refused (413) before that."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
    report = report_draft(world.employee_file, employee_user)
    photo = SimpleUploadedFile("photo.png", sample_image("PNG", size=(400, 300)) + b"\0" * 70_000)
    response = multipart(
        api_for("employee"),
        f"/api/v1/expense-reports/{report.pk}/lines",
        line_body(),
        receipt=photo,
    )
    assert response.status_code == 201, response.content
    assert ExpenseLine.objects.get().receipt


def test_a_decompression_bomb_receipt_is_refused_in_french(world, api_for, employee_user):
    report = report_draft(world.employee_file, employee_user)
    bomb = SimpleUploadedFile("photo.png", png_header(100_000, 100_000), content_type="image/png")
    response = multipart(
        api_for("employee"), f"/api/v1/expense-reports/{report.pk}/lines", line_body(), receipt=bomb
    )
    assert response.status_code == 422
    assert "trop grande (plus de 40 millions de pixels)" in fields_of(response)["receipt"]
    assert not ExpenseLine.objects.exists()
