#!/bin/sh
# Zorg dat Chromium van Debian er is (voor de browsertests en de PDF). Nooit een browser downloaden
# via Playwright: alleen het Debian-pakket 'chromium'.
set -eu
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
echo "Chromium ontbreekt; installeren uit Debian (apt-get install chromium)..."
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "Fout: Chromium ontbreekt en ik kan niet installeren (geen root, geen sudo)." >&2
    echo "Installeer het zelf: apt-get install chromium" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
"$CHROMIUM" --version
