"""A template written by HR cannot make the server work for minutes nor fill its memory: the
turns of its loops and the size of what it produces are counted, and past the limits the
document is refused with a French message (no timing here: the counts are deterministic). A
template's Word file lost from the storage is a French message too, not a server error."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from effectif.documents.generation import render_sample
from effectif.documents.merging import merge_context
from effectif.documents.models import DocumentTemplate
from effectif.documents.sandbox import render_body
from effectif.documents.services import template_save

#: Five nested loops over 100 characters: ten thousand million turns.
NESTED = (
    "{% with s='" + "x" * 100 + "' %}"
    "{% for a in s %}{% for b in s %}{% for c in s %}{% for d in s %}{% for e in s %}"
    "{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endwith %}"
)
#: Forty doublings of a ten-character text: ten thousand gigabytes.
DOUBLED = (
    "{% with a0='xxxxxxxxxx' %}"
    + "".join(f"{{% with a{i + 1}=a{i}|add:a{i} %}}" for i in range(40))
    + "{{ a40 }}"
    + "{% endwith %}" * 41
)
#: A loop of 20 000 turns printing a 2 kB text: 40 MB.
LONG = (
    "{% with s='" + "y" * 2000 + "' t='" + "x" * 100 + "' %}"
    "{% for a in t %}{% for b in t %}{% for c in t|slice:':2' %}{{ s }}{% endfor %}"
    "{% endfor %}{% endfor %}{% endwith %}"
)
#: Joining a long text with itself as the separator: its square.
JOINED = "{% with a='" + "z" * 5000 + "' %}{{ a|join:a }}{% endwith %}"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def refusal(body: str) -> str:
    with pytest.raises(ValidationError) as error:
        render_body(body, merge_context({}))
    return " ".join(error.value.messages)


@pytest.mark.parametrize("body", [NESTED, DOUBLED, LONG, JOINED])
def test_hostile_templates_are_refused_in_french(body) -> None:
    assert refusal(body).startswith("Le modèle produit un document trop long")


def test_the_limits_come_from_the_settings(settings) -> None:
    body = "{% for a in 'abcdefghij' %}{{ a }}{% endfor %}"
    assert render_body(body, merge_context({})).html == "abcdefghij"
    settings.EFFECTIF_TEMPLATE_MAX_LOOP_ITERATIONS = 9
    assert "boucles" in refusal(body)
    settings.EFFECTIF_TEMPLATE_MAX_LOOP_ITERATIONS = 100
    settings.EFFECTIF_TEMPLATE_MAX_OUTPUT_BYTES = 5
    assert "Mo" in refusal(body) or "octets" in refusal(body)


def test_an_ordinary_template_with_loops_renders() -> None:
    body = (
        "<ul>{% for e in salarie.emplois %}<li>{% for c in e.emploi %}{{ c|upper }}{% endfor %}"
        "</li>{% endfor %}</ul>"
    )
    result = render_body(
        body, merge_context({"salarie": {"emplois": [{"emploi": "ab"}, {"emploi": "cd"}]}})
    )
    assert result.html == "<ul><li>AB</li><li>CD</li></ul>"


@pytest.mark.django_db
def test_hr_saving_or_previewing_a_hostile_template_get_the_french_error(
    client_for, admin_user
) -> None:
    template = DocumentTemplate(kind="autre", name="Piège", body=NESTED)
    with pytest.raises(ValidationError) as error:
        template_save(template=template, by=admin_user)
    assert "Le modèle produit un document trop long" in " ".join(error.value.messages)
    assert not DocumentTemplate.objects.filter(name="Piège").exists()
    with pytest.raises(ValidationError):
        render_sample(body=DOUBLED, kind="autre", employer=None)
    response = client_for(admin_user).post(
        reverse("documents:template_preview"), {"body": LONG, "kind": "autre"}
    )
    assert response.status_code == 200
    assert "Le modèle produit un document trop long" in response.content.decode()


@pytest.mark.django_db
def test_generating_from_a_hostile_template_shows_the_french_error(
    client_for, hr_manager, world
) -> None:
    template = DocumentTemplate.objects.create(
        employer=world.employer, kind="autre", name="Piège", body=LONG
    )  # saved before the limits existed
    url = reverse("documents:generate", args=["salarie", world.member.pk])
    response = client_for(hr_manager).get(url, {"modele": template.pk})
    assert response.status_code == 200
    assert "Le modèle produit un document trop long" in response.content.decode()


# --- Uploaded .docx templates (Jinja) ----------------------------------------------------------

DOCX_HOSTILE = [
    "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}"
    "{% endfor %}{% endfor %}{% endfor %}",
    "{{ 'x' * 1000000000 }}",
    "{% set a = 'xxxxxxxxxx' %}" + "".join("{% set a = a ~ a %}" for _ in range(40)) + "{{ a }}",
    "{{ '{:>999999999}'.format('x') }}",
    "{{ 'x'.ljust(999999999) }}",
    "{{ 'x'|center(999999999) }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ ('ab' * 1000)|replace('', 'y' * 10000) }}",
    "{% for i in range(100000) %}{{ 'z' * 1000 }}{% endfor %}",
]


def _docx(text: str) -> Any:
    import io

    import docx
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile("modele.docx", out.getvalue())


@pytest.mark.django_db
@pytest.mark.parametrize("text", DOCX_HOSTILE)
def test_hostile_docx_templates_are_refused_in_french(admin_user, text) -> None:
    template = DocumentTemplate(kind="autre", name="Piège Word", body="<p>Texte</p>")
    with pytest.raises(ValidationError) as error:
        template_save(template=template, by=admin_user, docx_upload=_docx(text))
    assert error.value.message_dict["docx_file"][0].startswith(
        "Le modèle produit un document trop long"
    )


@pytest.mark.django_db
def test_an_ordinary_docx_template_with_loops_and_filters_is_accepted(admin_user) -> None:
    text = (
        "{% for i in range(3) %}{{ i }}{% endfor %} {{ 'abc'|upper|replace('B', '-') }} "
        "{{ '%05d' % 42 }} {{ 'x' ~ 'y' }} {{ [1, 2]|join(', ') }}"
    )
    template = DocumentTemplate(kind="autre", name="Word", body="<p>Texte</p>")
    saved = template_save(template=template, by=admin_user, docx_upload=_docx(text))
    assert saved.docx_file


@pytest.mark.django_db
def test_downloading_a_hostile_docx_saved_before_shows_the_french_error(
    client_for, hr_manager, world
) -> None:
    from django.core.files.base import ContentFile

    from effectif.core.models import AuditAction, AuditEntry

    template = DocumentTemplate(employer=world.employer, kind="autre", name="Piège", body="<p/>")
    template.docx_file.save("piege.docx", ContentFile(_docx(DOCX_HOSTILE[1]).read()), save=True)
    url = reverse("documents:generate", args=["salarie", world.member.pk])
    response = client_for(hr_manager).post(url, {"modele": template.pk, "action": "docx"})
    assert response.status_code == 200
    assert "Le modèle produit un document trop long" in response.content.decode()
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


@pytest.mark.django_db
def test_a_word_file_lost_from_the_storage_is_a_french_message(
    client_for, hr_manager, world
) -> None:
    from django.core.files.base import ContentFile

    template = DocumentTemplate(employer=world.employer, kind="autre", name="Word", body="<p/>")
    template.docx_file.save("perdu.docx", ContentFile(_docx("{{ 1 }}").read()), save=True)
    template.docx_file.storage.delete(template.docx_file.name)
    url = reverse("documents:generate", args=["salarie", world.member.pk])
    response = client_for(hr_manager).post(url, {"modele": template.pk, "action": "docx"})
    assert response.status_code == 200
    assert "Le fichier Word de ce modèle est introuvable sur le serveur" in (
        response.content.decode()
    )
