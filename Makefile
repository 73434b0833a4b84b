# Leidraad Jobcoach online. Twee opdrachten op een schone machine: `make serve` en `make test`.
# Beide maken zelf .venv/ aan en installeren de vaste versies uit requirements.lock.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.geinstalleerd
# Material 9.8 meldt bij elke start dat het in onderhoudsstand staat; dat vervuilt de uitvoer.
export NO_MKDOCS_2_WARNING := 1
unexport PYTHONDONTWRITEBYTECODE
# Python bewaart zijn vertaalde bestanden (__pycache__, niet in git): pytest herschrijft de tests dan niet bij elke
# run opnieuw (make check gemeten: 66 -> 62 s). De voorvertoning, de kopieën van het project en het wiel slaan
# __pycache__ over.

.PHONY: serve test check build lock lock-bewijs clean chromium libreoffice bench motoren mutatie

# --dirty: na een wijziging alleen de pagina's opnieuw bouwen die ervan afhangen (src/leidraadsite/mkdocs/plugin.py
# houdt zoekindex, printversie en navigatie volledig; tests/test_voorvertoning.py vergelijkt met een volledige bouw).
# Een ander adres: make serve SERVE_ARGS='-a 127.0.0.1:8001'.
SERVE_ARGS ?=
serve: $(STAMP)
	$(PY) -m leidraadsite.mkdocs.serve $(SERVE_ARGS)

# Alle tests (behalve de prestatiemeting), met pytest-xdist in twee processen: de browsertests met de rondgang langs
# alle pagina's samen in het ene, de rest verdeeld (zie werkeenheid in tests/conftest.py).
# Eén soort: make test PYTEST_ARGS='-m build'; zonder xdist: make test XDIST=
XDIST ?= -n 2 --dist loadgroup
# Tijdelijke bestanden van de tests (kopieën van het project, gebouwde sites, Chromium, de Word-cache) staan in het
# geheugen (tmpfs /dev/shm, in een eigen map) als dat er is met minstens 4 GB vrij: daar kost schrijven en weggooien
# bijna niets, op een schijf veel (hier, ext4 met discard: 290 MB van een vorige run weggooien duurde 28 s, en pytest
# doet dat aan het eind van elke run). Een run die slaagt, ruimt dan zijn eigen map op; die van een mislukte run
# blijft staan om te bekijken. Zonder zo'n tmpfs (macOS, een container met een kleine /dev/shm): de gewone map.
TESTTMP := $(shell $(PYTHON) -c "import os, shutil; p = '/dev/shm'; ok = os.path.isdir(p) and os.access(p, os.W_OK) and shutil.disk_usage(p).free >= 4 << 30; print(os.path.join(p, 'leidraad-jobcoach-' + str(os.getuid())) if ok else '')" 2>/dev/null)
TESTOMGEVING := $(if $(TESTTMP),mkdir -p $(TESTTMP) && TMPDIR=$(TESTTMP),true &&)
TESTOPTIES := $(if $(TESTTMP),-o tmp_path_retention_policy=failed)
test: $(STAMP) chromium libreoffice
	@echo "Tijdelijke bestanden van de tests: $(or $(TESTTMP),$${TMPDIR:-/tmp})"
	$(TESTOMGEVING) $(PY) -m pytest $(XDIST) $(TESTOPTIES) $(PYTEST_ARGS)

# Snel, voor wie teksten, casussen of regels verandert: alle tests zonder browser (geen Chromium, geen PDF) en zonder
# de twee lange tests van de voorvertoning (make serve op een kopie, elk een halve minuut); make test draait ze wel.
check: $(STAMP)
	@echo "Tijdelijke bestanden van de tests: $(or $(TESTTMP),$${TMPDIR:-/tmp})"
	$(TESTOMGEVING) $(PY) -m pytest $(XDIST) $(TESTOPTIES) -m "not browser and not voorvertoning" --ignore=tests/browser $(PYTEST_ARGS)

# Chromium van Debian voor de browsertests (nooit een download door Playwright).
chromium:
	@sh tools/chromium.sh

# LibreOffice Writer van Debian (zonder scherm) voor de test die de Word-sjablonen naar PDF en PNG omzet.
libreoffice:
	@sh tools/libreoffice.sh

# Strenge bouw naar site/, de stap na de bouw (python -m leidraadsite.nabouw: controle, downloads, printversie, CSP …),
# daarna de PDF van de hele leidraad (python -m leidraadsite.nabouw.pdf, met Chromium). Niet bij make serve: de PDF kost een paar seconden.
# Met een andere bouwer, uit dezelfde bronnen (elk in een eigen .venv-<bouwer> met vaste versies en controlesommen):
#   make build MOTOR=properdocs   ProperDocs, de voortzetting van MkDocs 1.x (met plugins en de printversie)
#   make build MOTOR=zensical     Zensical, de opvolger van Material (geen plugins: geen printversie en geen PDF)
MOTOR ?= mkdocs
build: $(if $(filter mkdocs,$(MOTOR)),$(STAMP),.venv-$(MOTOR)/.geinstalleerd) chromium
	@case "$(MOTOR)" in mkdocs|properdocs|zensical) ;; *) echo "Onbekende MOTOR=$(MOTOR); kies mkdocs, properdocs of zensical"; exit 2;; esac
	$(call bouw_$(MOTOR))
	$(MOTOR_PY) -m leidraadsite.nabouw site
	@if [ -f site/printversie/index.html ]; then $(MOTOR_PY) -m leidraadsite.nabouw.pdf --site site; \
	 else echo "Geen printversie in deze bouw ($(MOTOR)); geen PDF."; fi

MOTOR_PY = $(if $(filter mkdocs,$(MOTOR)),$(PY),.venv-$(MOTOR)/bin/python)
bouw_mkdocs = $(PY) -m mkdocs build --strict
bouw_properdocs = .venv-properdocs/bin/python -m properdocs build --strict
bouw_zensical = rm -rf site && .venv-zensical/bin/zensical build --strict --clean -f mkdocs.yml

# Vergelijk de site van ProperDocs en Zensical met die van MkDocs, pagina voor pagina (tests/test_motoren.py; niet in
# make test, duurt een paar minuten). Verschillen die we kennen staan met datum in UITZONDERINGEN in die test.
motoren: $(STAMP) .venv-properdocs/.geinstalleerd .venv-zensical/.geinstalleerd
	$(PY) -m pytest -m motoren -s $(PYTEST_ARGS) tests/test_motoren.py

# Een venv per andere bouwer: dezelfde pakketten als .venv, plus de bouwer uit requirements-<bouwer>.lock.
.venv-%/.geinstalleerd: requirements.lock requirements-%.lock pyproject.toml
	@test -x .venv-$*/bin/python || $(PYTHON) -m venv .venv-$*
	.venv-$*/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock -r requirements-$*.lock
	.venv-$*/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# De bouw die online gaat (de CI op main): als make build, maar hij stopt zolang mkdocs.yml nog een voorlopig adres
# heeft (extra.onderhoudsgroep.voorlopig, een adres of site_url op example.org; src/leidraadsite/inhoud/terugmelding.py).
publiceer: export LEIDRAAD_PRODUCTIE := 1
publiceer: build

# Prestatiemeting (niet in make test): eerst de test van het meetscript (klein: N = 2, een paar minuten), dan de echte
# site en proefsites met 10, 100 en 1000 casussen, elk gebouwd met MkDocs, ProperDocs en Zensical, koud en met cache,
# drie keer (72 bouwen, elk plus de stap na de bouw), een bouw met profiler per bouwer bij N = 1000, mkdocs serve en de
# startpagina. Dat duurt lang: op een rustige machine met twee kernen ongeveer 40 minuten (7 december 2026: 38 minuten; de bouwen met profiler kosten het meest). Het script noemt bij de start
# hoe lang de vorige meting duurde (ook op de pagina Prestaties) en toont onderweg elke bouw en de resterende tijd.
# Snelle meting (één herhaling, serve met één wijziging): make bench BENCH_ARGS=--snel.
# Schrijft docs/prestaties/resultaten.json.
BENCH_ARGS ?=
bench: $(STAMP) .venv-properdocs/.geinstalleerd .venv-zensical/.geinstalleerd chromium
	$(PY) -m pytest -m bench $(PYTEST_ARGS)
	$(PY) -m tools.bench $(BENCH_ARGS)

# Mutatietests van het domein (niet in make test; duurt lang): mutmut in een eigen omgeving .venv-mutatie (de regel
# .venv-%/.geinstalleerd: requirements.lock plus requirements-mutatie.lock, met controlesom). Instellingen: [tool.mutmut]
# in pyproject.toml. mutmut rekent in mutants/ met een veranderde kopie van src/jobcoach; PYTHONPATH zet die kopie
# vóór de gewone code (ook in de tests). Die map moet al bestaan als mutmut start: Python onthoudt een map op
# PYTHONPATH die er bij de start niet is als 'niet te gebruiken', en vond leidraadsite dan niet in de kopie.
# Eén module: make mutatie MUTANTEN='jobcoach.controles*'.
# Toont daarna de mutaties die geen test merkte.
MUTANTEN ?=
mutatie: .venv-mutatie/.geinstalleerd
	rm -rf mutants && mkdir -p mutants/src
	PYTHONPATH=$(CURDIR)/mutants/src .venv-mutatie/bin/mutmut run --max-children 2 $(MUTANTEN)
	.venv-mutatie/bin/mutmut results

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 15) else "Python 3.11 tot en met 3.15 is nodig (requirements.lock heeft alleen bestanden voor die versies); gevonden: " + sys.version.split()[0])'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# Maak requirements.lock opnieuw uit requirements.in (na het wijzigen van een afhankelijkheid): met uv (vast op
# versie en controlesom in tools/uv.lock) voor alle platforms tegelijk, met de controlesommen van de bestanden
# voor Linux, macOS en Windows en Python 3.11 t/m 3.15 (tools/hashes.py). Versies die al vastliggen, blijven;
# een pakket bijwerken: make lock BIJWERKEN=naam. Bewijs dat elk platform installeert: make lock-bewijs.
BIJWERKEN ?=
lock: $(STAMP)
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check --require-hashes -r tools/uv.lock
	$(PY) -m tools.hashes --uv .venv-lock/bin/uv $(foreach p,$(BIJWERKEN),--bijwerken $(p))
	rm -rf .venv-lock

# pip download van elk bestand in requirements.lock voor elk platform en elke Python-versie, met controlesom.
lock-bewijs: $(STAMP)
	$(PY) -m tools.hashes --bewijs .lock-bewijs

clean:
	rm -rf $(VENV) .venv-properdocs .venv-zensical site .lock-bewijs .venv-mutatie mutants
