#!/usr/bin/env bash
# Installs what civicpulse needs beyond Java 17 and Maven: a CJK font (Chinese in the PNG charts and pages)
# and Chromium (the browser test of the report). Idempotent: checks each package with dpkg -s first.
#   scripts/install-deps.sh            the runtime and test packages
#   scripts/install-deps.sh --bench    also R's forecast package (the forecast benchmark's peer)
# As non-root it installs nothing: it prints one line naming what to install and exits 1 if any is missing.
set -euo pipefail
packages=(fonts-noto-cjk chromium)
[[ "${1:-}" == "--bench" ]] && packages+=(r-cran-forecast)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: missing Debian packages; run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
