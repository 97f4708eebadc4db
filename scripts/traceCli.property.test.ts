// Generative tests of the `trace` command's input: any argument list is read or refused with one
// short line naming the flag; any case file gives the float64 core's numbers or exits 2 naming the
// field. The command runs in-process (runTrace, the code the process runs; scripts/trace.test.ts
// starts the real process).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { runReference } from '../src/core';
import { maxAbs, maxAbsDiff } from '../src/core/linalg';
import { CASE_FIELDS, badValue, corrupt, validCase } from '../src/core/test-arbitraries';
import { VIEWS } from '../src/core/views';
import { parseArgs, UsageError } from './traceCli';
import { traceInProcess } from './traceInProcess';

const FLAGS = ['--input', '--view', '--chunk', '--backend', '--steps'];
const arg = fc.oneof(
  fc.constantFrom(...FLAGS, ...VIEWS, 'wasm', 'reference', 'case.json', '-', '0', '3', '1025', '99999999999999999999', '--colour', ''),
  fc.string({ maxLength: 60 }),
);

describe('trace arguments, generated', () => {
  it.prop([fc.array(arg, { maxLength: 8 })], { numRuns: 300, seed: 20261204 })('any argument list is read or refused with one short line naming a flag', (argv) => {
    try {
      const args = parseArgs(argv);
      expect(args.input.length).toBeGreaterThan(0);
      expect(args.chunk >= 1 && Number.isInteger(args.chunk)).toBe(true);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      const message = (e as Error).message;
      expect(message).toMatch(/^(--\w+|unknown argument)/);
      expect(message.length).toBeLessThanOrEqual(300);
      expect(message).not.toContain('\n');
    }
  });
});

const dir = mkdtempSync(join(tmpdir(), 'trace-prop-'));
let n = 0;
function trace(input: unknown, ...args: string[]) {
  const file = join(dir, `case${n++}.json`);
  writeFileSync(file, JSON.stringify(input));
  return traceInProcess(['--input', file, ...args]);
}

describe('trace command on generated cases', () => {
  const RUNS = { numRuns: 4, seed: 20261204 };
  it.prop([validCase(), fc.constantFrom(...VIEWS)], RUNS)('a valid case prints the float64 core\'s numbers', async (c, view) => {
    const r = await trace(c, '--backend', 'reference', '--view', view);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const ref = runReference(JSON.parse(JSON.stringify(c)), view);
    expect(maxAbsDiff(out.o, ref.o)).toBeLessThanOrEqual(1e-12 * Math.max(1, maxAbs(ref.o)));
  });

  it.prop([validCase(), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), badValue], RUNS)('a broken case exits 2 with one line naming the field, or runs', async (c, path, value) => {
    const { json } = corrupt(c, path, value);
    const r = await trace(json, '--backend', 'reference');
    if (r.code === 0) return; // the replacement happened to be valid
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr.length).toBeLessThanOrEqual(300);
    expect(CASE_FIELDS.some((f) => r.stderr.startsWith(`trace: ${f}:`) || r.stderr.startsWith(`trace: ${f}[`))).toBe(true);
  });
});
