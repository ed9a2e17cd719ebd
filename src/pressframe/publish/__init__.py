"""Stage 5, the book: what each chapter shows (``report``, ``overview``, ``narrative``), tables and figures for
display, the exported CSVs and their schema (``tables``), keeping chapters current (``build``), the Sphinx
build and extension, the PDF edition, and the reproducibility figures. Imports any earlier stage."""
