#!/bin/sh
# Zorg dat LibreOffice Writer van Debian er is (zonder scherm), voor de test die de Word-sjablonen omzet naar PDF en
# PNG (tests/test_word_sjablonen.py): zo ziet de test wat een lezer in Word of LibreOffice ziet.
set -eu
SOFFICE="${SOFFICE:-/usr/bin/soffice}"
if [ -x "$SOFFICE" ]; then
    exit 0
fi
echo "LibreOffice ontbreekt; installeren uit Debian (apt-get install libreoffice-writer-nogui)..."
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "Fout: LibreOffice ontbreekt en ik kan niet installeren (geen root, geen sudo)." >&2
    echo "Installeer het zelf: apt-get install libreoffice-writer-nogui" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
"$SOFFICE" --version
