#!/usr/bin/env bash
# Compares `kicktime search` with `fzf --filter` over the same 1,000,000 synthetic entries and
# prints a table. Needs fzf (Debian's package: apt-get install fzf). Usage:
#   bash benches/fzf-compare.sh [ENTRIES]
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-1000000}
work=${TMPDIR:-/tmp}/kicktime-fzf-$entries
mkdir -p "$work"
command -v fzf >/dev/null || { echo "fzf is missing: apt-get install fzf" >&2; exit 1; }
cargo build --release --quiet --example gen
cargo build --release --quiet
data=$work/dataset.ron
lines=$work/lines.txt
[ -f "$data" ] || target/release/examples/gen --entries "$entries" --out "$data"
# One line per entry, with what kicktime searches: title, brand, collaborators.
[ -f "$lines" ] || target/release/kicktime list --data "$data" --format csv \
  | awk -F, 'NR > 1 { print $3 " · " $4 " · " $9 }' > "$lines"
echo "$(wc -l < "$lines") entries; fzf $(fzf --version | cut -d' ' -f1); median of 3 runs"
echo
printf '| %-22s | %12s | %12s | %12s | %10s | %10s |\n' query "fzf run (ms)" "kt search" "kt whole run" "search/fzf" "run/fzf"
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..24})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..12})"
median() { sort -n | sed -n 2p; }
now() { date +%s%N; }
for pair in "k|k" "e|e" "ka|ka" "ne|ne" "kay|kay" "kayano|kayano" "jjj|jjj" "brand:asics 14|asics 14" "year:2020..2023 nb|2020 nb"; do
  query=${pair%%|*}; fzf_query=${pair#*|}
  fzf_ms=$(for _ in 1 2 3; do s=$(now); fzf --filter "$fzf_query" < "$lines" > /dev/null || true; e=$(now); echo $(( (e - s) / 1000000 )); done | median)
  search_ms=$(for _ in 1 2 3; do target/release/kicktime search $query --data "$data" --limit 100 --timings 2>&1 >/dev/null | sed -n 's/.*search \([0-9.]*\) ms/\1/p'; done | median)
  run_ms=$(for _ in 1 2 3; do s=$(now); target/release/kicktime search $query --data "$data" --limit 100 > /dev/null || true; e=$(now); echo $(( (e - s) / 1000000 )); done | median)
  printf '| %-22s | %12s | %12s | %12s | %10s | %10s |\n' "$query" "$fzf_ms" "$search_ms" "$run_ms" \
    "$(awk -v a="$search_ms" -v b="$fzf_ms" 'BEGIN { printf "%.2f", a / b }')" \
    "$(awk -v a="$run_ms" -v b="$fzf_ms" 'BEGIN { printf "%.2f", a / b }')"
done
