"""Identifiers of French HR data and their checks: NIR, SIREN/SIRET, IBAN, NAF, IDCC, départements."""
