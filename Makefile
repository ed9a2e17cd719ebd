# Two entry points for a fresh machine with Python 3.11+, make and git:
#   make book   builds the HTML book and its PDF edition into _build/html/
#   make test   runs the unit tests and re-executes every chapter with nbval
#   make lab    opens the chapters in JupyterLab, to re-execute them as a reader does
# Both create .venv/ from requirements.lock when it is missing or older than the lock.

PYTHON_BOOT ?= python3
VENV        := .venv
PY          := $(VENV)/bin/python
STAMP       := $(VENV)/.pressframe-installed
BENCH_STAMP := $(VENV)/.bench-installed
SITE_EXTRA  := _build/site-extra
# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ALLOW_ROOT  := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

# Same string hashing in every process, so nothing can depend on set order by accident.
export PYTHONHASHSEED := 0

.PHONY: book html singlehtml pdf data notebooks test unit nbval validate lab lock bench bench-lock clean distclean

book: html pdf

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON_BOOT) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed, found " + sys.version.split()[0])'
	$(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

validate: $(STAMP)
	$(PY) -m pressframe validate seeds

data: validate
	$(PY) -m pressframe export $(SITE_EXTRA)/data --corpus seeds

# EXECUTE_ARGS=--force re-executes every chapter (the benchmark's clean build does).
notebooks: validate
	$(PY) -m pressframe chapters book
	$(PY) -m pressframe execute book $(EXECUTE_ARGS)

# `pressframe site` runs the strict Sphinx build (a warning fails it) only when a page, a notebook,
# the configuration, a template, a static file, the library or the lock file changed.
html: data notebooks
	$(PY) -m pressframe site html
	@# Sphinx is skipped (or stops early) when no page changed: copy the static and extra files, so
	@# that an edited stylesheet, a new PDF or new CSVs still reach the site.
	cp -R $(SITE_EXTRA)/. _build/html/
	cp -R _static/. _build/html/_static/

# The PDF edition is typeset from the single-page build into _build/site-extra/ (which every HTML
# build copies into the site) and then copied into the site itself; it never rewrites a page.
singlehtml: data notebooks
	$(PY) -m pressframe site singlehtml

pdf: singlehtml
	$(PY) -m pressframe pdf
	@mkdir -p _build/html
	install -m 0644 $(SITE_EXTRA)/allies-in-isolation.pdf _build/html/

# JupyterLab over the book's chapters, in the project's environment, on this machine only (127.0.0.1).
# Chapters import the library from .venv, so run `make book` first on a fresh clone. LAB_ARGS adds
# options, e.g. make lab LAB_ARGS="--port 8890 --no-browser".
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=book $(ALLOW_ROOT) $(LAB_ARGS)

unit: $(STAMP)
	$(PY) -m pytest -p no:cacheprovider -m "not site and not browser" tests

nbval: $(STAMP)
	$(PY) -m pytest -p no:cacheprovider --nbval --nbval-current-env --ignore=book/templates book

# The strict HTML build is part of the tests: a warning fails it.
test: book
	$(PY) -m pytest -p no:cacheprovider --nbval --nbval-current-env --ignore=book/templates tests book

# Maintainers only: re-pin every package after editing pyproject.toml (needs uv).
lock:
	uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 --generate-hashes -o requirements.lock

# Benchmarks, not part of `make test` (about 10 minutes): the analysis core over synthetic corpora 1x to
# 1000x the seeds, a regex floor and spaCy's blank German pipeline beside it, and the build commands
# timed in a throwaway clone. Writes benchmarks/results.csv and benchmarks/machine.json; see
# benchmarks/README.md. spaCy comes from benchmarks/requirements.lock, never from the book's lock.
# Options go through BENCH_ARGS, e.g. make bench BENCH_ARGS="--no-build --runs 3".
bench: $(BENCH_STAMP)
	$(PY) benchmarks/run.py $(BENCH_ARGS)

$(BENCH_STAMP): $(STAMP) benchmarks/requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r benchmarks/requirements.lock
	@touch $@

# Maintainers only: re-pin the benchmark's extra packages, within the book's pins.
bench-lock:
	uv pip compile benchmarks/requirements.in --universal --python-version 3.11 --generate-hashes -c requirements.lock -o benchmarks/requirements.lock

clean:
	rm -rf _build

distclean: clean
	rm -rf $(VENV)
