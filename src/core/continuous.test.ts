import { describe, expect, it } from 'vitest';
import { continuousResponse, OSCILLATOR, oscillatorStep, sampledResponse, sampleSignal, signalAt, transition } from './continuous';
import { maxAbsDiff } from './linalg';
import { expectClose } from './test-utils';

const PULSE = [{ start: 1, end: 3, value: 1 }];

describe('piecewise-constant inputs', () => {
  it('a pulse is its value on [start, end) and 0 elsewhere; segments add', () => {
    expect([0, 0.999, 1, 2.5, 3, 4].map((t) => signalAt(PULSE, t))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(signalAt([...PULSE, { start: 2, end: 5, value: -0.5 }], 2.5)).toBe(0.5);
  });

  it('samples x_k = x(kΔ)', () => {
    expect(sampleSignal(PULSE, 0.5, 8)).toEqual([0, 0, 1, 1, 1, 1, 0, 0]);
    expect(sampleSignal(PULSE, 2, 3)).toEqual([0, 1, 0]);
  });
});

describe('Ā = exp(ΔA) for the damped oscillator', () => {
  it.each([0.1, 0.5, 1.3, 3])('Δ = %f: a rotation by Δ radians shrunk by e^{−0.1Δ}', (dt) => {
    const r = Math.exp(-0.1 * dt);
    expectClose(transition(OSCILLATOR.A, dt), [
      [r * Math.cos(dt), -r * Math.sin(dt)],
      [r * Math.sin(dt), r * Math.cos(dt)],
    ], 1e-13);
    const { angle, degrees, shrink } = oscillatorStep(dt);
    const Abar = transition(OSCILLATOR.A, dt);
    expect(Math.atan2(Abar[1][0], Abar[0][0])).toBeCloseTo(angle > Math.PI ? angle - 2 * Math.PI : angle, 12);
    expect(Math.hypot(Abar[0][0], Abar[1][0])).toBeCloseTo(shrink, 14);
    expect(degrees).toBeCloseTo((angle / Math.PI) * 180, 12);
  });
});

describe('continuous response', () => {
  it('1-D by hand: h′ = −h + x with x = 1 from τ = 0 gives h(τ) = 1 − e^{−τ}', () => {
    const r = continuousResponse({ A: [[-1]], B: [1], C: [1] }, [{ start: 0, end: 100, value: 1 }], 5, 0.25);
    expect(r.tau).toHaveLength(21);
    expectClose(r.y, r.tau.map((t) => 1 - Math.exp(-t)), 1e-13);
  });

  it('1-D by hand: a pulse on [0.3, 1.1) between grid points is integrated exactly', () => {
    const r = continuousResponse({ A: [[-1]], B: [1], C: [1] }, [{ start: 0.3, end: 1.1, value: 2 }], 3, 0.5);
    // During the pulse h = 2(1 − e^{−(τ−0.3)}); after it, h decays from h(1.1) as e^{−(τ−1.1)}.
    const h11 = 2 * (1 - Math.exp(-0.8));
    const exact = r.tau.map((t) => (t < 0.3 ? 0 : t < 1.1 ? 2 * (1 - Math.exp(-(t - 0.3))) : h11 * Math.exp(-(t - 1.1))));
    expectClose(r.y, exact, 1e-13);
  });
});

describe('sampled (discrete) response', () => {
  it('when the pulse edges fall on the Δ grid, zero-order hold is exact: the samples sit on the curve', () => {
    const curve = continuousResponse(OSCILLATOR, PULSE, 20, 0.05);
    const dots = sampledResponse(OSCILLATOR, PULSE, 0.5, 20);
    const onCurve = dots.tau.map((t) => curve.y[Math.round(t / 0.05)]);
    expect(maxAbsDiff(dots.y, onCurve)).toBeLessThan(1e-12);
    expect(dots.tau[0]).toBe(0.5); // h_0 is the state after the first held sample, at τ = Δ
  });

  it('when they do not (Δ = 0.7), the held input differs from the real one and so do the samples', () => {
    const curve = continuousResponse(OSCILLATOR, PULSE, 21, 0.07);
    const dots = sampledResponse(OSCILLATOR, PULSE, 0.7, 21);
    const onCurve = dots.tau.map((t) => curve.y[Math.round(t / 0.07)]);
    expect(maxAbsDiff(dots.y, onCurve)).toBeGreaterThan(0.05);
  });

  it('uses Ā = exp(ΔA) and B̄ from zero-order hold', () => {
    const dots = sampledResponse(OSCILLATOR, PULSE, 1.2, 12);
    expectClose(dots.discrete.Abar, transition(OSCILLATOR.A, 1.2), 1e-14);
    expect(dots.x).toHaveLength(10);
  });
});
