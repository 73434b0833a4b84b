#!/bin/sh
# Zorg dat een programma van Debian er is; zo niet, installeer het Debian-pakket (apt-get, nooit een download van
# elders). Gebruik: sh tools/debian.sh PROGRAMMA PAKKET WAARVOOR
#   sh tools/debian.sh /usr/bin/chromium chromium "de browsertests en de PDF"
#   sh tools/debian.sh /usr/bin/soffice libreoffice-writer-nogui "de test van de Word-sjablonen"
# De Makefile roept dit aan (make chromium, make libreoffice); make test doet beide.
set -eu
PROGRAMMA="$1"
PAKKET="$2"
WAARVOOR="$3"
if [ -x "$PROGRAMMA" ]; then
    exit 0
fi
echo "$PROGRAMMA ontbreekt (nodig voor $WAARVOOR); installeren uit Debian (apt-get install $PAKKET)..."
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "Fout: $PROGRAMMA ontbreekt en ik kan niet installeren (geen root, geen sudo)." >&2
    echo "Installeer het zelf: apt-get install $PAKKET" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$PAKKET" >/dev/null
"$PROGRAMMA" --version
