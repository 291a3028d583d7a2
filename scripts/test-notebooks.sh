#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless (jupyter nbconvert --execute, tslab kernel) and
# fails if any cell raises, or if the outputs stored in the notebook are not those a fresh run
# produces (scripts/notebook-outputs.py compare: same text, fractional numbers equal up to their
# last printed digit). Installs what is missing first: Debian's nbconvert, nbclient and ipykernel,
# tslab (not a dependency of the package), and tslab's Jupyter kernel spec.
#
#   npm run test:notebooks               # all notebooks
#   bash scripts/test-notebooks.sh notebooks/02-*.ipynb   # some of them
#   npm run notebooks:refresh            # execute, then store the fresh outputs in the notebooks
#
# Executed copies go to a temporary directory (kept when KEEP_OUTPUT=1); only --refresh writes
# the notebooks in the repository. NOTEBOOK_TIMEOUT (seconds, default 300) limits each notebook.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=/usr/bin/python3
TIMEOUT=${NOTEBOOK_TIMEOUT:-300}
refresh=0
if [ "${1:-}" = --refresh ]; then refresh=1; shift; fi

# --- Debian packages --------------------------------------------------------------------------
missing=()
# --refresh also renders each SVG chart to PNG for viewers that show only raster images.
packages=(jupyter-nbconvert python3-nbclient python3-ipykernel)
[ "$refresh" = 1 ] && packages+=(librsvg2-bin)
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "test-notebooks: missing Debian packages: ${missing[*]} (run as root or install them)" >&2
    exit 1
  fi
  echo "test-notebooks: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- tslab (installed here only: the workbench itself never needs it) -------------------------
[ -x node_modules/.bin/tsx ] || npm ci --no-audit --no-fund
[ -x node_modules/.bin/tslab ] || npm install --no-save --no-audit --no-fund tslab@^1.0.22
# The kernel spec starts the kernel as plain `tslab`, so it must be on PATH.
export PATH="$PWD/node_modules/.bin:$PATH"

# --- tslab's kernel spec ----------------------------------------------------------------------
has_kernel() {
  "$PYTHON" -c 'import sys; from jupyter_client.kernelspec import find_kernel_specs; sys.exit(0 if "tslab" in find_kernel_specs() else 1)'
}
if ! has_kernel; then
  npx tslab install --python="$PYTHON"
  has_kernel || { echo "test-notebooks: tslab kernel spec still not found after 'tslab install'" >&2; exit 1; }
fi

# --- execute ----------------------------------------------------------------------------------
if [ $# -gt 0 ]; then notebooks=("$@"); else notebooks=(notebooks/*.ipynb); fi
[ -e "${notebooks[0]}" ] || { echo "test-notebooks: no notebooks found" >&2; exit 1; }
out=$(mktemp -d -t notebooks-XXXXXX)
[ "${KEEP_OUTPUT:-0}" = 1 ] || trap 'rm -rf "$out"' EXIT

passed=0
failed=0
failures=()
for nb in "${notebooks[@]}"; do
  name=$(basename "$nb")
  start=$(date +%s)
  if timeout "$TIMEOUT" "$PYTHON" -m nbconvert --to notebook --execute \
      --ExecutePreprocessor.kernel_name=tslab \
      --ExecutePreprocessor.timeout="$TIMEOUT" \
      --output-dir "$out" "$nb" >"$out/$name.log" 2>&1; then
    took=$(( $(date +%s) - start ))
    if [ "$refresh" = 1 ]; then
      "$PYTHON" scripts/notebook-outputs.py store "$out/$name" "$nb"
      echo "saved $name ($took s)"
      passed=$((passed + 1))
    elif "$PYTHON" scripts/notebook-outputs.py compare "$nb" "$out/$name" >"$out/$name.stale"; then
      echo "ok    $name ($took s)"
      passed=$((passed + 1))
    else
      echo "STALE $name ($took s): its stored outputs are not what it produces now (npm run notebooks:refresh)"
      cat "$out/$name.stale"
      failed=$((failed + 1))
      failures+=("$name")
    fi
  else
    status=$?
    echo "FAIL  $name ($(( $(date +%s) - start )) s, exit $status$([ $status = 124 ] && echo ", timed out after ${TIMEOUT} s"))"
    grep -m1 -A3 'CellExecutionError\|TimeoutError\|DeadKernelError' "$out/$name.log" | sed 's/^/      /' || tail -n 20 "$out/$name.log" | sed 's/^/      /'
    # tslab reports a cell's exception on stderr, not in nbconvert's message: run once more,
    # letting errors through, and show what the cells wrote to stderr.
    if [ "$status" != 124 ] && timeout "$TIMEOUT" "$PYTHON" -m nbconvert --to notebook --execute --allow-errors \
        --ExecutePreprocessor.kernel_name=tslab --ExecutePreprocessor.timeout="$TIMEOUT" \
        --output-dir "$out" "$nb" >/dev/null 2>&1; then
      "$PYTHON" - "$out/$name" <<'PY' | sed 's/^/      /'
import sys, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
for i, cell in enumerate(nb.cells):
    for o in cell.get('outputs', []):
        if o.get('output_type') == 'stream' and o.get('name') == 'stderr':
            lines = o['text'].rstrip().splitlines()[-25:]
            print(f'cell {i} stderr:'); print('\n'.join(l if len(l) <= 300 else l[:300] + ' …' for l in lines))
        elif o.get('output_type') == 'error':
            print(f"cell {i} error: {o.get('ename')}: {o.get('evalue')}")
PY
    fi
    failed=$((failed + 1))
    failures+=("$name")
  fi
done
[ "${KEEP_OUTPUT:-0}" = 1 ] && echo "executed notebooks in $out"
echo "notebooks: $passed passed, $failed failed"
[ "$failed" = 0 ] || { echo "failed: ${failures[*]}" >&2; exit 1; }
