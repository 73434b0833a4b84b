#!/bin/sh
# Maak docs/javascripts/js-yaml.min.js opnieuw uit het npm-pakket js-yaml.
#
# De rekenhulp leest casusbestanden (YAML) in de browser met js-yaml. We nemen alleen de parser
# mee (parseEvents en getScalarValue); de waarden maakt de rekenhulp zelf, zoals PyYAML dat doet
# (YAML 1.1). esbuild laat de rest van js-yaml (schema's, schrijven van YAML) weg. Het resultaat staat in git, zodat de site offline en zonder
# Node.js te bouwen is. Dit script is alleen nodig om een nieuwe versie op te nemen; werk dan
# ook VERSIE bij en controleer de rekenhulp met 'make test'.
set -eu
VERSIE="5.5.0"
# Controlesom (sha256) van het gemaakte bestand; de tests vergelijken hem met het bestand in git.
CONTROLESOM="7c7ef47b43f04870e8cb95d25b5353813546aa788f8460a5bb1ac2dc9f1a6062"
ESBUILD="0.28.2"
DOEL="$(cd "$(dirname "$0")/.." && pwd)/docs/javascripts/js-yaml.min.js"
command -v npm >/dev/null 2>&1 || { echo "Fout: npm ontbreekt (Node.js is nodig om js-yaml op te halen)." >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
echo "js-yaml $VERSIE en esbuild $ESBUILD ophalen uit het npm-register..."
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "js-yaml@$VERSIE" "esbuild@$ESBUILD"
cat > ingang.mjs <<'JS'
export { parseEvents, getScalarValue, EVENT_ID, YAMLException } from 'js-yaml';
JS
{
  printf '/*! js-yaml %s (https://www.npmjs.com/package/js-yaml), alleen de parser voor de rekenhulp,\n' "$VERSIE"
  printf '    gebundeld met esbuild %s door tools/js-yaml.sh. Licentie van js-yaml:\n\n' "$ESBUILD"
  sed -e 's/^/    /' -e 's/^ *$//' node_modules/js-yaml/LICENSE
  printf '*/\n'
  npx --no-install esbuild ingang.mjs --bundle --minify --format=iife --global-name=jsyaml \
    --legal-comments=none --target=es2020 --log-level=warning
} > "$DOEL"
echo "Geschreven: $DOEL ($(wc -c < "$DOEL") bytes, gzip -9: $(gzip -9c "$DOEL" | wc -c) bytes)"
echo "Nieuwe controlesom (zet hem bij CONTROLESOM in dit script): $(sha256sum "$DOEL" | cut -d" " -f1)"
