"""Dated parameter tables: one module per topic, each value with its effective date and source."""

from effectif.rules.parameters.base import DatedValue, MissingParameter, Parameter

__all__ = ["DatedValue", "MissingParameter", "Parameter"]
