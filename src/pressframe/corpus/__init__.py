"""Stage 1, the corpus: the raw texts and their metadata read and validated (``load``), every line split into its
parts with a reason (``clean``), sentences and tokens (``text``), and the reviewed data kept beside the texts:
country groups, outlet names, English glosses. Imports only ``base``."""
