#!/bin/sh
# Zet de lettertypen van de PDF in docs/fonts/, uit de npm-pakketten @fontsource/dejavu-sans en
# @fontsource/dejavu-mono (DejaVu, SIL Open Font License 1.1), en controleer dat ze gelijk zijn aan die in git.
#
# Waarom: de printversie (en dus de PDF) gebruikt deze lettertypen van de site zelf, niet die van de computer
# die de PDF maakt. Zonder dat hing de PDF af van wat er geïnstalleerd was: met fonts-liberation (Arial-maten)
# werd een tabel breder dan de bladspiegel en stopte make build. De bestanden staan in git, zodat de site offline
# en zonder Node.js te bouwen is. Alleen de deelverzameling 'latin' (Nederlandse tekst, ‘’, –, …, €).
#
# De versies en controlesommen liggen vast in tools/fonts/package-lock.json; 'npm ci --ignore-scripts' haalt
# precies die op, zonder installatiescripts.
#
#   sh tools/fonts.sh            haal op in een tijdelijke map en vergelijk met docs/fonts/ (code 1 als het verschilt)
#   sh tools/fonts.sh --schrijf  schrijf docs/fonts/ opnieuw (na een nieuwe versie in tools/fonts/package.json:
#                                'npm install --package-lock-only --ignore-scripts' in die map)
set -eu
HIER="$(cd "$(dirname "$0")" && pwd)"
DOEL="$HIER/../docs/fonts"
SCHRIJF=""
[ "${1:-}" = "--schrijf" ] && SCHRIJF=1
command -v npm >/dev/null 2>&1 || { echo "Fout: npm ontbreekt (Node.js is nodig om de lettertypen op te halen)." >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
cp "$HIER/fonts/package.json" "$HIER/fonts/package-lock.json" .
echo "Lettertypen ophalen uit het npm-register (npm ci, versies en controlesommen uit package-lock.json)..."
npm ci --ignore-scripts --no-audit --no-fund --silent
mkdir uit
for bestand in dejavu-sans/files/dejavu-sans-latin-400-normal.woff2 dejavu-sans/files/dejavu-sans-latin-700-normal.woff2 \
               dejavu-sans/files/dejavu-sans-latin-400-italic.woff2 dejavu-sans/files/dejavu-sans-latin-700-italic.woff2 \
               dejavu-mono/files/dejavu-mono-latin-400-normal.woff2 dejavu-mono/files/dejavu-mono-latin-700-normal.woff2; do
    cp "node_modules/@fontsource/$bestand" uit/
done
cp node_modules/@fontsource/dejavu-sans/LICENSE uit/LICENSE-dejavu.txt
if [ -n "$SCHRIJF" ]; then
    mkdir -p "$DOEL"
    cp uit/* "$DOEL"/
    echo "Geschreven: $DOEL"; ls -l "$DOEL"
    exit 0
fi
for f in uit/*; do
    cmp -s "$f" "$DOEL/$(basename "$f")" || { echo "Fout: $(basename "$f") in docs/fonts/ is niet gelijk aan het npm-pakket." >&2; exit 1; }
done
echo "Gelijk: docs/fonts/ bevat precies de lettertypen uit tools/fonts/package-lock.json."
