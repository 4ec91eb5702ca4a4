from django.contrib.auth.views import LogoutView
from django.urls import path

from effectif.accounts.views import login, security, users

app_name = "accounts"

urlpatterns = [
    path("connexion/", login.LoginView.as_view(), name="login"),
    path("deconnexion/", LogoutView.as_view(), name="logout"),
    path("mot-de-passe/oubli/", login.PasswordResetView.as_view(), name="password_reset"),
    path(
        "mot-de-passe/oubli/envoye/",
        login.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/reinitialiser/<uidb64>/<token>/",
        login.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/reinitialise/",
        login.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("mot-de-passe/changer/", login.PasswordChangeView.as_view(), name="password_change"),
    path("securite/", security.security, name="security"),
    path("securite/double-authentification/", security.totp_setup, name="totp_setup"),
    path("securite/double-authentification/desactiver/", security.totp_turn_off, name="totp_off"),
    path("securite/jetons/revoquer/", security.api_tokens_revoke_own, name="api_tokens_revoke"),
    path(
        "securite/jetons/<int:pk>/revoquer/",
        security.api_token_revoke_view,
        name="api_token_revoke",
    ),
    path(
        "utilisateurs/<int:pk>/jetons/revoquer/",
        users.user_api_tokens_revoke,
        name="user_api_tokens_revoke",
    ),
    path("verification/", login.totp_check, name="totp_verify"),
]

#: The accounts administrators manage, mounted by the organisation app (they are granted its
#: employers) under its addresses and names: `organisation:user_list`…
user_urlpatterns = [
    path("", users.user_list, name="user_list"),
    path("nouveau/", users.user_edit, name="user_create"),
    path("<int:pk>/", users.user_edit, name="user_edit"),
]
