#!/usr/bin/env bash
# Installs what the spreadsheet test needs: LibreOffice Calc without a display (Debian's
# libreoffice-calc-nogui) and pdftoppm (poppler-utils), plus CJK fonts for the rendered picture.
# Idempotent: a second run only checks and returns.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/debian.sh"
ensure_debian_packages 'xlsx setup' libreoffice-calc-nogui poppler-utils fonts-noto-cjk
