#!/usr/bin/env bash
# The benchmarks' extra peers, which no test needs (so scripts/setup.sh leaves them out): Debian's
# fpzip tool (bench:sz's lossy precision-mode peer) and zstd (bench:sz's lossless-stage comparison).
# Run after scripts/setup.sh; as root it installs them, otherwise it names what is missing.
set -euo pipefail
missing=()
command -v fpzip >/dev/null 2>&1 || missing+=(fpzip-utils)
command -v zstd >/dev/null 2>&1 || missing+=(zstd)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "setup-bench: missing Debian packages: ${missing[*]} (run as root or install them)" >&2
  exit 1
fi
