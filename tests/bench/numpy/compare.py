#!/usr/bin/python3
"""
Interleaved comparison of the TypeScript core with the NumPy workloads on this machine: for each round and each
workload, run the Node timing (tests/bench/run-core.ts) and then the NumPy one, so both see the same machine load.
Prints a table of medians (over rounds, of the per-round medians) and the NumPy/TS ratios, and writes all raw
JSON lines to tests/bench/numpy/last-run.jsonl. Usage (from the repository root):

    /usr/bin/python3 tests/bench/numpy/compare.py [rounds=3]
"""
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
WORK = ["lseGradBatch", "hopfieldRecall", "damRecall-exp", "capacity", "hebbianWeights"]
NUMPY_EXTRA = {"damRecall-exp": ["damRecall-exp", "damRecall-exp-reformulated"]}


def run(cmd):
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    rows = []
    for r in range(rounds):
        for w in WORK:
            rows += run(["node", "--import", "tsx", "tests/bench/run-core.ts", w])
            for nw in NUMPY_EXTRA.get(w, [w]):
                rows += run(["/usr/bin/python3", "tests/bench/numpy/workloads.py", nw])
        print(f"round {r + 1}/{rounds} done", file=sys.stderr, flush=True)
    with open(os.path.join(ROOT, "tests/bench/numpy/last-run.jsonl"), "w") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    agg = {}
    for row in rows:
        key = (row["impl"], row["name"])
        for kind in ("wall_ms", "cpu_ms"):
            for stat in ("median", "p95", "min"):
                agg.setdefault(key + (kind, stat), []).append(row[kind][stat])
    med = lambda key: statistics.median(agg[key]) if key in agg else float("nan")
    print(f"{'workload':28s} {'TS wall med':>11s} {'p95':>8s} {'min':>8s} {'TS cpu med':>10s} | {'NumPy wall med':>14s} {'p95':>8s} {'min':>8s} {'cpu med':>8s} | {'ratio wall':>10s} {'ratio cpu':>9s} {'ratio min':>9s}")
    for w in WORK:
        for nw in NUMPY_EXTRA.get(w, [w]):
            t = lambda k, s: med(("ts", w, k, s))
            n = lambda k, s: med(("numpy", nw, k, s))
            print(
                f"{nw:28s} {t('wall_ms','median'):11.3f} {t('wall_ms','p95'):8.3f} {t('wall_ms','min'):8.3f} {t('cpu_ms','median'):10.3f} | "
                f"{n('wall_ms','median'):14.3f} {n('wall_ms','p95'):8.3f} {n('wall_ms','min'):8.3f} {n('cpu_ms','median'):8.3f} | "
                f"{n('wall_ms','median') / t('wall_ms','median'):10.2f} {n('cpu_ms','median') / t('cpu_ms','median'):9.2f} {n('wall_ms','min') / t('wall_ms','min'):9.2f}"
            )


if __name__ == "__main__":
    main()
