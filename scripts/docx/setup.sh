#!/usr/bin/env bash
# Installs what the Word export test needs: LibreOffice Writer (headless), poppler's pdftotext and pdftoppm,
# unzip and CJK fonts, from Debian. Idempotent: a second run only checks and returns.
set -euo pipefail
# shellcheck source=../lib/debian.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/debian.sh"

ensure_debian_packages 'docx setup' --no-install-recommends \
  libreoffice-writer-nogui poppler-utils unzip fonts-noto-cjk
