import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createFlowScratch, descentStep, gradientFlow, lseHessian, quadraticEnergy, quadraticGrad, symmetricEigenvalues } from '../../../src/core/descent';
import { createRng, lseEnergy, lseGrad, matrixFromData, matrixFromRows } from '../../../src/core';

const mem = matrixFromRows([
  [1.2, 1.2],
  [-1.2, -1.2],
  [1.5, -1],
]);
const lseG = (beta: number) => (x: Float64Array, out: Float64Array) => void out.set(lseGrad(x, mem, beta));

describe('gradient descent in continuous and discrete time (Eqs. 10–11)', () => {
  it('the Hessian of the LSE energy matches finite differences of its gradient', () => {
    const x = [0.2, -0.4];
    const H = lseHessian(x, mem, 2);
    for (let j = 0; j < 2; j++) {
      const xp = [...x];
      const xm = [...x];
      xp[j] += 1e-6;
      xm[j] -= 1e-6;
      const gp = lseGrad(xp, mem, 2);
      const gm = lseGrad(xm, mem, 2);
      for (let i = 0; i < 2; i++) expect(H.data[i * 2 + j]).toBeCloseTo((gp[i] - gm[i]) / 2e-6, 6);
    }
  });

  it('every eigenvalue of the LSE Hessian is at most 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: 0.1, max: 50, noNaN: true }), (a, b, beta) => {
        const ev = symmetricEigenvalues(lseHessian([a, b], mem, beta));
        expect(ev[1]).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('Jacobi eigenvalues match known spectra', () => {
    const ev = symmetricEigenvalues(matrixFromRows([[2, 1], [1, 2]]));
    expect(ev[0]).toBeCloseTo(1, 12);
    expect(ev[1]).toBeCloseTo(3, 12);
    const rng = createRng(5);
    const n = 6;
    const q = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) q[i * n + j] = q[j * n + i] = rng.normal();
    const e = symmetricEigenvalues(matrixFromData(n, n, q));
    let tr = 0;
    for (let i = 0; i < n; i++) tr += q[i * n + i];
    expect(e.reduce((s, v) => s + v, 0)).toBeCloseTo(tr, 10);
    expect(() => symmetricEigenvalues(matrixFromRows([[1, 2], [0, 1]]))).toThrow(/symmetric/);
  });

  it('discrete steps with α < 2 never raise the LSE energy (property test)', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.01, max: 1.99, noNaN: true }), fc.double({ min: 0.2, max: 20, noNaN: true }), (a, b, alpha, beta) => {
        const x = Float64Array.from([a, b]);
        const s = new Float64Array(2);
        let prev = lseEnergy(x, mem, beta);
        for (let t = 0; t < 50; t++) {
          descentStep(x, lseG(beta), alpha, s);
          const e = lseEnergy(x, mem, beta);
          expect(e).toBeLessThanOrEqual(prev + 1e-12);
          prev = e;
        }
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('on a quadratic valley, α just above 2/λ_max makes the stiff direction oscillate and grow', () => {
    const lam = [1, 10];
    const g = (x: Float64Array, out: Float64Array) => void quadraticGrad(x, lam, out);
    const x = Float64Array.from([1, 0.1]);
    const s = new Float64Array(2);
    const signs: number[] = [];
    let e0 = quadraticEnergy(x, lam);
    for (let t = 0; t < 20; t++) {
      descentStep(x, g, 0.21, s);
      signs.push(Math.sign(x[1]));
    }
    expect(quadraticEnergy(x, lam)).toBeGreaterThan(e0);
    expect(signs.every((v, i) => i === 0 || v === -signs[i - 1])).toBe(true);
    // α = 0.19 < 0.2 = 2/λ_max: still converges.
    x.set([1, 0.1]);
    e0 = quadraticEnergy(x, lam);
    for (let t = 0; t < 200; t++) descentStep(x, g, 0.19, s);
    expect(quadraticEnergy(x, lam)).toBeLessThan(1e-6 * e0);
  });

  it('the gradient flow matches the exact solution x(t) = x₀ e^{−λt/τ} on a quadratic, and its energy never rises', () => {
    const lam = [1, 4];
    const g = (x: Float64Array, out: Float64Array) => void quadraticGrad(x, lam, out);
    const x = Float64Array.from([1, -2]);
    const sc = createFlowScratch(2);
    gradientFlow(x, g, 2, 3, 0.02, sc);
    expect(x[0]).toBeCloseTo(Math.exp(-1.5), 8);
    expect(x[1]).toBeCloseTo(-2 * Math.exp(-6), 7);
    const y = Float64Array.from([0.1, 2.9]);
    let prev = lseEnergy(y, mem, 4);
    for (let t = 0; t < 100; t++) {
      gradientFlow(y, lseG(4), 1, 0.1, 0.02, sc);
      const e = lseEnergy(y, mem, 4);
      expect(e).toBeLessThanOrEqual(prev + 1e-12);
      prev = e;
    }
  });

  it('names impossible inputs', () => {
    const s = new Float64Array(2);
    expect(() => descentStep(new Float64Array(2), lseG(1), 0, s)).toThrow(/alpha/);
    expect(() => gradientFlow(new Float64Array(2), lseG(1), 0, 1, 0.1, createFlowScratch(2))).toThrow(/tau/);
    expect(() => lseHessian([0, 0], mem, -1)).toThrow(/beta/);
  });
});
