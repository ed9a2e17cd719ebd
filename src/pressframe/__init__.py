"""pressframe: the library behind the book on how five German-language news texts framed the Putin–Kim alliance.

The pipeline reads one way (see the module names):
``corpus`` (load and validate) -> ``clean`` (classify each line into a part) ->
``text`` (sentences, tokens, stems) -> extractors -> ``tables`` (documented DataFrames, CSV export).
"""

__version__ = "0.1.0"
