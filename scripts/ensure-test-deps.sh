#!/usr/bin/env bash
# Makes sure the system tools the tests use are present: LibreOffice and poppler (document layout
# tests), the CJK fonts (rendering). Installs the missing ones with apt when run as root (as on CI
# and on a fresh machine); otherwise says what to install. Never downloads anything else.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t pkgs < <(grep -hv '^\s*#' scripts/apt-packages-*.txt 2>/dev/null | sed '/^\s*$/d' | sort -u)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing test dependencies: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
