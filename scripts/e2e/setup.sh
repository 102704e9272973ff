#!/usr/bin/env bash
# Installs what the real-editor tests need: Debian's chromium, ripgrep, CJK fonts and neovim, the VS Code
# build inside code-server (into the git-ignored .vscode-test/code-server/), and playwright-core.
# Idempotent: a second run only checks and returns.
set -euo pipefail
# shellcheck source=../lib/debian.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/debian.sh"

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CS_PREFIX="$ROOT/.vscode-test/code-server"
CS_PKG="$CS_PREFIX/node_modules/code-server"
VSCODE_DIR="$CS_PKG/lib/vscode"
MARKER="$CS_PREFIX/.installed-$CODE_SERVER_VERSION"
DEBIAN_PACKAGES=(libkrb5-dev ripgrep chromium fonts-noto-cjk neovim)
NPM_FLAGS=(--no-audit --no-fund --loglevel=error)

step=''
log() { echo "e2e setup: $*"; }
on_error() {
  echo "e2e setup: FAILED while $step (exit $1). See the output above; fix it and run scripts/e2e/setup.sh again." >&2
}
trap 'on_error $?' ERR

# --- Debian packages -------------------------------------------------------------------------------
step='checking and installing Debian packages'
ensure_debian_packages 'e2e setup' "${DEBIAN_PACKAGES[@]}"

# --- code-server (VS Code 1.100.3) -----------------------------------------------------------------
if [[ ! -f "$MARKER" || ! -f "$CS_PKG/out/node/entry.js" ]]; then
  log "installing code-server@$CODE_SERVER_VERSION into ${CS_PREFIX#"$ROOT"/}"
  mkdir -p "$CS_PREFIX"
  [[ -f "$CS_PREFIX/package.json" ]] || echo '{ "private": true }' >"$CS_PREFIX/package.json"

  # Its postinstall demands --unsafe-perm and downloads ripgrep: do its steps by hand instead.
  step="installing the code-server@$CODE_SERVER_VERSION package"
  (cd "$CS_PREFIX" && npm install "${NPM_FLAGS[@]}" --ignore-scripts "code-server@$CODE_SERVER_VERSION")

  step='rebuilding argon2'
  (cd "$CS_PREFIX" && npm rebuild "${NPM_FLAGS[@]}" argon2)

  step="installing VS Code's own dependencies"
  (cd "$VSCODE_DIR" && npm install "${NPM_FLAGS[@]}" --omit=dev --ignore-scripts)

  step="rebuilding VS Code's native modules (needs libkrb5-dev and node headers)"
  (cd "$VSCODE_DIR" && npm_config_yes=true npm rebuild "${NPM_FLAGS[@]}" \
    @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty)

  step='linking ripgrep and helper scripts'
  mkdir -p "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin"
  ln -sf "$(command -v rg)" "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg"
  ln -sfn node_modules "$VSCODE_DIR/node_modules.asar"
  ln -sf code-linux.sh "$VSCODE_DIR/bin/remote-cli/code-server"
  ln -sf browser-linux.sh "$VSCODE_DIR/bin/helpers/browser.sh"

  step="installing the built-in extensions' dependencies"
  (cd "$VSCODE_DIR/extensions" && npm install "${NPM_FLAGS[@]}" --omit=dev)

  step='checking that code-server runs'
  node "$CS_PKG/out/node/entry.js" --version >/dev/null
  touch "$MARKER"
fi

# --- playwright-core (a devDependency of the project) ----------------------------------------------
step='checking playwright-core'
if ! (cd "$ROOT" && node -e "require.resolve('playwright-core')" 2>/dev/null); then
  step="installing the project's devDependencies (playwright-core)"
  log 'playwright-core missing: npm install'
  (cd "$ROOT" && npm install "${NPM_FLAGS[@]}")
fi

log "ready (code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -1))"
