#!/usr/bin/env bash
# Installs what the workbench needs on a fresh Debian machine: node modules, and for the tests and
# benchmarks zfp 1.0 (tool + library, the reference implementation), gcc, g++ and Chromium.
#   scripts/setup.sh          everything
#   scripts/setup.sh --node   node modules only (enough to run the workbench)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules/.bin ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
[ "${1:-}" = --node ] && exit 0
missing=()
command -v zfp >/dev/null 2>&1 || missing+=(zfp)
[ -f /usr/include/zfp.h ] || missing+=(libzfp-dev)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
# bench:array's peer is zfp's C++ array.
command -v g++ >/dev/null 2>&1 || missing+=(g++)
# The browser test opens the HTML reports in Debian's Chromium.
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages: ${missing[*]} (run as root or install them)" >&2
    exit 1
  fi
fi
