"""Kept for code written against the first table: the widths now live in
`congvan.typeset.metrics` (read from the font, every face)."""

from .typeset.metrics import text_width_pt

__all__ = ["text_width_pt"]
