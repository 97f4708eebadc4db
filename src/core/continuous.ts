// Chapter 9's first picture: one continuous state-space system h'(τ) = A h(τ) + B x(τ), y = C h,
// watched two ways — as a curve in continuous time, and as the samples a discrete model computes
// every Δ (zero-order hold: each input sample is held constant for Δ).
//
// Inputs here are piecewise constant (a sum of segments). For such inputs zero-order hold is exact
// between breakpoints, so the "continuous" curve is exact too: it is the same ZOH step taken over
// every little interval between grid points and the input's own edges.
import type { Mat, Vec } from './linalg';
import { scale } from './linalg';
import { discretizeZOH, expm, ssmRecurrent, type ContinuousSSM, type DiscreteSSM } from './s4';

/** x(τ) = value for start ≤ τ < end (and 0 outside); an input is a sum of these. */
export interface Segment {
  start: number;
  end: number;
  value: number;
}

/** The chapter's system: a damped oscillator. exp(ΔA) turns the state by Δ radians and shrinks it by e^{−0.1Δ}. */
export const OSCILLATOR: ContinuousSSM = {
  A: [
    [-0.1, -1],
    [1, -0.1],
  ],
  B: [1, 0],
  C: [1, 0],
};

/** OSCILLATOR's Ā = e^{−0.1Δ} R(Δ): each step turns the state by Δ radians and shrinks it. */
export function oscillatorStep(dt: number): { angle: number; degrees: number; shrink: number } {
  return { angle: dt, degrees: (dt * 180) / Math.PI, shrink: Math.exp(-0.1 * dt) };
}

/** x(τ): the sum of the segments that cover τ. */
export function signalAt(segments: readonly Segment[], tau: number): number {
  return segments.reduce((s, seg) => (tau >= seg.start && tau < seg.end ? s + seg.value : s), 0);
}

/** The discrete model's inputs: x_k = x(kΔ), k = 0 … L−1 (each one is then held for Δ). */
export function sampleSignal(segments: readonly Segment[], dt: number, L: number): Vec {
  return Array.from({ length: L }, (_, k) => signalAt(segments, k * dt));
}

/** Ā = exp(ΔA): what one step of length Δ does to the state when no input arrives. */
export function transition(A: Mat, dt: number): Mat {
  return expm(scale(A, dt));
}

export interface Trajectory {
  /** Times τ. */
  tau: Vec;
  /** State h(τ) at each time (N entries). */
  h: Mat;
  /** Output y(τ) = C h(τ). */
  y: Vec;
}

const output = (C: Vec, h: Vec): number => C.reduce((s, c, n) => s + c * h[n], 0);

/**
 * The exact continuous response on [0, tEnd], reported every `step` (h(0) = 0). Between reported
 * times the input's edges are stepped to exactly, so a pulse that starts between grid points is
 * still integrated without error.
 */
export function continuousResponse(ssm: ContinuousSSM, segments: readonly Segment[], tEnd: number, step: number): Trajectory {
  if (!(step > 0) || !(tEnd > 0)) throw new Error('continuousResponse: tEnd and step must be positive');
  const count = Math.round(tEnd / step);
  const grid = Array.from({ length: count + 1 }, (_, i) => i * step);
  const edges = segments.flatMap((s) => [s.start, s.end]).filter((e) => e > 0 && e < tEnd);
  const cache = new Map<string, DiscreteSSM>();
  const zoh = (dt: number): DiscreteSSM => {
    const key = dt.toPrecision(12);
    let d = cache.get(key);
    if (!d) cache.set(key, (d = discretizeZOH(ssm, dt)));
    return d;
  };
  let h: Vec = ssm.B.map(() => 0);
  let now = 0;
  const advance = (to: number) => {
    const dt = to - now;
    if (dt <= 1e-12) return;
    const d = zoh(dt);
    const x = signalAt(segments, now); // constant on [now, to): no edge lies strictly inside
    h = d.Abar.map((row, i) => row.reduce((s, a, j) => s + a * h[j], 0) + d.Bbar[i] * x);
    now = to;
  };
  const tau: Vec = [];
  const hs: Mat = [];
  for (const t of grid) {
    for (const e of edges) if (e > now && e < t) advance(e);
    advance(t);
    tau.push(t);
    hs.push(h.slice());
  }
  return { tau, h: hs, y: hs.map((hk) => output(ssm.C, hk)) };
}

export interface SampledResponse extends Trajectory {
  /** The held inputs x_k = x(kΔ). */
  x: Vec;
  /** Ā and B̄ for this Δ. */
  discrete: DiscreteSSM;
}

/**
 * The discrete model on [0, tEnd]: x_k = x(kΔ) held for Δ, h_k = Ā h_{k−1} + B̄ x_k. State h_k is the
 * state at time (k+1)Δ, so `tau` starts at Δ (h(0) = 0 is not repeated).
 */
export function sampledResponse(ssm: ContinuousSSM, segments: readonly Segment[], dt: number, tEnd: number): SampledResponse {
  if (!(dt > 0)) throw new Error('sampledResponse: Δ must be positive');
  const L = Math.max(1, Math.floor(tEnd / dt + 1e-9));
  const x = sampleSignal(segments, dt, L);
  const discrete = discretizeZOH(ssm, dt);
  const { y, h } = ssmRecurrent(discrete, x);
  return { tau: x.map((_, k) => (k + 1) * dt), h, y, x, discrete };
}
