#!/usr/bin/python3
"""
The four issue-2 workloads in straightforward vectorised NumPy, for comparison with the TypeScript core
(tests/bench/run-core.ts, tests/bench/core.bench.ts). Not part of the test suite.

Run with Debian's NumPy:  /usr/bin/python3 tests/bench/numpy/workloads.py [workload]
Prints one JSON line per workload: median, p95 and min of wall and CPU time in milliseconds.

The asynchronous recalls cannot be vectorised over bits (each update depends on the previous one), so NumPy
vectorises what it can: the O(N) field/overlap update per flip and the O(K) work per examined bit, with the
bit loop in Python. Two DAM variants are timed: the literal Krotov-Hopfield rule with two log-sum-exps per bit
(the straightforward one), and the same exponential-free reformulation the TypeScript core uses.
"""
import json
import sys
import time

import numpy as np


def stats(ts):
    v = sorted(ts)
    q = lambda p: round(v[min(len(v) - 1, int(p * len(v)))], 4)
    return {"median": q(0.5), "p95": q(0.95), "min": round(v[0], 4)}


def timeit(name, fn, min_s=1.5, min_runs=10):
    """Wall time and CPU time (time.process_time, less sensitive to other processes) per run, in ms."""
    for _ in range(2):
        fn()
    wall, cpu = [], []
    start = time.perf_counter()
    while len(wall) < min_runs or time.perf_counter() - start < min_s:
        c = time.process_time()
        t = time.perf_counter()
        fn()
        wall.append((time.perf_counter() - t) * 1e3)
        cpu.append((time.process_time() - c) * 1e3)
    print(json.dumps({"impl": "numpy", "name": name, "runs": len(wall), "wall_ms": stats(wall), "cpu_ms": stats(cpu)}), flush=True)


# 1. grad of the LSE energy for 20,000 2-D particles and 32 memories.
def setup_lse():
    rng = np.random.default_rng(1)
    mem = rng.uniform(-2.5, 2.5, (32, 2))
    xs = rng.uniform(-3, 3, (20000, 2))
    beta = 4.0

    def run():
        d = xs[:, None, :] - mem[None, :, :]
        a = -0.5 * beta * np.einsum("nkd,nkd->nk", d, d)
        a -= a.max(axis=1, keepdims=True)
        w = np.exp(a)
        w /= w.sum(axis=1, keepdims=True)
        return xs - w @ mem

    return run


def random_patterns(rng, K, N):
    return rng.choice(np.array([-1.0, 1.0]), size=(K, N))


def corrupt(rng, p, frac):
    s = p.copy()
    idx = rng.choice(p.size, int(round(frac * p.size)), replace=False)
    s[idx] *= -1
    return s


def hebbian(P):
    N = P.shape[1]
    W = P.T @ P / N
    np.fill_diagonal(W, 0.0)
    return W


def hopfield_recall(W, probe, rng, max_sweeps=100):
    """Asynchronous recall with the local fields h = Ws kept up to date (one vectorised row update per flip)."""
    s = probe.copy()
    h = W @ s
    energies = [-0.5 * s @ h]
    N = s.size
    for sweep in range(max_sweeps):
        changed = 0
        for i in rng.permutation(N):
            v = 1.0 if h[i] >= 0 else -1.0
            if v != s[i]:
                s[i] = v
                h += (2.0 * v) * W[i]
                changed += 1
        energies.append(-0.5 * s @ h)
        if changed == 0:
            return s, sweep + 1, True, energies
    return s, max_sweeps, False, energies


# 2. Classical recall, N = 1024, K = 100, from 10 % flipped bits.
def setup_hopfield():
    rng = np.random.default_rng(2)
    P = random_patterns(rng, 100, 1024)
    W = hebbian(P)
    probes = [corrupt(rng, P[q % 100], 0.1) for q in range(16)]
    state = {"q": 0}

    def run():
        q = state["q"]
        state["q"] += 1
        return hopfield_recall(W, probes[q % 16], np.random.default_rng(q))

    return run


def setup_hebbian():
    rng = np.random.default_rng(2)
    P = random_patterns(rng, 100, 1024)
    return lambda: hebbian(P)


def lse(v):
    m = v.max()
    return m + np.log(np.exp(v - m).sum())


def dam_exp_recall_literal(P, probe, rng, beta=1.0, max_sweeps=100):
    """Krotov-Hopfield rule with F = exp: compare lse(beta(r + xi_i)) with lse(beta(r - xi_i)) for each bit."""
    s = probe.copy()
    m = P @ s
    PT = np.ascontiguousarray(P.T)
    energies = [-lse(beta * m) / beta]
    N = s.size
    for sweep in range(max_sweeps):
        changed = 0
        for i in rng.permutation(N):
            x = PT[i]
            r = m - x * s[i]
            v = 1.0 if lse(beta * (r + x)) >= lse(beta * (r - x)) else -1.0
            if v != s[i]:
                s[i] = v
                m += (2.0 * v) * x
                changed += 1
        energies.append(-lse(beta * m) / beta)
        if changed == 0:
            return s, sweep + 1, True, energies
    return s, max_sweeps, False, energies


def dam_exp_recall_fast(P, probe, rng, beta=1.0, max_sweeps=100):
    """The core's reformulation: u = exp(beta(m - max m)) kept per flip; per bit two weighted sums, no exp."""
    s = probe.copy()
    m = P @ s
    PT = np.ascontiguousarray(P.T)
    cPP, cPM = -np.expm1(-2 * beta), -np.expm1(2 * beta)
    cMP, cMM = np.expm1(2 * beta), np.expm1(-2 * beta)
    u = np.exp(beta * (m - m.max()))
    energies = [-(m.max() + np.log(u.sum()) / beta)]
    N = s.size
    for sweep in range(max_sweeps):
        changed = 0
        for i in rng.permutation(N):
            x = PT[i]
            sp = u @ (1 + x)
            sm = u @ (1 - x)
            D = cPP * sp + cPM * sm if s[i] > 0 else cMP * sp + cMM * sm
            v = 1.0 if D >= 0 else -1.0
            if v != s[i]:
                s[i] = v
                m += (2.0 * v) * x
                u = np.exp(beta * (m - m.max()))
                changed += 1
        energies.append(-(m.max() + np.log(u.sum()) / beta))
        if changed == 0:
            return s, sweep + 1, True, energies
    return s, max_sweeps, False, energies


# 3. Exponential DAM, N = 1024, K = 256, from 10 % flipped bits.
def setup_dam(fn):
    rng = np.random.default_rng(4)
    P = random_patterns(rng, 256, 1024)
    probes = [corrupt(rng, P[q % 256], 0.1) for q in range(16)]
    state = {"q": 0}

    def run():
        q = state["q"]
        state["q"] += 1
        s, sweeps, conv, _ = fn(P, probes[q % 16], np.random.default_rng(q))
        assert conv
        return s

    return run


# 4. Capacity sweep: classical, N = 100, K = 1..40, 20 trials each, 10 % flips, exact recall.
def setup_capacity():
    state = {"seed": 0}

    def run():
        rng = np.random.default_rng(state["seed"])
        state["seed"] += 1
        N = 100
        rates = []
        for K in range(1, 41):
            ok = 0
            for _ in range(20):
                P = random_patterns(rng, K, N)
                W = hebbian(P)
                mu = rng.integers(K)
                s, _, _, _ = hopfield_recall(W, corrupt(rng, P[mu], 0.1), rng, 50)
                ok += bool(np.array_equal(s, P[mu]))
            rates.append(ok / 20)
        return rates

    return run


def check():
    """Sanity: both DAM variants recall the stored pattern, the classical recall too."""
    rng = np.random.default_rng(0)
    P = random_patterns(rng, 256, 1024)
    pr = corrupt(rng, P[3], 0.1)
    for fn in (dam_exp_recall_literal, dam_exp_recall_fast):
        s, *_ = fn(P, pr, np.random.default_rng(1))
        assert np.array_equal(s, P[3]), fn.__name__


if __name__ == "__main__":
    only = sys.argv[1] if len(sys.argv) > 1 else None
    check()
    work = [
        ("lseGradBatch", setup_lse),
        ("hopfieldRecall", setup_hopfield),
        ("hebbianWeights", setup_hebbian),
        ("damRecall-exp", lambda: setup_dam(dam_exp_recall_literal)),
        ("damRecall-exp-reformulated", lambda: setup_dam(dam_exp_recall_fast)),
        ("capacity", setup_capacity),
    ]
    for name, setup in work:
        if only is None or only == name:
            timeit(name, setup())
