import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rng } from './random';
import { IGNORE, TASKS, TASK_IDS, distinct, heldOut, mqar, parseTokens, probabilities, selectiveCopy, solve, story, tokenName } from './tasks';

describe('task generators match scripts/train/tasks.py token for token', () => {
  it('draws the sequences Python printed for seed 7 (hand-copied from a run of tasks.py)', () => {
    const r = rng(7);
    expect(mqar(r, 3)).toEqual({ tokens: [1, 55, 3, 49, 32, 45, 0, 3, 1, 32], targets: [-1, -1, -1, -1, -1, -1, -1, 49, 55, 45] });
    expect(story(r, 3)).toEqual({ tokens: [3, 6, 1, 8, 3, 5, 0, 1], targets: [-1, -1, -1, -1, -1, -1, -1, 8] });
    expect(selectiveCopy(r, 3).tokens).toEqual([18, 18, 18, 19, 21, 23, 17, 16, 5, 21, 22, 24, 21, 15, 23, 17, 18, 19, 20, 17, 17, 23, 19, 20, 0, 16, 5]);
  });

  it('regenerates the golden inputs the training script saved', () => {
    const manifest = JSON.parse(readFileSync('public/models/manifest.json', 'utf8')) as { heldOut: { seed: number } };
    for (const task of TASK_IDS) {
      const golden = JSON.parse(readFileSync(`scripts/train/golden/${task}.json`, 'utf8')) as Record<string, { tokens: number[] }[]>;
      const levels = TASKS[task].levels;
      const expected = heldOut(task, levels[levels.length - 1], 2, manifest.heldOut.seed + 1).map((e) => e.tokens);
      for (const runs of Object.values(golden)) expect(runs.map((g) => g.tokens)).toEqual(expected);
    }
  });
});

describe('task rules (hand-checked)', () => {
  it('distinct never repeats and stays in range', () => {
    const r = rng(3);
    for (let n = 1; n < 20; n++) {
      const d = distinct(r, n, n);
      expect([...d].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('mqar: every query is answered with the value stored after its key', () => {
    const { tokens, targets } = mqar(rng(11), 12);
    const sep = tokens.indexOf(0);
    const stored = new Map<number, number>();
    for (let i = 0; i < sep; i += 2) stored.set(tokens[i], tokens[i + 1]);
    for (let t = sep + 1; t < tokens.length; t++) expect(targets[t]).toBe(stored.get(tokens[t]));
    expect(targets.slice(0, sep + 1).every((y) => y === IGNORE)).toBe(true);
  });

  it('story: the answer is the asked entity’s latest place', () => {
    const { tokens, targets } = story(rng(5), 9);
    const asked = tokens[tokens.length - 1];
    let last = -1;
    for (let i = 0; i < tokens.length - 2; i += 2) if (tokens[i] === asked) last = tokens[i + 1];
    expect(targets[targets.length - 1]).toBe(last);
    expect(tokenName('story', asked)).toMatch(/^(joe|mary|fred|dan)$/);
  });

  it('selective copy: the answers are the data tokens in the order they appeared', () => {
    const { tokens, targets } = selectiveCopy(rng(9), 5);
    const data = tokens.slice(0, 24).filter((t) => t >= 1 && t <= 16);
    expect(targets.filter((y) => y !== IGNORE)).toEqual(data);
    expect(tokens.slice(25)).toEqual(data.slice(0, -1));
  });

  it('probabilities sum to one and keep the arg-max', () => {
    const p = probabilities([1, 3, 2]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[1]).toBeCloseTo(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), 12);
  });
});

describe('solve: answers for typed sequences', () => {
  it('gives the generator’s own targets on generated sequences', () => {
    const r = rng(21);
    for (const task of TASK_IDS)
      for (const level of TASKS[task].levels)
        for (let i = 0; i < 20; i++) {
          const ex = TASKS[task].make(r, level);
          expect(solve(task, ex.tokens)).toEqual(ex.targets);
        }
  });

  it('answers hand-typed sequences', () => {
    const parse = (task: Parameters<typeof parseTokens>[0], text: string): number[] => {
      const p = parseTokens(task, text);
      if (!('tokens' in p)) throw new Error(JSON.stringify(p.problem));
      return p.tokens;
    };
    const s = parse('story', 'joe garden mary kitchen joe office ? joe');
    expect(tokenName('story', solve('story', s)[s.length - 1])).toBe('office');
    const m = parse('mqar', 'k3 17 k5 2 | k5 k9');
    expect(solve('mqar', m).map((y) => (y === IGNORE ? '-' : tokenName('mqar', y)))).toEqual(['-', '-', '-', '-', '-', '2', '-']);
    const c = parse('selective_copy', 'n1 A .2 ·3 B | A');
    expect(solve('selective_copy', c).map((y) => (y === IGNORE ? '-' : tokenName('selective_copy', y)))).toEqual(['-', '-', '-', '-', '-', 'A', 'B']);
  });

  it('refuses empty, unknown and overlong input with a reason', () => {
    expect(parseTokens('story', '  ')).toEqual({ problem: { kind: 'empty' } });
    expect(parseTokens('story', 'joe moon')).toEqual({ problem: { kind: 'unknown', word: 'moon' } });
    expect(parseTokens('mqar', 'k1 '.repeat(300))).toEqual({ problem: { kind: 'too-long', max: 256 } });
  });
});
