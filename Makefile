# Leidraad Jobcoach online. Twee opdrachten op een schone machine: `make serve` en `make test`.
# Beide maken zelf .venv/ aan en installeren de vaste versies uit requirements.lock.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.geinstalleerd
# Material 9.8 meldt bij elke start dat het in onderhoudsstand staat; dat vervuilt de uitvoer.
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve test check build lock clean chromium libreoffice bench mutatie

# --dirty: na een wijziging alleen de pagina's opnieuw bouwen die ervan afhangen (src/leidraadsite/hooks/voorvertoning.py
# houdt zoekindex, printversie en navigatie volledig; tests/test_voorvertoning.py vergelijkt met een volledige bouw).
serve: $(STAMP)
	$(PY) -m leidraadsite.serve

# Alle tests (behalve de prestatiemeting), met pytest-xdist in twee processen: de browsertests met de rondgang langs
# alle pagina's samen in het ene, de rest verdeeld (zie werkeenheid in tests/conftest.py).
# Eén soort: make test PYTEST_ARGS='-m build'; zonder xdist: make test XDIST=
XDIST ?= -n 2 --dist loadgroup
test: $(STAMP) chromium libreoffice
	$(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

# Snel, voor wie teksten, casussen of regels verandert: alle tests zonder browser (geen Chromium, geen PDF).
check: $(STAMP)
	$(PY) -m pytest $(XDIST) -m "not browser" --ignore=tests/browser $(PYTEST_ARGS)

# Chromium van Debian voor de browsertests (nooit een download door Playwright).
chromium:
	@sh tools/chromium.sh

# LibreOffice Writer van Debian (zonder scherm) voor de test die de Word-sjablonen naar PDF en PNG omzet.
libreoffice:
	@sh tools/libreoffice.sh

# Strenge bouw naar site/, daarna de PDF van de hele leidraad (tools/pdf.py, met Chromium).
# Niet bij make serve: de PDF maken kost een paar seconden per keer.
build: $(STAMP) chromium
	$(VENV)/bin/mkdocs build --strict
	$(PY) -m tools.pdf --site site

# Prestatiemeting (niet in make test; duurt ongeveer tien minuten): eerst de test van het meetscript (klein,
# ongeveer 100 s), dan proefsites met 10, 100 en 1000 casussen, de echte site, mkdocs serve en de startpagina.
# Schrijft docs/prestaties/resultaten.json.
bench: $(STAMP) chromium
	$(PY) -m pytest -m bench $(PYTEST_ARGS)
	$(PY) -m tools.bench $(BENCH_ARGS)

# Mutatietests van het domein (niet in make test; duurt lang): mutmut in een eigen omgeving .venv-mutatie, met de
# vaste versies uit requirements.lock plus requirements-mutatie.lock (mutmut en wat het nodig heeft, met controlesom).
# Instellingen: [tool.mutmut] in pyproject.toml. Toont daarna de mutaties die geen test merkte (survived).
MUTATIE := .venv-mutatie
mutatie:
	@test -x $(MUTATIE)/bin/python || $(PYTHON) -m venv $(MUTATIE)
	$(MUTATIE)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock -r requirements-mutatie.lock
	rm -rf mutants
	PYTHONPATH=src $(MUTATIE)/bin/mutmut run --max-children 2
	$(MUTATIE)/bin/mutmut results

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig; gevonden: " + sys.version.split()[0])'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# Maak requirements.lock opnieuw uit requirements.in (na het wijzigen van een afhankelijkheid), met een
# controlesom (sha256) per pakket; make installeert daarna met --require-hashes.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -r requirements.in setuptools wheel
	{ echo "# Vaste versies van alle pakketten. Opnieuw maken: make lock"; \
	  .venv-lock/bin/pip freeze --all --exclude-editable | grep -v '^pip=='; } > requirements.lock
	rm -rf .venv-lock
	$(PYTHON) -m tools.hashes requirements.lock

clean:
	rm -rf $(VENV) site $(MUTATIE) mutants
