import { describe, expect, it } from 'vitest';
import { dependencyGraph, neededFor } from './dependency';

describe('dependencies of y_t', () => {
  it('RNN graph over 3 steps: inputs into states, a chain of states, states into outputs', () => {
    const g = dependencyGraph('rnn', 3);
    expect(g.nodes).toEqual(['x0', 'x1', 'x2', 'h0', 'h1', 'h2', 'y0', 'y1', 'y2']);
    expect(g.edges).toHaveLength(3 + 2 + 3);
    expect(g.edges).toContainEqual({ from: 'h1', to: 'h2' });
    expect(g.edges).not.toContainEqual({ from: 'h0', to: 'h2' });
  });

  it('linear attention graph over 3 steps: every earlier input feeds each output (1 + 2 + 3 arrows)', () => {
    const g = dependencyGraph('linear-attention', 3);
    expect(g.nodes).toEqual(['x0', 'x1', 'x2', 'y0', 'y1', 'y2']);
    expect(g.edges).toHaveLength(6);
    expect(g.edges).toContainEqual({ from: 'x0', to: 'y2' });
    expect(g.edges).not.toContainEqual({ from: 'x2', to: 'y1' }); // causal
  });

  it('RNN: y_5 needs x_1…x_5 and the chain H_1 → … → H_5, five sequential steps', () => {
    const n = neededFor('rnn', 6, 4);
    expect(n.nodes).toEqual(['x0', 'x1', 'x2', 'x3', 'x4', 'h0', 'h1', 'h2', 'h3', 'h4', 'y4']);
    expect(n.sequentialSteps).toBe(5);
    expect([0, 1, 2, 3, 4].map((s) => n.wave[`h${s}`])).toEqual([1, 2, 3, 4, 5]);
    expect(n.edges).toContainEqual({ from: 'h3', to: 'h4' });
    expect(n.nodes).not.toContain('x5');
  });

  it('linear attention: y_5 needs x_1…x_5 directly, all in one wave', () => {
    const n = neededFor('linear-attention', 6, 4);
    expect(n.nodes).toEqual(['x0', 'x1', 'x2', 'x3', 'x4', 'y4']);
    expect(n.sequentialSteps).toBe(1);
    expect(n.edges).toHaveLength(5);
  });

  it('the first output needs one step in both forms', () => {
    expect(neededFor('rnn', 4, 0).sequentialSteps).toBe(1);
    expect(neededFor('linear-attention', 4, 0).sequentialSteps).toBe(1);
    for (let t = 0; t < 8; t++) expect(neededFor('rnn', 8, t).sequentialSteps).toBe(t + 1);
  });

  it('refuses a step outside the sequence', () => {
    expect(() => neededFor('rnn', 3, 3)).toThrow(RangeError);
    expect(() => neededFor('rnn', 3, -1)).toThrow(RangeError);
  });
});
