#!/usr/bin/env bash
# Times `kicktime import` of a 100,000-row product list (the whole process: read, match,
# check the overlay with the history, write), built from the StockX fixture beside the project
# by repeating its rows with a numbered suffix (so they are not merged as repeats).
# Usage: bash scripts/measure_import.sh [ROWS]   (needs ../shared/data/stockx-products-2023.csv)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
fixture=../shared/data/stockx-products-2023.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$fixture" "$work/big.csv" "$rows" <<'PY'
import csv, sys
src, dst, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, newline="", encoding="utf-8") as f:
    reader = csv.reader(f)
    header = next(reader)
    body = list(reader)
with open(dst, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(header)
    for i in range(rows):
        row = list(body[i % len(body)])
        row[1] = f"{row[1]} #{i // len(body)}"
        w.writerow(row)
PY
cargo build --release --quiet
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
for run in 1 2 3; do
  /usr/bin/time -f "run $run: %e s wall, %M KiB peak" \
    target/release/kicktime import "$work/big.csv" --out "$work/out" | grep "rows read"
done
ls -l "$work/out"
