"""The merge fields and their sandbox: what a template can print, and what it cannot reach."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from django.core.exceptions import ValidationError

from effectif.documents.merging import Missing, merge_context, registry
from effectif.documents.sandbox import referenced_fields, render_body
from effectif.documents.sanitising import sanitise_html


def render(body: str, values: dict | None = None, complements: dict | None = None):
    return render_body(body, merge_context(values or {}, complements))


def test_merge_fields_print_their_values_escaped():
    result = render(
        "<p>{{ salarie.civilite }} {{ salarie.nom }} — {{ employeur.raison_sociale|upper }}</p>",
        {
            "salarie": {"civilite": "Madame", "nom": "DURAND <b>"},
            "employeur": {"raison_sociale": "Atelier"},
        },
    )
    assert result.html == "<p>Madame DURAND &lt;b&gt; — ATELIER</p>"
    assert result.missing == []


def test_conditions_and_loops_work_on_plain_values():
    body = (
        "{% if contrat.est_cdd %}CDD{% else %}CDI{% endif %}"
        "<ul>{% for e in salarie.emplois %}<li>{{ e.emploi }} du {{ e.du }}</li>{% endfor %}</ul>"
    )
    result = render(
        body,
        {
            "contrat": {"est_cdd": True},
            "salarie": {"emplois": [{"emploi": "Comptable", "du": "01/02/2026"}]},
        },
    )
    assert result.html == "CDD<ul><li>Comptable du 01/02/2026</li></ul>"


def test_empty_and_unknown_fields_show_a_visible_marker_and_are_listed():
    result = render(
        "<p>{{ salarie.adresse }} / {{ contrat.motif }} / {{ salarie.inconnu }}</p>",
        {"salarie": {"adresse": ""}, "contrat": {"motif": None}},
    )
    assert "[à compléter : adresse (rue)]" in result.html
    assert "[à compléter : motif de recours]" in result.html
    assert "[à compléter : salarie.inconnu]" in result.html
    assert result.html.count('<mark class="a-completer"') == 3
    assert result.missing == [
        ("salarie.adresse", "adresse (rue)"),
        ("contrat.motif", "motif de recours"),
        ("salarie.inconnu", "salarie.inconnu"),
    ]


def test_an_empty_field_is_false_in_a_condition_and_takes_a_default():
    result = render(
        "{% if contrat.motif %}oui{% else %}non{% endif %} {{ contrat.motif|default:'aucun' }}",
        {"contrat": {"motif": ""}},
    )
    assert result.html == "non aucun"


def test_values_typed_at_generation_complete_the_missing_fields_only():
    result = render(
        "{{ contrat.motif }} · {{ contrat.emploi }} · {{ saisie.date_entretien }}",
        {"contrat": {"motif": "", "emploi": "Comptable"}},
        complements={
            "contrat.motif": "Accroissement temporaire lié au salon",
            "contrat.emploi": "Autre chose",  # a known value is not overwritten
            "saisie.date_entretien": "12 janvier",
        },
    )
    assert result.html == "Accroissement temporaire lié au salon · Comptable · 12 janvier"
    assert result.missing == []


def test_open_ended_typed_fields_are_markers_until_typed():
    result = render("{{ saisie.lieu_de_rendez_vous }}")
    assert result.missing == [("saisie.lieu_de_rendez_vous", "lieu de rendez vous")]


@pytest.mark.parametrize(
    "body",
    [
        "{% load static %}",
        "{% include 'base.html' %}",
        "{% extends 'base.html' %}",
        "{% debug %}",
        "{% url 'documents:library' %}",
        "{% csrf_token %}",
        "{% autoescape off %}{{ salarie.nom }}{% endautoescape %}",
        "{{ salarie.nom|safe }}",
        "{{ salarie.emplois|safeseq }}",
        "{{ salarie.nom.__class__ }}",
        "{{ salarie._meta }}",
        "{% ssi '/etc/passwd' %}",
        "{% templatetag openblock %}",
        "{{ salarie.nom|center:'999999999' }}",
    ],
)
def test_the_sandbox_refuses_tags_and_filters_that_reach_files_objects_or_markup(body):
    with pytest.raises(ValidationError) as error:
        render(body, {"salarie": {"nom": "X"}})
    assert "erreur de syntaxe" in str(error.value)


def test_the_context_holds_read_only_plain_values_only():
    context = merge_context({"salarie": {"nom": "X", "emplois": [{"emploi": "Y"}]}})
    salarie = context["salarie"]
    assert isinstance(salarie, MappingProxyType)
    assert isinstance(salarie["emplois"][0], MappingProxyType)
    # A method of the mapping that would change it is not there to be called.
    result = render_body("{{ salarie.clear }}{{ salarie.pop }}{{ salarie.nom }}", context)
    assert result.html.endswith("X")
    assert dict(salarie) == {"nom": "X", "emplois": salarie["emplois"]}


def test_an_object_passed_by_mistake_reaches_the_template_as_text_only():
    class Model:
        secret = "not-for-templates"

        def __str__(self) -> str:
            return "objet"

    result = render(
        "{{ salarie.objet }}|{{ salarie.objet.secret }}", {"salarie": {"objet": Model()}}
    )
    assert result.html.startswith("objet|")
    assert "not-for-templates" not in result.html


def test_markup_written_in_the_body_is_sanitised():
    result = render(
        '<p onclick="steal()" style="color:red;text-align:center">Bonjour</p>'
        '<script>alert(1)</script><img src="file:///etc/passwd"><a href="javascript:x">lien</a>'
        '<iframe src="https://example.org"></iframe><table><tr><td colspan="2">a</td></tr></table>'
    )
    assert result.html == (
        '<p style="text-align:center">Bonjour</p>lien<table><tr><td colspan="2">a</td></tr></table>'
    )


def test_sanitiser_closes_what_was_left_open_and_keeps_text():
    assert sanitise_html("<p><strong>gras<em>et italique</p>après") == (
        "<p><strong>gras<em>et italique</em></strong></p>après"
    )
    assert sanitise_html("a &amp; b &lt;c&gt;") == "a &amp; b &lt;c&gt;"


def test_referenced_fields_leave_out_loop_variables():
    body = (
        "{% for e in salarie.emplois %}{{ e.emploi }}{% endfor %}"
        "{% with n=contrat.numero %}{{ n }}{% endwith %}{% if contrat.est_cdd %}{% endif %}"
    )
    assert referenced_fields(body) == {
        ("salarie", "emplois"),
        ("contrat", "numero"),
        ("contrat", "est_cdd"),
    }


def test_registry_documents_the_groups_of_each_kind_and_their_samples():
    groups = [g.key for g in registry.groups_for_kind("contrat_cdd")]
    assert groups[:5] == ["salarie", "employeur", "etablissement", "contrat", "document"]
    sample = registry.sample_values("contrat_cdd")
    assert sample["contrat"]["motif"]
    assert registry.label_of("contrat.motif") == "motif de recours"
    assert registry.label_of("saisie.date_du_rdv") == "date du rdv"
    assert registry.label_of("saisie.adresse_de_l_inspection") == "adresse de l'inspection"
    assert registry.label_of("saisie.date_d_effet") == "date d'effet"
    assert isinstance(merge_context({"contrat": {"motif": ""}})["contrat"]["motif"], Missing)
