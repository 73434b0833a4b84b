#!/bin/sh
# LibreOffice Writer van Debian (zonder scherm) voor de test die de Word-sjablonen naar PDF en PNG omzet
# (tests/test_word_sjablonen.py): zo ziet de test wat een lezer in Word of LibreOffice ziet.
exec sh "$(dirname "$0")/debian.sh" "${SOFFICE:-/usr/bin/soffice}" libreoffice-writer-nogui "de test van de Word-sjablonen"
