"""Turns the results of `benches/run` (target/perf/) into the README's tables, with ratios.

Usage: python3 benches/report.py target/perf
"""

import json
import re
import statistics
import sys
from pathlib import Path

UNITS = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def ms(seconds: float) -> str:
    v = seconds * 1000
    return f"{v:.1f} ms" if v < 100 else f"{v:.0f} ms" if v < 10_000 else f"{seconds:.1f} s"


def hyperfine(path: Path):
    """Each command's (name, median, p99-or-max, runs) from a hyperfine JSON export."""
    out = []
    for r in json.loads(path.read_text())["results"]:
        times = sorted(r["times"])
        p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
        out.append((r["command"], statistics.median(times), p99, len(times)))
    return out


def divan(path: Path):
    """(group, bench, median s, slowest s) rows from divan's text output.

    A row reads `├─ name   fastest │ slowest │ median │ mean │ samples │ iters`; an argument's
    row sits one level deeper (`│  ├─ 3 …`) under its bench's row, which has no times.
    """
    rows, group, parent = [], None, None
    time_re = r"([\d.]+) (ns|µs|us|ms|s)"
    for line in path.read_text().splitlines():
        m = re.match(r"^(\w+)\s+fastest\s+│", line)
        if m:
            group = m.group(1)
            continue
        if group is None or not re.match(r"^(│  |   )?[├╰]─ ", line):
            continue
        nested = not line.startswith(("├", "╰"))
        body = line[3:] if nested else line
        cells = [c.strip() for c in body.split("│")]
        head = re.sub(r"^[├╰]─\s*", "", cells[0])
        name = head.split()[0] if head.split() else ""
        fastest = re.search(time_re, head)
        if not fastest:
            parent = name
            continue
        def secs(text):
            t = re.search(time_re, text)
            return float(t.group(1)) * UNITS[t.group(2)] if t else None
        slowest, median = secs(cells[1]), secs(cells[2])
        if median is None or slowest is None:
            continue
        label = f"{parent}({name})" if nested and parent else name
        if not nested:
            parent = None
        rows.append((group, label, median, slowest))
    return rows


def main(out: Path) -> None:
    print("# Performance report\n")
    if (out / "machine.txt").exists():
        print("```\n" + (out / "machine.txt").read_text().strip() + "\n```\n")
    print("## Whole process (hyperfine), with references\n")
    print("| what | median | p99 (or slowest) | reference | ref. median | ratio |")
    print("|---|---|---|---|---|---|")
    ff = out / "first-frame.json"
    if ff.exists():
        (_, med, p99, _), = hyperfine(ff)
        print(f"| start-up to first inbox frame (`debug-first-frame`) | {ms(med)} | {ms(p99)} | target | 30 ms | {med / 0.030:.2f}× |")
    for f in sorted(out.glob("search-*.json")):
        (c1, m1, p1, _), (c2, m2, _, _) = hyperfine(f)
        q = f.stem.removeprefix("search-")
        print(f"| `wortel accounts --search {q}` | {ms(m1)} | {ms(p1)} | `fzf --filter {q}` | {ms(m2)} | {m1 / m2:.2f}× |")
    imp = out / "import.json"
    if imp.exists():
        (c1, m1, p1, _), (c2, m2, _, _) = hyperfine(imp)
        print(f"| `wortel import` of 100,000 leads | {ms(m1)} | {ms(p1)} | sqlite3 `.import`, same rows, PK + index, one transaction | {ms(m2)} | {m1 / m2:.2f}× |")
    exp = out / "exports.json"
    if exp.exists():
        for c, m, p, _ in hyperfine(exp):
            print(f"| {c} | {ms(m)} | {ms(p)} | | | |")
    for size, what in [("60", "60-lead store"), ("100k", "100,000-lead store")]:
        alone, served = out / f"socket-{size}-alone.json", out / f"socket-{size}-served.json"
        if alone.exists() and served.exists():
            (_, m1, p1, _), = hyperfine(served)
            (_, m2, _, _), = hyperfine(alone)
            print(f"| `wortel leads --json` through the open view's socket ({what}) | {ms(m1)} | {ms(p1)} | the same listing with no view open | {ms(m2)} | {m1 / m2:.2f}× |")
    for f, what in [("hq-route.json", "`wortel-hq route` of 100,000 leads"), ("hq-ingest.json", "`wortel-hq ingest` of 300 stores' weekly feedback")]:
        if (out / f).exists():
            (c1, m1, p1, _), (c2, m2, _, _) = hyperfine(out / f)
            print(f"| {what} | {ms(m1)} | {ms(p1)} | sqlite3 `.import`, same rows, one transaction | {ms(m2)} | {m1 / m2:.2f}× |")
    for name in ["tui-rss-summary.txt", "store-size.txt", "demo-build.txt"]:
        if (out / name).exists():
            print(f"| {(out / name).read_text().strip()} | | | | | |")
    d = out / "divan.txt"
    if d.exists():
        rows = divan(d)
        print("\n## In process (divan; frames into TestBackend 160×48; one keystroke per sample)\n")
        print("| bench | median | slowest of the samples (≥ p99) |")
        print("|---|---|---|")
        for group, label, med, slow in rows:
            print(f"| {group}::{label} | {ms(med)} | {ms(slow)} |")
        byname = {label: med for _, label, med, _ in rows}
        if "import_bundle" in byname and "raw_sled_same_entries" in byname:
            r = byname["import_bundle"] / byname["raw_sled_same_entries"]
            print(f"\nimport / raw sled (same entries, one batch per tree, one flush): {r:.2f}×")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
