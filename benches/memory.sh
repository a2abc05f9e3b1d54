#!/usr/bin/env bash
# Peak resident memory of a whole `kicktime search` process per entry, beyond the dataset file's
# own size, on synthetic datasets of each size given (default 100,000 and 1,000,000): cold
# (`--no-cache`: parse, check, build), first (the same, then the cache is written) and warm
# (the cache is read). The peak includes the program itself. Usage:
#   bash benches/memory.sh [ENTRIES ...]
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- 100000 1000000
command -v /usr/bin/time >/dev/null || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }
cargo build --release --quiet --example gen
cargo build --release --quiet
work=${TMPDIR:-/tmp}/kicktime-memory
mkdir -p "$work"
export XDG_CACHE_HOME=$work/cache
printf '| %-10s | %-6s | %-8s | %10s | %10s | %16s |\n' entries cache query "file (MB)" "peak (MB)" "bytes per entry"
printf '|%s|%s|%s|%s|%s|%s|\n' "------------" "--------" "----------" "------------" "------------" "------------------"
peak() { # prints the peak resident kilobytes of kicktime with the given arguments
  # kicktime exits 1 when nothing matches; GNU time's figure is the last line either way.
  (/usr/bin/time -f '%M' target/release/kicktime "$@" 2>&1 >/dev/null || true) | tail -1
}
for entries in "$@"; do
  data=$work/$entries.ron
  [ -f "$data" ] || target/release/examples/gen --entries "$entries" --out "$data" > /dev/null 2>&1
  file=$(stat -L -c %s "$data")
  # `qqqqq` matches nothing: the dataset's own footprint. `e` matches most entries.
  for query in qqqqq e; do
    for cache in cold first warm; do
      case $cache in
        cold) kb=$(peak search "$query" --data "$data" --limit 100 --no-cache) ;;
        first) target/release/kicktime cache clear > /dev/null
               kb=$(peak search "$query" --data "$data" --limit 100) ;;
        warm) kb=$(peak search "$query" --data "$data" --limit 100) ;;
      esac
      awk -v n="$entries" -v c="$cache" -v q="$query" -v f="$file" -v p="$kb" \
        'BEGIN { printf "| %-10s | %-6s | %-8s | %10.1f | %10.1f | %16.0f |\n", n, c, q, f / 1e6, p * 1024 / 1e6, (p * 1024 - f) / n }'
    done
  done
done
