"""Stage 0, the ground every stage stands on: where the repository and its data live (``paths``), and words for
numbers and guards for the book's prose (``prose``). Imports nothing of pressframe."""
