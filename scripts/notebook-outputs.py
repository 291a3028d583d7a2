"""Stored notebook outputs: save an executed notebook as the stored one, or check a stored one is fresh.

    notebook-outputs.py store EXECUTED STORED    # write EXECUTED to STORED without run-specific metadata
    notebook-outputs.py compare STORED EXECUTED  # exit 1 if STORED's outputs differ from a fresh run's

The notebooks are committed with their outputs so that they read without running (a code host
renders them). `store` adds to every SVG chart a PNG rendering of it (rsvg-convert), because some
notebook viewers show only raster images. `compare` decides whether the stored outputs are still
what the code produces: it compares every code cell's outputs (stream text, text/markdown/html/
plain, SVG) as text, except that a number printed with a fraction or an exponent may differ by
one unit in its last digit (integers must match), so a last-digit rounding flip between machines
(a different libm) does not count as stale while any real change does. A PNG beside an SVG is a rendering of it and is not compared: rasterizers differ.
"""
import base64
import json
import re
import subprocess
import sys

import nbformat

# Volatile per-run metadata nbclient may add; the stored notebook does not keep it.
VOLATILE_CELL_METADATA = ('execution', 'collapsed', 'scrolled')
NUMBER = re.compile(r'[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?')


def as_text(value):
    return value if isinstance(value, str) else ''.join(value)


def add_png(output):
    data = output.get('data', {})
    if 'image/svg+xml' in data and 'image/png' not in data:
        svg = as_text(data['image/svg+xml']).encode('utf-8')
        png = subprocess.run(['rsvg-convert', '--format', 'png'], input=svg, capture_output=True, check=True).stdout
        data['image/png'] = base64.b64encode(png).decode('ascii')


def store(executed_path, stored_path):
    nb = nbformat.read(executed_path, as_version=4)
    for cell in nb.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        for output in cell.get('outputs', []):
            add_png(output)
    nbformat.write(nb, stored_path)


def output_texts(output):
    """(label, text) pairs an output shows, in a fixed order."""
    kind = output.get('output_type')
    if kind == 'stream':
        return [(f"stream {output.get('name')}", output.get('text', ''))]
    if kind == 'error':
        return [('error', f"{output.get('ename')}: {output.get('evalue')}")]
    data = output.get('data', {})
    shown = [m for m in sorted(data) if not (m == 'image/png' and 'image/svg+xml' in data)]
    return [(m, json.dumps(data[m], sort_keys=True) if m.endswith('json') else as_text(data[m])) for m in shown]


def cell_outputs(nb):
    """Per code cell: its outputs as (label, text) pairs."""
    return [[pair for o in cell.get('outputs', []) for pair in output_texts(o)] for cell in nb.cells if cell.cell_type == 'code']


def unit(token):
    """One unit in the last printed digit of a number token; integers (counts, steps) must match exactly."""
    mantissa, _, exponent = token.lower().partition('e')
    if '.' not in mantissa and not exponent:
        return 0.0
    decimals = len(mantissa.partition('.')[2])
    return 10.0 ** (-decimals + (int(exponent) if exponent else 0))


def same_text(a, b):
    """None if equal up to last-digit rounding of numbers, else a short description of the first difference."""
    if a == b:
        return None
    pa, pb = NUMBER.split(a), NUMBER.split(b)
    na, nb_ = NUMBER.findall(a), NUMBER.findall(b)
    if pa != pb or len(na) != len(nb_):
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        return f'text differs at character {at}: stored {a[max(0, at - 40):at + 40]!r}, fresh {b[max(0, at - 40):at + 40]!r}'
    for x, y in zip(na, nb_):
        if abs(float(x) - float(y)) > max(unit(x), unit(y)) + 1e-12 * max(abs(float(x)), abs(float(y))):
            return f'number differs: stored {x}, fresh {y}'
    return None


def compare(stored_path, executed_path):
    stored = cell_outputs(nbformat.read(stored_path, as_version=4))
    fresh = cell_outputs(nbformat.read(executed_path, as_version=4))
    problems = []
    if len(stored) != len(fresh):
        problems.append(f'{len(stored)} code cells stored, {len(fresh)} executed')
    for i, (s, f) in enumerate(zip(stored, fresh)):
        if [label for label, _ in s] != [label for label, _ in f]:
            problems.append(f'code cell {i + 1}: stored outputs {[l for l, _ in s]}, fresh {[l for l, _ in f]}')
            continue
        for (label, a), (_, b) in zip(s, f):
            why = same_text(a, b)
            if why:
                problems.append(f'code cell {i + 1}, {label}: {why}')
    for p in problems[:10]:
        print(f'      {p}')
    if len(problems) > 10:
        print(f'      … and {len(problems) - 10} more')
    return 1 if problems else 0


if __name__ == '__main__':
    if len(sys.argv) != 4 or sys.argv[1] not in ('store', 'compare'):
        sys.exit(__doc__)
    command, first, second = sys.argv[1:]
    if command == 'store':
        store(first, second)
    else:
        sys.exit(compare(first, second))
