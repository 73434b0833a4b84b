#!/bin/sh
# Chromium van Debian voor de browsertests en de PDF. Nooit een browser downloaden via Playwright.
exec sh "$(dirname "$0")/debian.sh" "${CHROMIUM:-/usr/bin/chromium}" chromium "de browsertests en de PDF"
