from django.urls import URLPattern, URLResolver, path

from effectif.documents.views import generating, letterheads, library

app_name = "documents"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", library.library, name="library"),
    path("modeles/nouveau/", library.template_create, name="template_create"),
    path("modeles/apercu/", library.template_preview, name="template_preview"),
    path("modeles/<int:pk>/", library.template_edit, name="template_edit"),
    path("modeles/<int:pk>/copier/", library.template_copy_view, name="template_copy"),
    path("modeles/<int:pk>/retablir/", library.template_restore, name="template_restore"),
    path(
        "modeles/<int:pk>/retirer-word/", library.template_docx_remove, name="template_docx_remove"
    ),
    path("en-tetes/", letterheads.letterhead_list, name="letterhead_list"),
    path("en-tetes/<int:employer_pk>/", letterheads.letterhead_edit, name="letterhead_edit"),
    path("generer/<slug:subject_key>/<int:pk>/", generating.generate, name="generate"),
    path("generes/<int:pk>/exemplaire-signe/", generating.signed_copy, name="signed_copy"),
]
