#!/usr/bin/env bash
# Installs what the spreadsheet test needs: LibreOffice Calc without a display (Debian's
# libreoffice-calc-nogui) and pdftoppm (poppler-utils), plus CJK fonts for the rendered picture.
# Idempotent: a second run only checks and returns.
set -euo pipefail

DEBIAN_PACKAGES=(libreoffice-calc-nogui poppler-utils fonts-noto-cjk)

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
((${#missing[@]})) || exit 0
if [[ $(id -u) -ne 0 ]]; then
  echo "xlsx setup: missing Debian packages: ${missing[*]}" >&2
  echo "xlsx setup: install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
for pkg in "${missing[@]}"; do
  if ! apt-cache show "$pkg" >/dev/null 2>&1; then
    echo 'xlsx setup: apt-get update'
    apt-get update -qq
    break
  fi
done
echo "xlsx setup: apt-get install ${missing[*]}"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
