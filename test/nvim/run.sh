#!/usr/bin/env bash
# Checks the language server with Neovim's built-in LSP client, headless, on a copy of the industrial-park
# minutes (examples/industrial-park-minutes.txt).
# Needs Neovim 0.7+ (Debian's `neovim`) and a built server (dist/server.js: npm run build; MINUTES_SERVER
# names another build).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

if ! command -v nvim >/dev/null 2>&1; then
  echo "test:nvim: nvim is not installed. Install Neovim 0.7 or later (Debian/Ubuntu: apt-get install neovim;" >&2
  echo "or run bash scripts/e2e/setup.sh as root)." >&2
  exit 1
fi
SERVER="${MINUTES_SERVER:-$ROOT/dist/server.js}"
if [[ ! -f "$SERVER" ]]; then
  echo "test:nvim: $SERVER is missing: run npm run build first." >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/minutes-nvim-XXXXXX")"
trap 'rm -rf "$work"' EXIT
shopt -s nullglob
for f in "$ROOT"/examples/*.minutes "$ROOT"/examples/*.yaml "$ROOT"/examples/*.yml; do cp "$f" "$work/"; done
# The industrial-park minutes as written: decisions without owners, placeholders…
cp "$ROOT/examples/industrial-park-minutes.txt" "$work/industrial-park-minutes.minutes"

echo "test:nvim: $(nvim --version | head -1)"
cd "$work"
MINUTES_SERVER="$SERVER" timeout 90 \
  nvim --headless -n -i NONE -u "$ROOT/test/nvim/init.lua" industrial-park-minutes.minutes
