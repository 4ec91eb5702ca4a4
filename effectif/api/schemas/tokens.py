"""Bearer tokens."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from effectif.api.schemas.common import Input


class TokenIn(Input):
    username: str
    password: str
    code: str = Field(
        "", description="Code à 6 chiffres de la double authentification, si elle est activée."
    )


class TokenOut(Schema):
    token: str = Field(description="À envoyer dans l'en-tête « Authorization: Bearer … ».")
    expires_at: dt.datetime
