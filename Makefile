# Two commands on a fresh machine (Python 3.11 with pip and venv, and make):
#   make demo   set up .venv, crawl the bundled demo site into data/archive.db, query it
#   make test   set up .venv with test dependencies, run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Scrapy's cookie middleware must use tldextract's bundled suffix list: nothing leaves loopback.
export TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS :=

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/newsarchive demo --db data/archive.db

# Debian packages the tests use, installed when missing: GNU Wget writes the WARC that
# tests/test_warc.py imports; headless Chromium renders the Datasette page (tests/test_datasette.py).
TEST_DEBIAN_PACKAGES := wget chromium

test: $(VENV)/.installed
	@missing=$$(for p in $(TEST_DEBIAN_PACKAGES); do command -v $$p >/dev/null || echo $$p; done); \
	if [ -n "$$missing" ]; then SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[bench]'
	# Fundus pins lxml<6 but runs on lxml 6: its requirements, then Fundus without them
	$(BIN)/pip install --quiet -r bench/fundus-requirements.txt
	$(BIN)/pip install --quiet --no-deps 'fundus==0.5.7'
	$(BIN)/python bench/extraction.py --by-dataset

clean:
	rm -rf $(VENV) data/archive.db data/archive.db-wal data/archive.db-shm
