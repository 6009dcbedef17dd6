import { describe, expect, it } from 'vitest';
import { createMlp, createMlpWorkspace, createRng, mlpBackward, mlpForward, mlpParamCount } from '../../../src/core';

/** ½‖y − target‖² summed over the batch. */
function lossOf(net: ReturnType<typeof createMlp>, input: Float64Array, B: number, target: Float64Array): number {
  const ws = createMlpWorkspace(net, B);
  const y = mlpForward(net, input, B, ws);
  let l = 0;
  for (let i = 0; i < y.length; i++) l += 0.5 * (y[i] - target[i]) ** 2;
  return l;
}

describe('mlp', () => {
  const sizes = [5, 7, 6, 3];
  const rng = createRng(3);
  const net = createMlp(sizes, rng);
  const B = 4;
  const input = Float64Array.from({ length: B * 5 }, () => rng.normal());
  const target = Float64Array.from({ length: B * 3 }, () => rng.normal());
  // Make the output layer large enough that its gradients are not tiny.
  for (let i = 0; i < net.params.length; i++) net.params[i] += 0.3 * rng.normal();

  it('counts its parameters', () => {
    expect(net.params.length).toBe(mlpParamCount(sizes));
    expect(mlpParamCount(sizes)).toBe(5 * 7 + 7 + 7 * 6 + 6 + 6 * 3 + 3);
  });

  it('backprop matches central finite differences for every parameter and input', () => {
    const ws = createMlpWorkspace(net, B);
    const y = mlpForward(net, input, B, ws);
    const dOut = Float64Array.from(y, (v, i) => v - target[i]);
    const grad = new Float64Array(net.params.length);
    const dIn = Float64Array.from(mlpBackward(net, dOut, B, ws, grad));
    const h = 1e-6;
    let worst = 0;
    for (let k = 0; k < net.params.length; k++) {
      const v = net.params[k];
      net.params[k] = v + h;
      const lp = lossOf(net, input, B, target);
      net.params[k] = v - h;
      const lm = lossOf(net, input, B, target);
      net.params[k] = v;
      worst = Math.max(worst, Math.abs((lp - lm) / (2 * h) - grad[k]) / Math.max(1, Math.abs(grad[k])));
    }
    expect(worst).toBeLessThan(1e-6);
    for (let k = 0; k < input.length; k++) {
      const v = input[k];
      input[k] = v + h;
      const lp = lossOf(net, input, B, target);
      input[k] = v - h;
      const lm = lossOf(net, input, B, target);
      input[k] = v;
      expect(dIn[k]).toBeCloseTo((lp - lm) / (2 * h), 6);
    }
  });

  it('rejects bad layer sizes and mismatched saved weights', () => {
    expect(() => createMlp([2], rng)).toThrow(/sizes/);
    expect(() => createMlp([2, 0, 1], rng)).toThrow(/sizes/);
    expect(() => createMlp([2, 3, 1], null, new Float64Array(3))).toThrow(/params/);
  });
});
