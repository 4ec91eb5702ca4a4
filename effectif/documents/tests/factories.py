from __future__ import annotations

import factory

from effectif.documents.models import DocumentTemplate, Letterhead


class TemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentTemplate

    kind = "autre"
    name = factory.Sequence(lambda n: f"Modèle {n}")
    body = "<p>Bonjour {{ salarie.nom_complet }}</p>"


class LetterheadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Letterhead

    footer = "SAS au capital de 10 000 € · RCS Lyon 732 829 320"
    signatory_name = "Jean DUPUIS"
    signatory_title = "Président"
    signature_city = "Lyon"
    pension_body = "Agirc-Arrco Exemple"
    provident_body = "Prévoyance Exemple"
    health_cover_body = "Mutuelle Exemple"
