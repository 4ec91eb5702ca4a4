"""Effectif — SIRH libre pour les employeurs français."""
