"""Stage 3, across texts: the analysis of a corpus, computed once (``analysis``), the joint timeline, the comparison
of country groups, distinctive vocabulary, and the reviewed fact and translation notes checked against the
texts. Imports ``base``, ``corpus`` and ``extract``."""
