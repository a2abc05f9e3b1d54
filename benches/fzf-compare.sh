#!/usr/bin/env bash
# kicktime search against fzf over the same synthetic entries, whole processes side by side:
#   fzf --filter QUERY < lines | head -50      (one line per entry: title · brand · collaborators)
#   kicktime search QUERY --data FILE --limit 50
# warm (the cache built by a first run) and cold (--no-cache: read, parse, check, index). Runs
# are paired (fzf, then kicktime warm, then cold, in turn) and the median of 5 is reported, with
# kicktime's time over fzf's. Needs fzf (apt-get install fzf).
# Usage: bash benches/fzf-compare.sh [ENTRIES] [PROFILE]   (defaults: 1000000, perf)
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-1000000}
profile=${2:-perf}
runs=5
command -v fzf >/dev/null || { echo "fzf is missing: apt-get install fzf" >&2; exit 1; }
cargo build --profile "$profile" --quiet --example gen
cargo build --profile "$profile" --quiet
bin=target/$profile/kicktime
work=${TMPDIR:-/tmp}/kicktime-fzf-$entries
mkdir -p "$work"
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
data=$work/dataset.ron
lines=$work/lines.txt
[ -f "$data" ] || "target/$profile/examples/gen" --entries "$entries" --out "$data" > /dev/null
[ -f "$lines" ] || "$bin" list --data "$data" --format csv --no-cache \
  | awk -F, 'NR > 1 { print $4 " · " $3 " · " $9 }' > "$lines"
"$bin" search warmup --data "$data" --limit 1 > /dev/null 2>&1 || true  # writes the cache
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "$(wc -l < "$lines") entries, $bin, fzf $(fzf --version | cut -d' ' -f1); whole runs, median of $runs paired runs (ms)"
echo
printf '| %-24s | %8s | %8s | %9s | %8s | %9s |\n' "kicktime query (fzf query)" fzf warm "warm/fzf" cold "cold/fzf"
printf '|%s|%s|%s|%s|%s|%s|\n' "--------------------------" "----------" "----------" "-----------" "----------" "-----------"
for pair in "kayano|kayano" "k|k" "ne|ne" "jjj|jjj" "gel kayano 14|gel kayano 14" \
  "brand:asics 14|asics 14" "collab:jjjjound|jjjjound" "year:2020..2023 nb|nb"; do
  query=${pair%%|*}; fzf_query=${pair#*|}
  : > "$work/fzf.t"; : > "$work/warm.t"; : > "$work/cold.t"
  for _ in $(seq $runs); do
    s=$(now); { fzf --filter "$fzf_query" < "$lines" | head -50 > /dev/null; } || true; e=$(now); ms "$s" "$e" >> "$work/fzf.t"
    # shellcheck disable=SC2086
    s=$(now); "$bin" search $query --data "$data" --limit 50 > /dev/null || true; e=$(now); ms "$s" "$e" >> "$work/warm.t"
    # shellcheck disable=SC2086
    s=$(now); "$bin" search $query --data "$data" --limit 50 --no-cache > /dev/null || true; e=$(now); ms "$s" "$e" >> "$work/cold.t"
  done
  f=$(median < "$work/fzf.t"); w=$(median < "$work/warm.t"); c=$(median < "$work/cold.t")
  printf '| %-24s | %8s | %8s | %9s | %8s | %9s |\n' "$query ($fzf_query)" "$f" "$w" \
    "$(awk -v a="$w" -v b="$f" 'BEGIN { printf "%.2f", a / b }')" "$c" \
    "$(awk -v a="$c" -v b="$f" 'BEGIN { printf "%.2f", a / b }')"
done
