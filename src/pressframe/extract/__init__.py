"""Stage 2, the extractors: one concept per module, each reading one text's sentences (quotations, temporal
expressions, designations, frames, claims, summaries, style, sourcing, a new text's metadata). Rules are data
files in ``data/``. Imports ``base`` and ``corpus``."""
