#!/usr/bin/env python3
"""Rewrites the outputs shown in README.md from the commands that make them.

Each fenced block that starts with `$ swift run [-c release] plan ARGS` gets the output of
`PLAN ARGS` (standard output, then standard error), run from the repository's root. A block
shown cut with a line `…` keeps its cut: as many lines as before the `…`, then the part
that starts like the line after it.

    swift build && tools/readme-outputs/regenerate.py .build/debug/plan
    git diff README.md      # review what moved
"""
import os
import shlex
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parents[2]
plan = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/plan"
readme = root / "README.md"
lines = readme.read_text().split("\n")
out = []
i = 0
while i < len(lines):
    out.append(lines[i])
    if lines[i].startswith("```") and i + 1 < len(lines) and lines[i + 1].startswith("$ swift run"):
        command = lines[i + 1]
        j = i + 2
        while not lines[j].startswith("```"):
            j += 1
        old = lines[i + 2 : j]
        words = shlex.split(command[2:])
        args = words[words.index("plan") + 1 :]
        # Globs (scenarios/rules/*.yaml) are the shell's to expand, as in the README.
        line = " ".join([shlex.quote(plan)] + [a if "*" in a else shlex.quote(a) for a in args])
        # English unless the command says --lang: the README does not depend on the machine's locale.
        env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
        env["LANG"] = "C.UTF-8"
        r = subprocess.run(line, shell=True, capture_output=True, text=True, cwd=root, env=env)
        new = (r.stdout + r.stderr).rstrip("\n").split("\n")
        if "…" in old:
            n = old.index("…")
            rest = []
            if n + 1 < len(old):
                key = old[n + 1][:14]
                rest = next((new[m:] for m in range(n, len(new)) if new[m].startswith(key)), [])
            new = new[:n] + ["…"] + rest
        out.append(command)
        out.extend(new)
        i = j
        continue
    i += 1
readme.write_text("\n".join(out))
