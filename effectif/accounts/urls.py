from django.urls import path

from effectif.accounts import views

app_name = "accounts"

urlpatterns = [
    path("connexion/", views.LoginView.as_view(), name="login"),
    path("deconnexion/", views.LogoutView.as_view(), name="logout"),
    path("mot-de-passe/oubli/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "mot-de-passe/oubli/envoye/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/reinitialiser/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/reinitialise/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("mot-de-passe/changer/", views.PasswordChangeView.as_view(), name="password_change"),
    path("securite/", views.security, name="security"),
    path("securite/double-authentification/", views.totp_setup, name="totp_setup"),
    path("securite/double-authentification/desactiver/", views.totp_turn_off, name="totp_off"),
    path("securite/jetons/revoquer/", views.api_tokens_revoke_own, name="api_tokens_revoke"),
    path(
        "securite/jetons/<int:pk>/revoquer/",
        views.api_token_revoke_view,
        name="api_token_revoke",
    ),
    path(
        "utilisateurs/<int:pk>/jetons/revoquer/",
        views.user_api_tokens_revoke,
        name="user_api_tokens_revoke",
    ),
    path("verification/", views.totp_check, name="totp_verify"),
]
