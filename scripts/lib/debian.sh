# Sourced by the test setup scripts: `ensure_debian_packages NAME [--no-install-recommends] PKG…` installs the
# Debian packages that are missing (apt-get update first when apt does not know one), as root; otherwise it
# says what to install and fails. NAME prefixes its messages.
ensure_debian_packages() {
  local name=$1
  shift
  local flags=()
  if [[ ${1:-} == --no-install-recommends ]]; then
    flags+=("$1")
    shift
  fi
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  ((${#missing[@]})) || return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "$name: missing Debian packages: ${missing[*]}" >&2
    echo "$name: install them with: sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
  for pkg in "${missing[@]}"; do
    if ! apt-cache show "$pkg" >/dev/null 2>&1; then
      echo "$name: apt-get update"
      apt-get update -qq
      break
    fi
  done
  echo "$name: apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${flags[@]}" "${missing[@]}" >/dev/null
}
