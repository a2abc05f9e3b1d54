#!/usr/bin/env bash
# The browser's start on synthetic datasets, as a person waits for it, in a real terminal
# (tmux, 120x40): the first frame (the loading screen) and the usable full timeline, from the
# process's start, as `--timings` reports them on quitting; cold (no cache yet) and warm (the
# cache written by the cold run). Median of 5 runs each.
# Usage: bash benches/startup.sh [ENTRIES ...]   (default 100000 1000000; needs tmux)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- 100000 1000000
command -v tmux >/dev/null || { echo "tmux is missing: apt-get install tmux" >&2; exit 1; }
cargo build --profile perf --quiet --example gen
cargo build --profile perf --quiet
bin=$PWD/target/perf/kicktime
work=${TMPDIR:-/tmp}/kicktime-startup
mkdir -p "$work"
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# One start: waits for the timeline, quits, prints "first_ms ready_ms".
start() {
  local data=$1 out=$work/timings.txt
  rm -f "$out"
  tmux new-session -d -s kt-startup -x 120 -y 40 "$bin --data '$data' --timings 2> '$out'"
  for _ in $(seq 600); do
    tmux capture-pane -t kt-startup -p 2>/dev/null | grep -q "Timeline" && break
    sleep 0.05
  done
  tmux send-keys -t kt-startup q
  for _ in $(seq 200); do [ -s "$out" ] && break; sleep 0.05; done
  sleep 0.1
  tmux kill-session -t kt-startup 2>/dev/null || true
  sed -n 's/.*first frame \([0-9.]*\) ms, usable timeline \([0-9.]*\) ms.*/\1 \2/p' "$out"
}
printf '| %-10s | %-5s | %16s | %22s |\n' entries cache "first frame (ms)" "usable timeline (ms)"
printf '|%s|%s|%s|%s|\n' "------------" "-------" "------------------" "------------------------"
for entries in "$@"; do
  data=$work/$entries.ron
  [ -f "$data" ] || target/perf/examples/gen --entries "$entries" --out "$data" > /dev/null 2>&1
  for cache in cold warm; do
    : > "$work/first.t"; : > "$work/ready.t"
    for _ in 1 2 3 4 5; do
      export XDG_CACHE_HOME=$work/cache-$entries
      [ "$cache" = cold ] && rm -rf "$XDG_CACHE_HOME"
      read -r first ready <<< "$(start "$data")"
      echo "$first" >> "$work/first.t"; echo "$ready" >> "$work/ready.t"
    done
    printf '| %-10s | %-5s | %16s | %22s |\n' "$entries" "$cache" "$(median < "$work/first.t")" "$(median < "$work/ready.t")"
  done
done
