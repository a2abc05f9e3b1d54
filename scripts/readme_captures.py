#!/usr/bin/env python3
"""Refreshes the screen captures in README.md: each block that follows a line
`<!-- capture: NAME WIDTHxHEIGHT KEYS... -->` is replaced by what kicktime shows in tmux at that
size after those keys (tmux key names, one argument each; `Wait` pauses).

Usage: cargo build --release && python3 scripts/readme_captures.py
"""
import os
import re
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "kicktime")
SOCKET = "kicktime-readme"


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True).stdout


def capture(width, height, keys):
    tmux("kill-server")
    # A fresh data, config and cache folder for each capture: no one's own marks or settings.
    home = tempfile.mkdtemp(prefix="kicktime-capture-")
    folders = " ".join(f"XDG_{name}_HOME={home}/{name.lower()}" for name in ("DATA", "CONFIG", "CACHE"))
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "r", "-x", str(width), "-y", str(height),
         f"env TERM=xterm-256color {folders} {BIN}")
    tmux("set", "-g", "status", "off")
    time.sleep(0.8)
    for key in keys:
        if key == "Wait":
            time.sleep(0.5)
            continue
        tmux("send-keys", "-t", "r", key)
        time.sleep(0.3)
    time.sleep(0.5)
    screen = tmux("capture-pane", "-p", "-t", "r")
    tmux("kill-server")
    return "\n".join(line.rstrip() for line in screen.rstrip("\n").split("\n"))


def main():
    path = os.path.join(ROOT, "README.md")
    text = open(path, encoding="utf-8").read()
    pattern = re.compile(r"(<!-- capture: (\S+) (\d+)x(\d+)((?: \S+)*) -->\n)```text\n.*?```",
                         re.S)

    def replace(match):
        marker, name, width, height, keys = match.groups()
        screen = capture(int(width), int(height), keys.split())
        print(f"captured {name}")
        return f"{marker}```text\n{screen}\n```"

    open(path, "w", encoding="utf-8").write(pattern.sub(replace, text))


if __name__ == "__main__":
    main()
