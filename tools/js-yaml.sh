#!/bin/sh
# Maak docs/javascripts/js-yaml.min.js opnieuw uit het npm-pakket js-yaml, en controleer dat het gelijk is.
#
# De rekenhulp leest casusbestanden (YAML) in de browser met js-yaml. We nemen alleen de parser
# mee (parseEvents en getScalarValue); de waarden maakt de rekenhulp zelf, zoals PyYAML dat doet
# (YAML 1.1). esbuild laat de rest van js-yaml (schema's, schrijven van YAML) weg. Het resultaat staat in git, zodat de site offline en zonder
# Node.js te bouwen is.
#
# De versies van js-yaml, esbuild en alles wat die nodig hebben, liggen vast in tools/js-yaml/package-lock.json
# (met controlesom per pakket); 'npm ci --ignore-scripts' installeert precies die, zonder installatiescripts.
#
#   sh tools/js-yaml.sh           maak het bestand opnieuw in een tijdelijke map en controleer dat het gelijk is
#                                 aan CONTROLESOM en aan het bestand in git (stopt met code 1 als het verschilt)
#   sh tools/js-yaml.sh --schrijf schrijf het nieuwe bestand (na een nieuwe versie in tools/js-yaml/package.json:
#                                 'npm install --package-lock-only --ignore-scripts' in die map); zet daarna
#                                 VERSIE en CONTROLESOM hieronder, en controleer de rekenhulp met 'make test'.
set -eu
VERSIE="5.5.0"
# Controlesom (sha256) van het gemaakte bestand; de tests vergelijken hem met het bestand in git.
CONTROLESOM="608ec0db84a75718721113b467ac5b8647cf9cb57746db8dca6688aa0cfdb59e"
ESBUILD="0.28.2"
HIER="$(cd "$(dirname "$0")" && pwd)"
DOEL="$HIER/../docs/javascripts/js-yaml.min.js"
SCHRIJF=""
[ "${1:-}" = "--schrijf" ] && SCHRIJF=1
command -v npm >/dev/null 2>&1 || { echo "Fout: npm ontbreekt (Node.js is nodig om js-yaml op te halen)." >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
cp "$HIER/js-yaml/package.json" "$HIER/js-yaml/package-lock.json" .
echo "js-yaml en esbuild ophalen uit het npm-register (npm ci, versies en controlesommen uit package-lock.json)..."
npm ci --ignore-scripts --no-audit --no-fund --silent
for pakket in js-yaml:"$VERSIE" esbuild:"$ESBUILD"; do
    gevonden="$(node -p "require('./node_modules/${pakket%%:*}/package.json').version")"
    [ "$gevonden" = "${pakket#*:}" ] || { echo "Fout: ${pakket%%:*} $gevonden in package-lock.json, script verwacht ${pakket#*:}." >&2; exit 1; }
done
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
} > js-yaml.min.js
som="$(sha256sum js-yaml.min.js | cut -d" " -f1)"
if [ -n "$SCHRIJF" ]; then
    cp js-yaml.min.js "$DOEL"
    echo "Geschreven: $DOEL ($(wc -c < "$DOEL") bytes, gzip -9: $(gzip -9c "$DOEL" | wc -c) bytes)"
    echo "Nieuwe controlesom (zet hem bij CONTROLESOM in dit script): $som"
    exit 0
fi
in_git="$(sha256sum "$DOEL" | cut -d" " -f1)"
if [ "$som" != "$CONTROLESOM" ] || [ "$in_git" != "$CONTROLESOM" ]; then
    echo "Fout: niet gelijk. Gemaakt: $som; in git: $in_git; CONTROLESOM: $CONTROLESOM" >&2
    exit 1
fi
echo "Gelijk: docs/javascripts/js-yaml.min.js is precies wat js-yaml $VERSIE met esbuild $ESBUILD maakt (sha256 $som)."
