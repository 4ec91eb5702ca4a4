"""Input no view can use, refused in French in one place (`core.bad_input`, `core.editing`):
a NUL character anywhere in a request, a date the legal parameters do not cover entered in a
form, a number too large for the database in a page's filter."""

from __future__ import annotations

import pytest
from django.urls import reverse

from effectif.core.testing import PASSWORD

pytestmark = pytest.mark.django_db

NUL_REFUSED = "La requête contient un caractère nul (\\0), qu'Effectif n'accepte pas."
JSON = "application/json"


@pytest.fixture
def api(world, hr_manager, client):
    """The API as HR, with a bearer token (core's tests import no app: all through HTTP)."""
    answer = client.post(
        "/api/v1/token", {"username": hr_manager.username, "password": PASSWORD}, content_type=JSON
    )
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {answer.json()['token']}"
    return client


def _employer_names(api):
    return {item["name"] for item in api.get("/api/v1/employers?limit=200").json()["items"]}


# --- NUL -------------------------------------------------------------------------------------


def test_a_nul_character_in_the_api_is_a_french_400(world, api):
    names = _employer_names(api)
    url = f"/api/v1/employers/{world.employer.pk}"
    for response in (
        api.get("/api/v1/employers?q=a%00b"),
        api.get("/api/v1/employers?a%00=b"),
        api.patch(url, {"name": "A\x00B"}, content_type=JSON),
        api.patch(url, b'{"name": "A\\u0000B"}', content_type=JSON),
        api.patch(url, b'{"nested": {"k\\u0000": 1}}', content_type=JSON),
        api.post(
            "/api/v1/employers", "name=A%00B", content_type="application/x-www-form-urlencoded"
        ),
    ):
        assert response.status_code == 400, response.content
        assert response.json() == {"detail": NUL_REFUSED}
    assert _employer_names(api) == names


def test_an_escaped_backslash_before_u0000_is_text_not_a_nul(world, api):
    response = api.patch(
        f"/api/v1/employers/{world.employer.pk}",
        b'{"collective_agreement": "C:\\\\u0000"}',
        content_type=JSON,
    )
    assert response.status_code == 200, response.content
    assert response.json()["collective_agreement"] == "C:\\u0000"


def test_a_nul_character_in_a_page_is_a_french_400_page(world, client_for, hr_manager):
    client = client_for(hr_manager)
    for response in (
        client.get(reverse("employees:list"), {"q": "a\x00b"}),
        client.post(
            reverse("organisation:employer_edit", args=[world.employer.pk]), {"name": "A\x00B"}
        ),
    ):
        assert response.status_code == 400
        page = response.content.decode()
        assert "Requête refusée" in page
        assert "caractère nul" in page
    world.employer.refresh_from_db()
    assert "\x00" not in world.employer.name


# --- dates the legal parameters do not cover -------------------------------------------------


def test_a_departure_step_the_law_does_not_cover_is_a_form_error(world, client_for, hr_manager):
    client = client_for(hr_manager)
    started = client.post(
        reverse("departures:create"),
        {"contract": world.contract.pk, "reason": "licenciement_personnel"},
    )
    assert started.status_code == 302, started.content
    response = client.post(started.url, {"notification_date": "1901-01-07"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    message = " ".join(errors.get("notification_date", []) + errors.get("__all__", []))
    assert "Effectif ne connaît pas la règle" in message
    assert "07/01/1901" in message


def test_an_amendment_on_a_date_the_law_does_not_cover_is_a_form_error(
    world, client_for, hr_manager
):
    client = client_for(hr_manager)
    url = reverse("contracts:amend", args=[world.contract.pk])
    initial = client.get(url).context["form"].initial
    data = {k: v for k, v in initial.items() if v is not None}
    data.update({"effective_date": "1950-01-01", "reason": "Augmentation"})
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "01/01/1950" in " ".join(message for messages in errors.values() for message in messages)


# --- numbers too large -----------------------------------------------------------------------


def test_an_identifier_too_large_in_a_page_filter_is_never_a_server_error(
    world, client_for, hr_manager
):
    client = client_for(hr_manager)
    huge = str(2**70)
    for name, params in (
        ("health:list", {"employeur": huge}),
        ("timekeeping:sheet_list", {"employeur": huge}),
        ("budgets:list", {"employeur": huge}),
        ("departures:payroll", {"employeur": huge}),
        ("budgets:followup", {"employeur": huge, "service": huge}),
        ("dashboards:deadlines", {"employeur": huge}),
        ("hiring:candidates", {"offre": huge}),
    ):
        response = client.get(reverse(name), params)
        assert response.status_code in {200, 400}, (name, response.status_code)


def test_a_date_the_law_does_not_cover_elsewhere_is_a_french_422_page(
    world, client_for, hr_manager
):
    response = client_for(hr_manager).get(
        reverse("dashboards:deadlines"), {"du": "1901-01-01", "au": "1901-12-31"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "Date non prise en charge" in page
    assert "Effectif ne connaît pas la règle" in page
