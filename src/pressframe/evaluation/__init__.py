"""Stage 4, evaluation: the extractors scored against annotations made blind to their output, on the seed texts
(``evaluate``) and on the real-article development corpus (``realworld``); ROUGE for summaries. Imports any
earlier stage, never ``publish``."""
