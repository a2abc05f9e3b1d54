#!/usr/bin/env bash
# Remakes the PNG screenshots in docs/screenshots/: kicktime in a real xterm (DejaVu Sans Mono,
# 256 colours) under Xvfb, driven through tmux, each view captured with ImageMagick.
#
# Needs (Debian): xvfb xterm imagemagick fonts-dejavu-core x11-utils tmux.
# Usage: bash scripts/screenshots.sh   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
bin="$PWD/target/release/kicktime"
out="$PWD/docs/screenshots"
mkdir -p "$out"

display=":97"
socket="kicktime-shots"
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY="$display"
sleep 1

tmux -L "$socket" -f /dev/null new-session -d -s shots -x 120 -y 40 \
  "env TERM=xterm-256color COLORFGBG='15;0' $bin"
tmux -L "$socket" set -g status off
xterm -xrm 'XTerm*termName: xterm-256color' -fa 'DejaVu Sans Mono' -fs 11 \
  -bg '#1d1f21' -fg '#d8d8d8' -geometry 120x40+0+0 -title kicktime-shots \
  -e tmux -L "$socket" attach -t shots &
sleep 2
window=$(xwininfo -root -tree | awk '/kicktime-shots/ {print $1; exit}')

# Each key on its own, with a pause, so Esc followed by a letter is not read as Alt-letter.
keys() {
  for key in "$@"; do
    tmux -L "$socket" send-keys -t shots "$key"
    sleep 0.4
  done
}
shot() { import -window "$window" "$out/$1.png"; echo "wrote $out/$1.png"; }

keys Escape
shot timeline
keys / 'kayano 14' Enter
keys Enter
shot detail
keys Escape l
shot lineage
keys B
shot brand
keys Tab Tab Enter
shot collaborator
keys s
shot overview
keys t
shot overview-brands
keys Escape Escape Escape Escape
keys '?'
shot help
